/// The rows of the orders and messages tables as HTML, written here instead of by Mustache:
/// they are most of the report's rows, and Mustache's name lookups (a walk up the context
/// stack with dynamic casts for every value) took about 40% of the report's time. The output
/// is what the templates' rows gave, byte for byte, and every value goes through the same
/// escaping as the templates' `{{value}}` (`ReportEscaping.escape`): the templates print
/// these rows with `{{{…}}}`, the only unescaped values besides the constant style and script.
extension ReportRows {
    /// `<tr>…</tr>` lines of the orders table (the vendor column with `showVendor`; `root` is
    /// the page's way back to the report's folder).
    static func html(_ orders: [OrderLine], showVendor: Bool, root: String) -> String {
        let escape = ReportEscaping.escape
        var html = ""
        html.reserveCapacity(orders.count * 400)
        for order in orders {
            html += "<tr><td>" + escape(order.date) + "</td>"
            if showVendor {
                html += "<td><a href=\"" + escape(root) + "vendors/" + escape(order.vendorPage) + "\">" + escape(order.vendorName) + "</a></td>"
            }
            html += "<td>" + escape(order.number) + "</td><td>" + escape(order.status) + "</td><td class=\"num\" data-value=\""
                + escape(order.totalValue) + "\">" + escape(order.total) + "</td>\n<td>"
            if order.hasItems {
                html += "<ul class=\"items\">"
                for item in order.items {
                    html += "<li>" + escape(String(item.quantity)) + " × " + escape(item.name)
                    if item.hasPrice { html += " · " + escape(item.price) }
                    html += "</li>"
                }
                html += "</ul>"
            }
            for tag in order.tracking { html += "<span class=\"tag\">" + escape(tag) + "</span> " }
            html += "</td></tr>\n"
        }
        return html
    }

    /// `<tr>…</tr>` lines of the messages table.
    static func html(_ messages: [MessageLine]) -> String {
        let escape = ReportEscaping.escape
        var html = ""
        html.reserveCapacity(messages.count * 160)
        for message in messages {
            html += "<tr><td>" + escape(message.date) + "</td><td>" + escape(message.category) + "</td><td>" + escape(message.from)
                + "</td><td class=\"subject\">" + escape(message.subject) + "</td></tr>\n"
        }
        return html
    }
}

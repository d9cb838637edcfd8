import Dashboard
import Foundation
import MailroomCore

/// The rows the report's templates print: every value is text ready to be escaped.
enum ReportRows {
    struct VendorLine {
        var page: String
        var name: String
        var domain: String
        /// The sector id (for the sector filter) and its display name.
        var sector: String
        var sectorName: String
        /// Categories it sends, space-separated (for the category filter).
        var categories: String
        /// Folded name, id and domain (for the text filter).
        var search: String
        var total: Int
        var orders: Int
        var account: Int
        var support: Int
        var newsletters: Int
        var notifications: Int
        var orderCount: Int
        var spend: String
        var spendValue: String
        var lastContact: String
        var hidden: Int
    }

    struct OrderLine {
        var date: String
        var vendorName: String
        var vendorPage: String
        var number: String
        var status: String
        var total: String
        var totalValue: String
        var hasItems: Bool
        var items: [ItemLine]
        var tracking: [String]
    }

    struct ItemLine {
        var quantity: Int
        var name: String
        var hasPrice: Bool
        var price: String
    }

    struct DeadlineLine {
        var date: String
        var kind: String
        var vendorName: String
        var vendorPage: String
        var order: String
        var total: String
    }

    struct MessageLine {
        var date: String
        var category: String
        var from: String
        var subject: String
    }

    struct SpendCard {
        var currency: String
        var amount: String
    }

    struct SpendChart {
        var currency: String
        var chart: BarChart
    }

    static let deadlineKinds: [String: String] = [
        "return": "last day to return", "warranty": "warranty ends", "payment": "payment due", "delivery": "delivery expected",
    ]

    static func order(_ order: OrderItem, timeZone: TimeZone, page: (String) -> String) -> OrderLine {
        let items = order.row.items.map { item in
            let price = order.amount(item.unitPriceMinor)
            return ItemLine(quantity: item.quantity, name: item.name, hasPrice: price != nil,
                            price: price.map { "\($0) \(order.row.currency ?? "")" } ?? "")
        }
        return OrderLine(
            date: order.row.date.map { DateText.day($0, in: timeZone) } ?? "", vendorName: order.row.vendorName,
            vendorPage: page(order.row.vendor.rawValue), number: order.row.number, status: order.row.status ?? "",
            total: order.total?.text ?? "", totalValue: order.row.totalMinor.map(String.init) ?? "0",
            hasItems: !items.isEmpty, items: items,
            tracking: order.row.tracking.map { ($0.carrier.map { "\($0) " } ?? "") + $0.number })
    }

    static func deadline(_ deadline: DeadlineItem, page: (String) -> String) -> DeadlineLine {
        DeadlineLine(date: deadline.day, kind: deadlineKinds[deadline.row.kind.rawValue] ?? deadline.row.kind.rawValue,
                     vendorName: deadline.row.vendorName, vendorPage: page(deadline.row.vendor.rawValue),
                     order: deadline.row.orderNumber, total: deadline.total?.text ?? "")
    }

    static func message(_ message: MessageItem, timeZone: TimeZone) -> MessageLine {
        MessageLine(date: message.row.date.map { DateText.day($0, in: timeZone) } ?? "",
                    category: message.row.category?.rawValue ?? "",
                    from: message.row.fromName ?? message.row.fromAddress ?? "", subject: message.row.subject ?? "")
    }
}

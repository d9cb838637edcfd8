import ArgumentParser
import Dashboard
import Foundation

/// `mailroom messages`: stored messages, newest first.
struct Messages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List messages, newest first: id (for `mailroom correct`), date, vendor, category, sender, subject, read.")

    @Option(help: ArgumentHelp("Only this vendor (id, name or domain).", valueName: "name"))
    var vendor: String?

    @Option(help: "At most this many messages (0: all).")
    var limit = 100

    @OptionGroup var scope: ScopeOptions

    @Option(help: "Output format: table, json or csv.")
    var format: DataFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dashboard = try global.dashboard()
        var scope = try scope.scope(timeZone: dashboard.timeZone)
        if let vendor { scope.vendor = try dashboard.findVendor(vendor).id }
        let messages = try dashboard.messages(scope, limit: limit > 0 ? limit : nil)
        try Output.emit(messages, listing: MessageListing.listing(messages, timeZone: dashboard.timeZone, snippets: false), format: format)
    }
}

/// `mailroom search TEXT`: full-text search over subjects and bodies.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find messages holding every word of TEXT in their subject or body (accents and case ignored).",
        discussion: "Words match as prefixes: `factur` finds `facture` and `facturation`."
    )

    @Argument(help: ArgumentHelp("Words to find.", valueName: "text"))
    var text: [String]

    @Option(help: "At most this many messages (0: all).")
    var limit = 50

    @OptionGroup var scope: ScopeOptions

    @Option(help: "Output format: table, json or csv.")
    var format: DataFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dashboard = try global.dashboard()
        let messages = try dashboard.search(text.joined(separator: " "), scope: try scope.scope(timeZone: dashboard.timeZone),
                                            limit: limit > 0 ? limit : nil)
        try Output.emit(messages, listing: MessageListing.listing(messages, timeZone: dashboard.timeZone, snippets: true), format: format)
    }
}

/// Columns of message listings.
enum MessageListing {
    static func listing(_ messages: [MessageItem], timeZone: TimeZone, snippets: Bool) -> Listing {
        var columns: [Listing.Column] = [
            .init("ID", csv: "id", alignRight: true), .init("MESSAGE-ID", csv: "message_id", inTable: false),
            .init("DATE", csv: "date", minimumWidth: 10), .init("VENDOR", csv: "vendor_name", minimumWidth: 10),
            .init("VENDOR ID", csv: "vendor", inTable: false), .init("CATEGORY", csv: "category", minimumWidth: 8),
            .init("FROM", csv: "from_name", minimumWidth: 10), .init("ADDRESS", csv: "from_address", inTable: false),
            .init("SUBJECT", csv: "subject", minimumWidth: 16, priority: 2), .init("READ", csv: "read", inTable: !snippets, priority: 0),
        ]
        if snippets { columns.append(.init("MATCH", csv: "snippet", minimumWidth: 16, priority: 2)) }
        return Listing(columns: columns, rows: messages.map { message in
            let row = message.row
            var cells = [
                "\(row.id)", row.messageID ?? "", row.date.map { DateText.day($0, in: timeZone) } ?? "", row.vendorName ?? "",
                row.vendor?.rawValue ?? "", row.category?.rawValue ?? "", row.fromName ?? row.fromAddress ?? "",
                row.fromAddress ?? "", row.subject ?? "", row.read.map { $0 ? "yes" : "no" } ?? "",
            ]
            if snippets { cells.append(row.snippet ?? "") }
            return cells
        })
    }
}

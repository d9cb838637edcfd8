import ArgumentParser
import Dashboard
import Foundation
import MailroomCore

/// `mailroom vendors`: every vendor that writes, with its counts, orders and spend.
struct Vendors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the vendors that write to you: messages by category, orders, spend, first and last contact.",
        discussion: "Counts cover visible mail; `hidden` counts what refusals hide. A refused vendor is left out unless --include-refused."
    )

    @OptionGroup var scope: ScopeOptions

    @Option(help: "Output format: table, json or csv.")
    var format: DataFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dashboard = try global.dashboard()
        let summaries = try dashboard.vendorSummaries(try scope.scope(timeZone: dashboard.timeZone))
        try Output.emit(summaries, listing: Self.listing(summaries, timeZone: dashboard.timeZone, sectorName: dashboard.sectorName),
                        format: format)
    }

    /// The table and CSV of `summaries`: the table shows sector names, CSV has the id
    /// (`sector`) and the name (`sector_name`).
    static func listing(_ summaries: [VendorSummary], timeZone: TimeZone, sectorName: (Sector?) -> String) -> Listing {
        let day = { (date: Date?) in date.map { DateText.day($0, in: timeZone) } ?? "" }
        return Listing(
            columns: [
                .init("VENDOR", csv: "name", minimumWidth: 10, priority: 2), .init("ID", csv: "id", inTable: false),
                .init("DOMAIN", csv: "domain", inTable: false), .init("SECTOR ID", csv: "sector", inTable: false),
                .init("SECTOR", csv: "sector_name", minimumWidth: 6),
                .init("MSGS", csv: "messages_total", alignRight: true),
                .init("ORD", csv: "messages_orders", alignRight: true, priority: 0),
                .init("ACC", csv: "messages_account", alignRight: true, priority: 0),
                .init("SUP", csv: "messages_support", alignRight: true, priority: 0),
                .init("NEWS", csv: "messages_newsletters", alignRight: true, priority: 0),
                .init("NOTIF", csv: "messages_notifications", alignRight: true, priority: 0),
                .init("ORDERS", csv: "orders", alignRight: true), .init("SPEND", csv: "spend", alignRight: true),
                .init("FIRST", csv: "first_contact", inTable: false), .init("LAST", csv: "last_contact", minimumWidth: 10),
                .init("HIDDEN", csv: "hidden", alignRight: true),
            ],
            rows: summaries.map { summary in
                [summary.name, summary.id.rawValue, summary.domain ?? "", summary.sector?.rawValue ?? "", sectorName(summary.sector),
                 "\(summary.messages.total)", "\(summary.messages.orders)", "\(summary.messages.account)",
                 "\(summary.messages.support)", "\(summary.messages.newsletters)", "\(summary.messages.notifications)",
                 "\(summary.orders)", summary.spend.map(\.text).joined(separator: "; "),
                 day(summary.firstContact), day(summary.lastContact), "\(summary.hidden)"]
            })
    }
}

import ArgumentParser
import Dashboard
import Foundation

/// `mailroom upcoming`: return windows, warranties, payment and delivery dates ahead.
struct Upcoming: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the deadlines ahead: last days to return, warranty ends, invoices due, deliveries expected."
    )

    @Option(help: "How many days ahead, from today.")
    var days = 90

    @OptionGroup var scope: ScopeOptions

    @Option(help: "Output format: table, json or csv.")
    var format: DataFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dashboard = try global.dashboard()
        let deadlines = try dashboard.upcomingDeadlines(try scope.scope(timeZone: dashboard.timeZone), days: max(days, 0))
        let listing = Listing(
            columns: [
                .init("DATE", csv: "date", minimumWidth: 10), .init("KIND", csv: "kind"), .init("VENDOR", csv: "vendor_name"),
                .init("VENDOR ID", csv: "vendor", inTable: false), .init("ORDER", csv: "order", minimumWidth: 8),
                .init("TOTAL", csv: "total", alignRight: true), .init("CUR", csv: "currency"),
            ],
            rows: deadlines.map {
                [$0.day, $0.row.kind.rawValue, $0.row.vendorName, $0.row.vendor.rawValue, $0.row.orderNumber,
                 $0.total?.amount ?? "", $0.row.currency ?? ""]
            })
        try Output.emit(deadlines, listing: listing, format: format)
    }
}

import ArgumentParser
import Dashboard
import Foundation

/// `mailroom orders`: orders with their totals, status and line items.
struct Orders: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List orders, newest first: vendor, number, status, total, items.")

    static let statuses = ["processing", "shipped", "delivered", "cancelled", "returned", "refunded"]

    @Option(help: ArgumentHelp("Only this vendor (id, name or domain).", valueName: "name"))
    var vendor: String?

    @Option(help: ArgumentHelp("Only this status: \(statuses.joined(separator: ", ")).", valueName: "status"))
    var status: String?

    @OptionGroup var scope: ScopeOptions

    @Option(help: "Output format: table, json or csv.")
    var format: DataFormat = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let status, !Self.statuses.contains(status) {
            throw ValidationError(Vocabulary.unknown("status", status, Self.statuses))
        }
    }

    func run() throws {
        let dashboard = try global.dashboard()
        var scope = try scope.scope(timeZone: dashboard.timeZone)
        if let vendor { scope.vendor = try dashboard.findVendor(vendor).id }
        let orders = try dashboard.orders(scope, status: status)
        try Output.emit(orders, listing: Self.listing(orders, timeZone: dashboard.timeZone), format: format)
    }

    static func listing(_ orders: [OrderItem], timeZone: TimeZone) -> Listing {
        Listing(
            columns: [
                .init("DATE", csv: "date", minimumWidth: 10), .init("VENDOR", csv: "vendor_name", minimumWidth: 10, priority: 2), .init("VENDOR ID", csv: "vendor", inTable: false),
                .init("NUMBER", csv: "number", minimumWidth: 8, priority: 3), .init("STATUS", csv: "status"),
                .init("TOTAL", csv: "total", alignRight: true), .init("CUR", csv: "currency"),
                .init("REFUNDED", csv: "refunded", inTable: false), .init("ITEMS", csv: "items", minimumWidth: 10),
                .init("TRACKING", csv: "tracking", inTable: false),
            ],
            rows: orders.map { order in
                [order.row.date.map { DateText.day($0, in: timeZone) } ?? "", order.row.vendorName, order.row.vendor.rawValue,
                 order.row.number, order.row.status ?? "", order.amount(order.row.totalMinor) ?? "", order.row.currency ?? "",
                 order.amount(order.row.refundedMinor) ?? "",
                 order.row.items.map { "\($0.quantity) × \($0.name)" }.joined(separator: "; "),
                 order.row.tracking.map { ($0.carrier.map { "\($0) " } ?? "") + $0.number }.joined(separator: "; ")]
            })
    }
}

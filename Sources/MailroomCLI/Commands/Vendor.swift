import ArgumentParser
import Dashboard
import Foundation

/// `mailroom vendor NAME`: one vendor's card.
struct Vendor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one vendor: activity, orders and spend, open support, account events, newsletters, deadlines.",
        discussion: "NAME is the vendor's id, name or one of its domains (case and accents ignored); close names are suggested."
    )

    @Argument(help: ArgumentHelp("The vendor's id, name or domain.", valueName: "name"))
    var name: String

    @OptionGroup var scope: ScopeOptions

    @Option(help: "Output format: table, json or csv.")
    var format: DataFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dashboard = try global.dashboard()
        let vendor = try dashboard.findVendor(name)
        let card = try dashboard.card(vendor, scope: try scope.scope(timeZone: dashboard.timeZone))
        switch format {
        case .table: VendorCardText.lines(card, timeZone: dashboard.timeZone, sectorName: dashboard.sectorName).forEach(Terminal.output)
        case .json, .csv: try Output.emit(card, listing: VendorCardText.listing(card, timeZone: dashboard.timeZone, sectorName: dashboard.sectorName), format: format)
        }
    }
}

import ArgumentParser
import Dashboard
import Foundation
import MailroomCore
import Rules
import Store

/// The target of `refuse` and `accept`: a vendor, or `--sector S`, optionally `--category C`.
struct RefusalTargetOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The vendor (id, name or domain; a vendor of the catalog without mail yet too). Leave out with --sector.", valueName: "vendor"))
    var vendor: String?

    @Option(help: ArgumentHelp("A whole sector instead of one vendor.", valueName: "sector"))
    var sector: String?

    @Option(help: ArgumentHelp("Only this category of the vendor's or sector's mail.", valueName: "category"))
    var category: String?

    @Option(help: "Output format: text or json.")
    var format: RefusalFormat = .text

    enum RefusalFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        guard (vendor == nil) != (sector == nil) else {
            throw ValidationError("name a vendor or a --sector (one of them)")
        }
        _ = try sector.map { try Vocabulary.sector($0) }
        _ = try category.map { try Vocabulary.category($0) }
    }

    /// The rule target and category, and the vendor's sector: the vendor is looked up in the
    /// store, else in the rules' catalog (a partner can be refused before its first mail).
    func target(in dashboard: Dashboard, global: GlobalOptions) throws -> (target: Refusal.Target, category: Category?, sector: Sector?) {
        let category = try category.map { try Vocabulary.category($0) }
        if let sector { return (.sector(try Vocabulary.sector(sector)), category, nil) }
        let query = vendor ?? ""
        let found: VendorRow
        switch Result(catching: { () throws(DashboardError) in try dashboard.findVendor(query) }) {
        case .success(let stored): found = stored
        // The rules are loaded only for a vendor the store does not know.
        case .failure(.noSuchVendor): found = try dashboard.findVendor(query, orIn: try global.rules())
        case .failure(let error): throw error
        }
        return (.vendor(found.id), category, found.sector)
    }

    func print(_ change: Dashboard.RefusalChange) throws {
        struct Record: Encodable {
            var changes: [String]
            var note: String?
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(changes, forKey: .changes)
                try container.encode(note, forKey: .note)
            }
            enum CodingKeys: String, CodingKey { case changes, note }
        }
        switch format {
        case .json: Terminal.output(try Output.json(Record(changes: change.changes, note: change.note)))
        case .text: (change.changes + [change.note].compactMap { $0 }).forEach(Terminal.output)
        }
    }
}

/// `mailroom refuse`: hide a vendor's or a sector's mail (all of it, or one category).
struct Refuse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Refuse a partner: hide a vendor's or a whole sector's mail, or one category of it.",
        discussion: """
            Refused mail stays stored (and on the server); it disappears from every query and the report, \
            counted as hidden. The most specific rule wins: vendor + category, vendor, sector + category, sector. \
            `mailroom refusals` lists the rules with the command that undoes each.
            """
    )

    @OptionGroup var target: RefusalTargetOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dashboard = try global.dashboard()
        let (target, category, _) = try self.target.target(in: dashboard, global: global)
        try self.target.print(try dashboard.refuse(target, category: category))
    }
}

/// `mailroom accept`: undo a refusal, or make an exception to a broader one.
struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show refused mail again: undo a refusal, or accept a vendor or category despite a broader refusal.",
        discussion: "Accepting a vendor or sector without --category also removes the refusals of its single categories."
    )

    @OptionGroup var target: RefusalTargetOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dashboard = try global.dashboard()
        let (target, category, sector) = try self.target.target(in: dashboard, global: global)
        try self.target.print(try dashboard.accept(target, category: category, sector: sector))
    }
}

/// `mailroom refusals`: the rules, what each hides, and how to undo it.
struct Refusals: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the refusal rules, the messages each hides, and the command that undoes each.")

    @Option(help: "Output format: table, json or csv.")
    var format: DataFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dashboard = try global.dashboard()
        let items = try dashboard.refusalItems()
        let listing = Listing(
            columns: [
                .init("ACTION", csv: "action"), .init("TARGET", csv: "target", inTable: false),
                .init("VENDOR OR SECTOR", csv: "name"), .init("CATEGORY", csv: "category"),
                .init("MESSAGES", csv: "messages", alignRight: true), .init("SINCE", csv: "created_at", minimumWidth: 10),
                .init("UNDO WITH", csv: "undo", minimumWidth: 20),
            ],
            rows: items.map { item in
                let (kind, name): (String, String) = switch item.rule.target {
                case .vendor(let id): ("vendor", id.rawValue)
                case .sector(let sector): ("sector", sector.rawValue)
                }
                return [item.rule.action.rawValue, kind, kind == "sector" ? "sector \(name)" : name,
                        item.rule.category?.rawValue ?? "all", "\(item.messages)",
                        format == .csv ? DateText.instant(item.rule.createdAt) : DateText.day(item.rule.createdAt, in: dashboard.timeZone),
                        item.undo]
            })
        if format == .table && items.isEmpty {
            Terminal.note("No refusals: every vendor's mail is shown. Refuse one with `mailroom refuse VENDOR [--category C]`.")
            return
        }
        try Output.emit(items, listing: listing, format: format)
    }
}

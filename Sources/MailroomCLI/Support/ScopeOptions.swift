import ArgumentParser
import Dashboard
import Foundation
import MailroomCore
import Rules
import Store

/// The filters every dashboard query takes: `--category`, `--sector`, `--since`, `--until`,
/// `--include-refused`.
struct ScopeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this category: \(Category.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "category"))
    var category: String?

    @Option(help: ArgumentHelp("Only vendors of this sector (see Rules/README.md, \"Sectors\").", valueName: "sector"))
    var sector: String?

    @Option(help: ArgumentHelp("From this day on (YYYY-MM-DD, local time).", valueName: "day"))
    var since: String?

    @Option(help: ArgumentHelp("Up to and including this day (YYYY-MM-DD, local time).", valueName: "day"))
    var until: String?

    @Flag(help: "Show the mail that refusals hide too.")
    var includeRefused = false

    func validate() throws {
        _ = try scope(timeZone: .current)
    }

    /// The scope these options describe; days are read in `timeZone`.
    func scope(timeZone: TimeZone) throws -> Scope {
        var scope = Scope(includeRefused: includeRefused)
        scope.category = try category.map { try Vocabulary.category($0) }
        scope.sector = try sector.map { try Vocabulary.sector($0) }
        if let since {
            guard let day = DateText.parseDay(since, in: timeZone) else {
                throw ValidationError("cannot read --since \(since): write a day as YYYY-MM-DD")
            }
            scope.since = day
        }
        if let until {
            guard let day = DateText.parseDay(until, in: timeZone) else {
                throw ValidationError("cannot read --until \(until): write a day as YYYY-MM-DD")
            }
            scope.until = day.addingTimeInterval(86_400)
        }
        return scope
    }
}

/// Category and sector names typed by a person, with a did-you-mean on a typo (usage error).
enum Vocabulary {
    static func category(_ text: String) throws -> Category {
        if let category = Category(rawValue: text.lowercased()) { return category }
        throw ValidationError(unknown("category", text, Category.allCases.map(\.rawValue)))
    }

    static func sector(_ text: String) throws -> Sector {
        if let sector = Sector(rawValue: text.lowercased()) { return sector }
        throw ValidationError(unknown("sector", text, Sector.allCases.map(\.rawValue)))
    }

    static func unknown(_ kind: String, _ text: String, _ names: [String]) -> String {
        let best = names.map { ($0, editDistance(text.lowercased(), $0)) }.min { $0.1 < $1.1 }
        let hint = best.flatMap { $0.1 <= max(2, text.count / 3) ? " (did you mean \($0.0)?)" : nil } ?? ""
        return "cannot read the \(kind) \"\(text)\"\(hint): one of \(names.joined(separator: ", "))"
    }
}

extension GlobalOptions {
    /// The dashboard over the store, with the real clock and the local time zone, and the
    /// sector names of the rules (their ids when the rules cannot be read: listings work without).
    func dashboard() throws -> Dashboard {
        var dashboard = try Dashboard(store: try openStore(), now: Date(), timeZone: .current)
        if let folders = try? ruleFolders(), let sectors = try? RulesLoader.sectors(folders: folders) {
            dashboard.sectorNames = sectors.mapValues(\.name)
        }
        return dashboard
    }
}

import ArgumentParser
import Foundation
import MailroomCore
import Pipeline

/// `mailroom status`: what the store holds.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show what the store holds, by category.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var global: GlobalOptions

    struct Report: Encodable {
        var database: String
        var messages: Int
        /// Counts per category, with `unclassified` for messages without one; every key present.
        var categories: [String: Int]
        /// IMAP accounts and their mailboxes, with the sync state of each.
        var accounts: [SyncStatusRecord]
    }

    func run() throws {
        let store = try global.openStore()
        let counts = try store.countsByCategory()
        var categories = Dictionary(uniqueKeysWithValues: Category.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
        categories["unclassified"] = counts[nil] ?? 0
        let report = Report(database: store.path, messages: counts.values.reduce(0, +), categories: categories,
                            accounts: try store.syncStatus().map(SyncStatusRecord.init))
        switch format {
        case .json:
            Terminal.output(String(decoding: try ClassifyRecord.jsonEncoder().encode(report), as: UTF8.self))
        case .text:
            Terminal.output("Store: \(report.database)")
            Terminal.output("Messages: \(report.messages)")
            let width = (Category.allCases.map(\.rawValue) + ["unclassified"]).map(\.count).max() ?? 0
            for name in Category.allCases.map(\.rawValue) + ["unclassified"] {
                let count = categories[name] ?? 0
                Terminal.output("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(repeating: " ", count: max(0, 7 - String(count).count)))\(count)")
            }
            SyncStatusRecord.lines(report.accounts).forEach(Terminal.output)
        }
    }
}

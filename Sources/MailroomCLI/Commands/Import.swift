import ArgumentParser
import Foundation
import Pipeline

/// `mailroom import PATH...`: stores mail files, skipping what is already stored.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import .eml files, folders of them, Maildir folders and mbox files into the store.",
        discussion: "Importing the same mail again adds nothing (it is recognised by its content)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Files or folders to import.", valueName: "path"))
    var paths: [String]

    @Option(help: "Summary format: text or json.")
    var format: Format = .text

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let logger = global.logger()
        let source = try MailSource(paths: paths)
        let store = try global.openStore()
        let importer = Importer(store: store, analyzer: try global.analyzer(following: store), logger: logger, now: { Date() })
        let summary = try importer.run(source) { progress in
            let seconds = Double(progress.elapsed.components.seconds) + Double(progress.elapsed.components.attoseconds) / 1e18
            let rate = seconds > 0 ? Int(Double(progress.messages) / seconds) : 0
            Terminal.progress("Importing: \(progress.files)/\(progress.totalFiles) files, \(progress.messages) messages, \(rate) messages/s")
        }
        Terminal.endProgress()
        switch format {
        case .json:
            Terminal.output(String(decoding: try ClassifyRecord.jsonEncoder().encode(summary), as: UTF8.self))
        case .text:
            Terminal.output(Self.describe(summary))
        }
        if summary.unreadable > 0 {
            throw CommandFailure("cannot import \(summary.unreadable) file(s): see the warnings above")
        }
    }

    static func describe(_ summary: ImportSummary) -> String {
        if summary.imported == 0 && summary.duplicates > 0 {
            return "Imported 0 messages: all \(summary.duplicates) were already in the store."
        }
        var line = "Imported \(summary.imported) message\(summary.imported == 1 ? "" : "s")"
        line += ", skipped \(summary.duplicates) already stored"
        line += ", \(summary.warnings) with parse warnings."
        return line
    }
}

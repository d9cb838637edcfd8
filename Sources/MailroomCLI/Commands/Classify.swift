import ArgumentParser
import Foundation
import Pipeline

/// `mailroom classify PATH...`: a dry run of the pipeline; the store is not touched.
struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the vendor, category and order Mailroom finds in mail files, without storing them.",
        discussion: "With --format json: one JSON object per message, one per line (see README, \"classify JSON\")."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp(".eml files, folders, Maildir folders or mbox files.", valueName: "path"))
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Show why each decision was made, and the parser's warnings.")
    var explain = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let logger = global.logger()
        let source = try MailSource(paths: paths)
        let encoder = ClassifyRecord.jsonEncoder()
        // A dry run still follows the person's corrections when a store exists.
        let analyzer = try global.analyzer(following: try global.existingStore())
        var unreadable = 0
        func report(_ messages: [RawMessage]) throws {
            for analysis in analyzer.analyze(messages) {
                let record = ClassifyRecord(analysis)
                switch format {
                case .json:
                    Terminal.output(String(decoding: try encoder.encode(record), as: UTF8.self))
                case .text:
                    Terminal.output(Self.line(for: record))
                    if explain { Self.explanation(for: record, analysis: analysis).forEach(Terminal.output) }
                }
            }
        }
        // A large mbox is read in batches, so memory does not grow with the file. A batch also
        // ends at `batchBytes` of mail: its analyses are all held until it is printed, and a few
        // oversized messages (tens of MB of HTML) in one batch passed 500 MB (fuzzing).
        var batch: [RawMessage] = []
        var bytes = 0
        for file in source.files() {
            do {
                let reader = try MailFileReader(path: file)
                while let message = try reader.next() {
                    batch.append(message)
                    bytes += message.data.count
                    if batch.count == 256 || bytes >= Self.batchBytes {
                        try report(batch)
                        batch.removeAll(keepingCapacity: true)
                        bytes = 0
                    }
                }
            } catch let error as PipelineError {
                logger.warning("\(error)")
                unreadable += 1
            }
        }
        try report(batch)
        if unreadable > 0 { throw CommandFailure("cannot read \(unreadable) file(s): see the warnings above") }
    }

    /// Bytes of raw mail read before a batch is analysed and printed (see `run`).
    static let batchBytes = 32 << 20

    static func line(for record: ClassifyRecord) -> String {
        let vendor = record.vendor?.name ?? "-"
        let category = record.category?.rawValue ?? "-"
        return "\(record.path)\t\(vendor)\t\(category)\t\(record.subject ?? "(no subject)")"
    }

    static func explanation(for record: ClassifyRecord, analysis: Analysis) -> [String] {
        var lines = record.explanation.map { "    \($0)" }
        lines += analysis.message.warnings.map { "    warning: \($0)" }
        return lines
    }
}

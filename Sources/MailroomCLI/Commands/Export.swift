import ArgumentParser
import Config
import Dashboard
import Foundation
import Report

/// `mailroom export`: all derived and user data as JSON or CSV files.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export vendors, messages, orders, order items, refusals and corrections as JSON or CSV files.",
        discussion: "Files: vendors, messages, orders, order_items, refusals, corrections (.json or .csv); see README, \"Export format\". Hidden mail is exported too, marked hidden."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @Option(help: "File format: json or csv.")
    var format: Format = .json

    @Option(help: ArgumentHelp("The folder to write (created owner-only). Default: ./mailroom-export.", valueName: "dir"))
    var output = "mailroom-export"

    @Flag(help: "Include each message's text (the plain part, else the HTML part's text).")
    var withText = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let export = DataExport(dashboard: try global.dashboard(), format: format == .json ? .json : .csv, withText: withText)
        let directory = URL(fileURLWithPath: output)
        let counts = try export.write(to: directory)
        for kind in DataExport.kinds {
            Terminal.note("\(directory.appendingPathComponent("\(kind).\(format.rawValue)").path): \(counts[kind] ?? 0) records")
        }
    }
}

/// `mailroom report`: the static HTML report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the static HTML report: overview, vendors, one page per vendor, orders, refused partners.",
        discussion: "Self-contained pages (no request leaves them); files are owner-only. Open DIR/index.html in a browser."
    )

    @Option(help: ArgumentHelp("The folder to write. Default: `report: output:` in the config, else $XDG_DATA_HOME/mailroom/report (~/.local/share/mailroom/report).", valueName: "dir"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        // The same folder the daemon regenerates (`report.regenerate_after_sync`).
        let directory = URL(fileURLWithPath: try output ?? global.loadConfig().report.output ?? global.locations.report)
        let summary = try HTMLReport(dashboard: try global.dashboard()).write(to: directory)
        Terminal.output(directory.appendingPathComponent("index.html").path)
        Terminal.note("Wrote \(summary.pages) pages (\(summary.vendors) vendors).")
    }
}

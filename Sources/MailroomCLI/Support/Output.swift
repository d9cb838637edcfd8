import ArgumentParser
import Foundation
import Pipeline

/// Formats of the data commands.
enum DataFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The one output layer of the data commands: a table that fits the terminal, JSON with sorted
/// keys and every collection present, or RFC 4180 CSV; always on standard output.
enum Output {
    /// Prints `value` as JSON (sorted keys) or `listing` as a table or CSV.
    static func emit(_ value: some Encodable, listing: @autoclosure () -> Listing, format: DataFormat) throws {
        switch format {
        case .json:
            Terminal.output(try json(value))
        case .csv:
            FileHandle.standardOutput.write(Data(listing().csv().utf8))
        case .table:
            for line in listing().table(width: TerminalWidth.current()) { Terminal.output(line) }
        }
    }

    /// `value` as JSON text with sorted keys.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try ClassifyRecord.jsonEncoder().encode(value), as: UTF8.self)
    }
}

/// The width tables fit: `COLUMNS` when set, else the terminal's width (ioctl) when standard
/// output is a terminal, else none (a table written to a file or pipe is not cut).
enum TerminalWidth {
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let value = environment["COLUMNS"], let columns = Int(value), columns > 0 { return columns }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

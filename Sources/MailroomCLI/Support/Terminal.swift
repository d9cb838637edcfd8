import Foundation

/// Writing to the terminal: data on standard output, progress and notes on standard error.
enum Terminal {
    /// Whether standard error is a terminal (progress lines are drawn only then).
    static let standardErrorIsTerminal = isatty(STDERR_FILENO) == 1

    /// Prints one line of data to standard output.
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Prints a note for the person (not data) to standard error.
    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Redraws the progress line in place; does nothing when standard error is not a terminal.
    static func progress(_ line: String) {
        guard standardErrorIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    }

    /// Clears the progress line before the final output.
    static func endProgress() {
        guard standardErrorIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

/// Failures of a command, phrased "cannot <verb> <object>: <reason>"; exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A progress line: a bar, counts, rate and time left.
enum ProgressBar {
    static func line(label: String, done: Int, total: Int, rate: Int, eta: Int) -> String {
        let width = 24
        let filled = total > 0 ? min(width, done * width / total) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let left = eta >= 60 ? "\(eta / 60) min \(eta % 60) s" : "\(eta) s"
        return "\(label) \(bar) \(done)/\(total) messages, \(rate)/s, \(left) left"
    }
}

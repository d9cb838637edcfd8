import Foundation
import Logging

/// The log level for this run: `--verbose` / `--quiet`, else `MAILROOM_LOG_LEVEL`, else `info`.
enum LogLevelSetting {
    nonisolated(unsafe) static var override: Logger.Level?

    static var current: Logger.Level {
        if let override { return override }
        if let name = ProcessInfo.processInfo.environment["MAILROOM_LOG_LEVEL"], let level = Logger.Level(rawValue: name) {
            return level
        }
        return .info
    }
}

import Foundation
import Logging

/// The default log level: `MAILROOM_LOG_LEVEL`, else `info` (`--verbose` and `--quiet` override it).
enum LogLevelSetting {
    static var current: Logger.Level {
        if let name = ProcessInfo.processInfo.environment["MAILROOM_LOG_LEVEL"], let level = Logger.Level(rawValue: name) {
            return level
        }
        return .info
    }
}

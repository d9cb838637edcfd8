import ArgumentParser
import Config
import Dashboard
import Foundation
import IMAP
import Pipeline
import Sync

extension GlobalOptions {
    /// The config file, strictly read (a missing file is an empty configuration).
    func loadConfig() throws -> MailroomConfig {
        try ConfigLoader.load(path: locations.config)
    }

    /// The sync engine over the store, with the rules (and the corrections the store holds)
    /// loaded only when mail needs analysing, and the config's refusal action when given.
    func syncEngine(refusals: RefusalSettings? = nil) throws -> SyncEngine {
        let store = try openStore()
        let options = self
        var engine = SyncEngine(
            store: store, analyzer: { try options.analyzer(following: store) }, logger: logger(),
            environment: ProcessInfo.processInfo.environment, now: { Date() })
        if let refusals, refusals.action != .none {
            // What refusals hide is the dashboard's decision, read again before each pass's action.
            engine.refusalAction = RefusalActionPlan(settings: refusals) {
                try Dashboard(store: store, now: Date(), timeZone: .current).hidden
            }
        }
        return engine
    }

    /// The accounts to work on: all, or the one named.
    func accounts(_ config: MailroomConfig, named name: String?) throws -> [AccountConfig] {
        if let name { return [try config.account(named: name)] }
        guard !config.accounts.isEmpty else { throw SyncError.noAccounts(configPath: config.path) }
        return config.accounts
    }
}

/// Exit statuses of commands that talk to servers: failures are told apart so scripts can react.
enum ServerExitStatus {
    /// The server refused the user name or password.
    static let login: Int32 = 3
    /// The server could not be reached, or the connection was lost.
    static let unreachable: Int32 = 4
    /// The server's certificate was refused (or TLS failed).
    static let certificate: Int32 = 5

    /// The status for a set of failures: their common kind's status, else 1.
    static func status(for kinds: [IMAPError.Kind]) -> Int32 {
        guard let first = kinds.first, kinds.allSatisfy({ $0 == first }) else { return 1 }
        switch first {
        case .login: return login
        case .unreachable: return unreachable
        case .certificate: return certificate
        case .other: return 1
        }
    }
}

/// Text for durations and progress.
enum SyncText {
    static func clock(_ seconds: Int) -> String {
        seconds >= 3600
            ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            : String(format: "%d:%02d", seconds / 60, seconds % 60)
    }

    /// `personal/INBOX  [########------------]  1200/5000  812 msg/s  ETA 0:05`
    static func progressLine(_ progress: SyncProgress) -> String {
        let width = 24
        let filled = progress.total > 0 ? min(width, width * progress.done / progress.total) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let eta = progress.secondsLeft.map { "  ETA \(clock($0))" } ?? ""
        return "\(progress.account)/\(progress.mailbox)  [\(bar)]  \(progress.done)/\(progress.total)  \(Int(progress.rate)) msg/s\(eta)"
    }
}

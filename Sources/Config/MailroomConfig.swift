import Foundation
import MailroomCore

/// The settings in `config.yaml`: accounts, and what the daemon, the refusals and the report do.
public struct MailroomConfig: Sendable, Hashable {
    /// The file the settings were read from.
    public var path: String
    /// Whether that file exists (a missing file is an empty configuration).
    public var exists: Bool
    /// Accounts in file order.
    public var accounts: [AccountConfig]
    public var refusals: RefusalSettings
    public var report: ReportSettings
    public var daemon: DaemonSettings

    public init(
        path: String, exists: Bool = true, accounts: [AccountConfig] = [], refusals: RefusalSettings = RefusalSettings(),
        report: ReportSettings = ReportSettings(), daemon: DaemonSettings = DaemonSettings()
    ) {
        self.path = path
        self.exists = exists
        self.accounts = accounts
        self.refusals = refusals
        self.report = report
        self.daemon = daemon
    }

    /// The account named `name`.
    public func account(named name: String) throws(ConfigError) -> AccountConfig {
        guard let account = accounts.first(where: { $0.name == name }) else {
            throw .unknownAccount(name, known: accounts.map(\.name))
        }
        return account
    }
}

/// One IMAP account.
public struct AccountConfig: Sendable, Hashable {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        case tls, starttls, plain
    }

    /// The account's name: letters, digits, `.`, `_` and `-`.
    public var name: String
    public var host: String
    /// `nil`: 993 for `tls`, 143 otherwise.
    public var port: Int?
    public var security: Security
    public var user: String
    public var password: PasswordSource
    /// A PEM file of CA certificates to trust instead of the system's.
    public var caFile: String?
    /// A SHA-256 certificate fingerprint to pin (64 lowercase hex digits).
    public var fingerprint: String?
    /// Mailboxes to sync: names (`INBOX`, `Archives/2025`), globs (`Clients/*`) or special uses
    /// (`\Archive`). Empty: INBOX and the archive (`\Archive`, `\All`).
    public var include: [String]
    /// Mailboxes never to sync, in the same forms.
    public var exclude: [String]

    public init(
        name: String, host: String, port: Int? = nil, security: Security = .tls, user: String, password: PasswordSource,
        caFile: String? = nil, fingerprint: String? = nil, include: [String] = [], exclude: [String] = []
    ) {
        self.name = name
        self.host = host
        self.port = port
        self.security = security
        self.user = user
        self.password = password
        self.caFile = caFile
        self.fingerprint = fingerprint
        self.include = include
        self.exclude = exclude
    }

    /// The port in use.
    public var effectivePort: Int { port ?? (security == .tls ? 993 : 143) }

    /// Whether a name is acceptable for an account.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
    }
}

/// Where an account's password comes from. Descriptions never show a literal password.
public enum PasswordSource: Sendable, Hashable, CustomStringConvertible {
    /// A shell command whose first output line is the password (like mbsync's `PassCmd`).
    case command(String)
    /// An environment variable holding the password.
    case environment(String)
    /// The password itself, written in a config file that only its owner can read.
    case literal(String)

    public var description: String {
        switch self {
        case .command(let command): "password_command: \(command)"
        case .environment(let variable): "password_env: \(variable)"
        case .literal: "password: (hidden)"
        }
    }
}

/// What the dashboard's optional server-side refusal action does with refused mail.
public struct RefusalSettings: Sendable, Hashable {
    /// `none` (default: refused mail is only hidden locally), `keyword` (adds a keyword on the
    /// server) or `move` (moves it to `folder`). Nothing is ever deleted.
    public enum Action: String, Sendable, Hashable, CaseIterable { case none, keyword, move }

    public var action: Action
    /// The keyword for `keyword`.
    public var keyword: String
    /// The mailbox for `move`.
    public var folder: String?
    /// Whether `move` creates `folder` when the account has no such mailbox (else it is an error).
    public var createFolder: Bool

    public init(action: Action = .none, keyword: String = "$MailroomRefused", folder: String? = nil, createFolder: Bool = false) {
        self.action = action
        self.keyword = keyword
        self.folder = folder
        self.createFolder = createFolder
    }
}

/// Where the HTML report goes and when it is made.
public struct ReportSettings: Sendable, Hashable {
    /// The report folder; `nil` for the default.
    public var output: String?
    /// Whether the daemon regenerates the report after each sync that changed something.
    public var regenerateAfterSync: Bool

    public init(output: String? = nil, regenerateAfterSync: Bool = false) {
        self.output = output
        self.regenerateAfterSync = regenerateAfterSync
    }
}

/// The daemon's rhythm.
public struct DaemonSettings: Sendable, Hashable {
    /// Seconds between checks of INBOX on servers without IDLE.
    public var pollInterval: Int
    /// Seconds between checks of the other mailboxes (IDLE watches INBOX only).
    public var recheckInterval: Int

    public init(pollInterval: Int = 300, recheckInterval: Int = 900) {
        self.pollInterval = pollInterval
        self.recheckInterval = recheckInterval
    }
}

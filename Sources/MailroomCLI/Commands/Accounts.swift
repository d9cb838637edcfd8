import ArgumentParser
import Config
import Foundation

/// `mailroom accounts add|list|remove|test`: the IMAP accounts in the config file.
struct Accounts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add, list, remove and test the IMAP accounts in the config file.",
        subcommands: [AccountsAdd.self, AccountsList.self, AccountsRemove.self, AccountsTest.self]
    )
}

/// `mailroom accounts add NAME --host H --user U (--password-command CMD | --password-env VAR)`.
struct AccountsAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account to the config file (no prompt: fit for scripts).",
        discussion: "The file keeps its comments and permissions; a new file is created readable by you only."
    )

    @Argument(help: "The account's name (letters, digits, '.', '_', '-').")
    var name: String
    @Option(help: "The IMAP server.")
    var host: String
    @Option(help: "The port (default: 993 for tls, 143 otherwise).")
    var port: Int?
    @Option(help: "tls, starttls or plain (plain: localhost only).")
    var security: AccountConfig.Security = .tls
    @Option(help: "The user name.")
    var user: String
    @Option(help: ArgumentHelp("A command printing the password on its first line.", valueName: "command"))
    var passwordCommand: String?
    @Option(help: ArgumentHelp("An environment variable holding the password.", valueName: "variable"))
    var passwordEnv: String?
    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust for this server.", valueName: "file"))
    var caFile: String?
    @Option(help: ArgumentHelp("Pin the server certificate's SHA-256 fingerprint.", valueName: "sha256"))
    var fingerprint: String?
    @Option(help: ArgumentHelp("A mailbox to sync (repeat; default: INBOX and the archive).", valueName: "mailbox"))
    var include: [String] = []
    @Option(help: ArgumentHelp("A mailbox never to sync (repeat).", valueName: "mailbox"))
    var exclude: [String] = []

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard AccountConfig.isValidName(name) else { throw ValidationError("the account name may use letters, digits, '.', '_' and '-' only") }
        guard (passwordCommand == nil) != (passwordEnv == nil) else {
            throw ValidationError("give exactly one of --password-command and --password-env")
        }
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be from 1 to 65535") }
        if let fingerprint, ConfigLoader.normalizedFingerprint(fingerprint) == nil {
            throw ValidationError("--fingerprint must be a SHA-256 fingerprint (64 hex digits, colons allowed)")
        }
    }

    func run() throws {
        let password: PasswordSource = passwordCommand.map { .command($0) } ?? .environment(passwordEnv ?? "")
        let account = AccountConfig(
            name: name, host: host, port: port, security: security, user: user, password: password,
            caFile: caFile.map { URL(fileURLWithPath: $0).path }, fingerprint: fingerprint.flatMap(ConfigLoader.normalizedFingerprint),
            include: include, exclude: exclude)
        try ConfigEditor.add(account, to: global.locations.config)
        Terminal.note("Added the account \(name) to \(global.locations.config); check it with: mailroom accounts test \(name)")
    }
}

extension AccountConfig.Security: ExpressibleByArgument {}

/// `mailroom accounts list`.
struct AccountsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the configured accounts (never their passwords).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(help: "Output format: text or json.")
    var format: Format = .text
    @OptionGroup var global: GlobalOptions

    struct Record: Encodable {
        var account: AccountConfig
        enum Keys: String, CodingKey { case name, host, port, security, user, password, trust, include, exclude }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(account.name, forKey: .name)
            try container.encode(account.host, forKey: .host)
            try container.encode(account.effectivePort, forKey: .port)
            try container.encode(account.security.rawValue, forKey: .security)
            try container.encode(account.user, forKey: .user)
            try container.encode(account.password.description, forKey: .password)
            try container.encode(AccountsList.trust(account), forKey: .trust)
            try container.encode(account.include, forKey: .include)
            try container.encode(account.exclude, forKey: .exclude)
        }
    }

    static func trust(_ account: AccountConfig) -> String {
        if account.security == .plain { return "none (plain, localhost)" }
        if let pin = account.fingerprint { return "pinned sha256 \(pin)" }
        if let file = account.caFile { return "CA file \(file)" }
        return "system roots"
    }

    func run() throws {
        let config = try global.loadConfig()
        switch format {
        case .json:
            struct List: Encodable { var accounts: [Record] }
            let list = List(accounts: config.accounts.map(Record.init))
            Terminal.output(String(decoding: try JSONEncoder.sorted.encode(list), as: UTF8.self))
        case .text:
            if config.accounts.isEmpty { Terminal.note("No account in \(config.path); add one with `mailroom accounts add`.") }
            for account in config.accounts {
                Terminal.output("\(account.name)\t\(account.user)@\(account.host):\(account.effectivePort)\t\(account.security.rawValue)\t\(Self.trust(account))\t\(account.password)")
            }
        }
    }
}

/// `mailroom accounts remove NAME`.
struct AccountsRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an account from the config file (its stored mail stays in the store).")
    @Argument(help: "The account's name.")
    var name: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try ConfigEditor.remove(name, from: global.locations.config)
        Terminal.note("Removed the account \(name) from \(global.locations.config).")
    }
}

extension JSONEncoder {
    /// Stable output: sorted keys, slashes as they are.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

import Foundation
import MailroomCore
import Yams

/// Reads `config.yaml` strictly: every problem is reported with its place, unknown keys too.
public enum ConfigLoader {
    static let topKeys = ["accounts", "refusals", "report", "daemon"]
    static let accountKeys = [
        "host", "port", "security", "user", "password_command", "password_env", "password", "ca_file", "fingerprint", "mailboxes",
    ]

    /// Loads the file at `path`; a missing file is an empty configuration.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> MailroomConfig {
        guard FileManager.default.fileExists(atPath: path) else { return MailroomConfig(path: path, exists: false) }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .io(path: path, reason: "it cannot be read as UTF-8 text")
        }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o600
        return try parse(text, path: path, mode: mode, environment: environment)
    }

    /// Parses config text; `mode` is the file's permission bits (a literal password needs 0600).
    public static func parse(
        _ text: String, path: String, mode: Int = 0o600, environment: [String: String] = [:]
    ) throws(ConfigError) -> MailroomConfig {
        var reader = ConfigReader(file: path)
        var config = MailroomConfig(path: path)
        guard let root = reader.compose(text) else {
            if reader.problems.isEmpty { return config }  // an empty file
            throw .invalid(path: path, problems: reader.problems)
        }
        if case .scalar(let scalar) = root, scalar.string.isEmpty { return config }
        let top = reader.fields(root, allowed: topKeys, what: "the config")
        if let accounts = top["accounts"] {
            if case .scalar(let scalar) = accounts, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
                // `accounts:` with nothing under it.
            } else {
                for entry in reader.mapping(accounts, allowed: [], what: "accounts") {
                    if let account = readAccount(entry.key, node: entry.value, keyNode: entry.keyNode, mode: mode, environment: environment, reader: &reader) {
                        config.accounts.append(account)
                    }
                }
            }
        }
        if let node = top["refusals"] { config.refusals = readRefusals(node, reader: &reader) }
        if let node = top["report"] { config.report = readReport(node, reader: &reader, environment: environment) }
        if let node = top["daemon"] { config.daemon = readDaemon(node, reader: &reader) }
        guard reader.problems.isEmpty else { throw .invalid(path: path, problems: reader.problems) }
        return config
    }

    private static func readAccount(
        _ name: String, node: Node, keyNode: Node, mode: Int, environment: [String: String], reader: inout ConfigReader
    ) -> AccountConfig? {
        let what = "account '\(name)'"
        if !AccountConfig.isValidName(name) {
            reader.problem("account names use letters, digits, '.', '_' and '-' only: '\(name)'", at: keyNode)
        }
        let fields = reader.fields(node, allowed: accountKeys, what: what)
        for key in ["host", "user"] where fields[key] == nil {
            reader.problem("\(what) needs the key '\(key)'", at: keyNode)
        }
        let host = reader.string(fields["host"], what: "host")
        let user = reader.string(fields["user"], what: "user")
        let port = reader.integer(fields["port"], what: "port", range: 1...65535)
        let security = fields["security"] == nil ? .tls : reader.choice(fields["security"], what: "security", as: AccountConfig.Security.self)
        if security == .plain, let host, !HostName.isLoopback(host) {
            reader.problem("security: plain sends the password in clear and is allowed only for this machine (localhost, 127.0.0.1); use tls or starttls for \(host)", at: fields["security"])
        }

        let sources = ["password_command", "password_env", "password"].filter { fields[$0] != nil }
        var password: PasswordSource?
        if sources.count != 1 {
            reader.problem(sources.isEmpty
                ? "\(what) needs one of password_command, password_env or password"
                : "\(what) has \(sources.joined(separator: " and ")): keep only one", at: sources.isEmpty ? keyNode : fields[sources[1]])
        } else if let command = reader.string(fields["password_command"], what: "password_command") {
            password = .command(command)
        } else if let variable = reader.string(fields["password_env"], what: "password_env") {
            password = .environment(variable)
        } else if let node = fields["password"], case .scalar(let scalar) = node {
            if mode & 0o077 != 0 {
                reader.problem(
                    "a literal password needs the config file to be readable by you only: run `chmod 600 \(reader.file)` "
                        + "(it is \(String(mode & 0o777, radix: 8))), or use password_command or password_env", at: node)
            }
            password = .literal(scalar.string)
        }

        let caFile = reader.string(fields["ca_file"], what: "ca_file").map { expandHome($0, environment: environment) }
        var fingerprint: String?
        if let text = reader.string(fields["fingerprint"], what: "fingerprint") {
            fingerprint = normalizedFingerprint(text)
            if fingerprint == nil {
                reader.problem("fingerprint must be a SHA-256 fingerprint: 64 hex digits (colons allowed)", at: fields["fingerprint"])
            }
        }
        var include: [String] = []
        var exclude: [String] = []
        if let mailboxes = fields["mailboxes"] {
            let lists = reader.fields(mailboxes, allowed: ["include", "exclude"], what: "mailboxes of \(what)")
            include = reader.strings(lists["include"], what: "mailboxes.include")
            exclude = reader.strings(lists["exclude"], what: "mailboxes.exclude")
        }
        guard let host, let user, let security, let password else { return nil }
        return AccountConfig(
            name: name, host: host, port: port, security: security, user: user, password: password, caFile: caFile,
            fingerprint: fingerprint, include: include, exclude: exclude)
    }

    private static func readRefusals(_ node: Node, reader: inout ConfigReader) -> RefusalSettings {
        let fields = reader.fields(node, allowed: ["action", "keyword", "folder", "create_folder"], what: "refusals")
        var settings = RefusalSettings()
        if let action = reader.choice(fields["action"], what: "refusal action", as: RefusalSettings.Action.self) { settings.action = action }
        if let keyword = reader.string(fields["keyword"], what: "refusals.keyword") {
            if keyword.contains(where: { " ()[]{}%*\"\\".contains($0) }) {
                reader.problem("refusals.keyword must be one IMAP keyword: no spaces, brackets, quotes, '%', '*' or '\\'", at: fields["keyword"])
            }
            settings.keyword = keyword
        }
        settings.folder = reader.string(fields["folder"], what: "refusals.folder")
        settings.createFolder = reader.boolean(fields["create_folder"], what: "refusals.create_folder") ?? false
        if settings.action == .move && settings.folder == nil {
            reader.problem("refusals with action: move needs folder: the mailbox to move refused mail to", at: node)
        }
        return settings
    }

    private static func readReport(_ node: Node, reader: inout ConfigReader, environment: [String: String]) -> ReportSettings {
        let fields = reader.fields(node, allowed: ["output", "regenerate_after_sync"], what: "report")
        return ReportSettings(
            output: reader.string(fields["output"], what: "report.output").map { expandHome($0, environment: environment) },
            regenerateAfterSync: reader.boolean(fields["regenerate_after_sync"], what: "report.regenerate_after_sync") ?? false)
    }

    private static func readDaemon(_ node: Node, reader: inout ConfigReader) -> DaemonSettings {
        let fields = reader.fields(node, allowed: ["poll_interval", "recheck_interval"], what: "daemon")
        var settings = DaemonSettings()
        if let poll = reader.integer(fields["poll_interval"], what: "daemon.poll_interval (seconds)", range: 1...86_400) { settings.pollInterval = poll }
        if let recheck = reader.integer(fields["recheck_interval"], what: "daemon.recheck_interval (seconds)", range: 1...604_800) {
            settings.recheckInterval = recheck
        }
        return settings
    }

    /// `~/x` → `$HOME/x`.
    static func expandHome(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    /// 64 lowercase hex digits from the forms people paste (`AB:CD:…`, `sha256:`…).
    public static func normalizedFingerprint(_ text: String) -> String? {
        var digits = text.lowercased()
        if digits.hasPrefix("sha256:") { digits.removeFirst(7) }
        digits.removeAll { $0 == ":" || $0 == " " }
        guard digits.count == 64, digits.allSatisfy(\.isHexDigit) else { return nil }
        return digits
    }
}

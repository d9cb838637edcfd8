import Foundation
import Yams

/// Adds and removes accounts in `config.yaml` by editing its text, so the person's comments,
/// order and other settings stay as they wrote them. The file keeps its permissions; a new
/// file is created readable by its owner only (0600).
public enum ConfigEditor {
    /// Adds an account; refuses a name that exists or a file that does not load.
    public static func add(_ account: AccountConfig, to path: String) throws(ConfigError) {
        let existing = try ConfigLoader.load(path: path)
        if existing.accounts.contains(where: { $0.name == account.name }) { throw .duplicateAccount(account.name) }
        var lines = existing.exists ? try readLines(path) : []
        let entry = render(account)
        if let accounts = try accountsBlock(lines: lines, path: path) {
            let indent = accounts.childIndent ?? "  "
            lines.insert(contentsOf: entry.map { indent + $0 }, at: accounts.insertAt)
        } else {
            if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { lines.append("") }
            lines.append("accounts:")
            lines += entry.map { "  " + $0 }
        }
        try write(lines, to: path, existed: existing.exists)
    }

    /// Removes an account and the lines under it.
    public static func remove(_ name: String, from path: String) throws(ConfigError) {
        let existing = try ConfigLoader.load(path: path)
        guard existing.accounts.contains(where: { $0.name == name }) else {
            throw .unknownAccount(name, known: existing.accounts.map(\.name))
        }
        var lines = try readLines(path)
        guard let block = try accountsBlock(lines: lines, path: path), let start = block.entries[name] else {
            throw .io(path: path, reason: "the account '\(name)' is not written in a way Mailroom can edit; remove it by hand")
        }
        let keyIndent = indentation(lines[start])
        var end = start + 1
        var lastContent = start
        while end < lines.count {
            let line = lines[end]
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                end += 1
                continue
            }
            guard indentation(line) > keyIndent else { break }
            lastContent = end
            end += 1
        }
        lines.removeSubrange(start...lastContent)
        try write(lines, to: path, existed: true)
    }

    /// The YAML lines of one account entry, without the leading indentation.
    static func render(_ account: AccountConfig) -> [String] {
        var lines = ["\(account.name):", "  host: \(quote(account.host))"]
        if let port = account.port { lines.append("  port: \(port)") }
        lines.append("  security: \(account.security.rawValue)")
        lines.append("  user: \(quote(account.user))")
        switch account.password {
        case .command(let command): lines.append("  password_command: \(quote(command))")
        case .environment(let variable): lines.append("  password_env: \(quote(variable))")
        case .literal(let password): lines.append("  password: \(quote(password))")
        }
        if let caFile = account.caFile { lines.append("  ca_file: \(quote(caFile))") }
        if let fingerprint = account.fingerprint { lines.append("  fingerprint: \(fingerprint)") }
        if !account.include.isEmpty || !account.exclude.isEmpty {
            lines.append("  mailboxes:")
            if !account.include.isEmpty { lines.append("    include: [\(account.include.map(quote).joined(separator: ", "))]") }
            if !account.exclude.isEmpty { lines.append("    exclude: [\(account.exclude.map(quote).joined(separator: ", "))]") }
        }
        return lines
    }

    /// A single-quoted YAML scalar.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    struct AccountsBlock {
        /// Where a new entry goes (after the block's last content line).
        var insertAt: Int
        /// The indentation of the existing entries, if any.
        var childIndent: String?
        /// Line index of each entry's key.
        var entries: [String: Int]
    }

    /// The `accounts:` block of the file, located through the YAML node marks.
    static func accountsBlock(lines: [String], path: String) throws(ConfigError) -> AccountsBlock? {
        let text = lines.joined(separator: "\n")
        guard let root = try? Yams.compose(yaml: text), case .mapping(let top) = root else { return nil }
        let topKeys = top.keys.compactMap { $0.mark?.line }.sorted()
        guard let (key, value) = top.first(where: { $0.key.string == "accounts" }), let keyLine = key.mark?.line else { return nil }
        let nextTop = topKeys.first { $0 > keyLine }.map { $0 - 1 } ?? lines.count
        var entries: [String: Int] = [:]
        var childIndent: String?
        switch value {
        case .mapping(let accounts):
            if accounts.style == .flow {
                throw .io(path: path, reason: "the accounts are written in flow style ({…}); write them as a block (`accounts:` then one entry per line) to let Mailroom edit them")
            }
            for (name, _) in accounts {
                guard let line = name.mark?.line, let string = name.string else { continue }
                entries[string] = line - 1
                if childIndent == nil { childIndent = String(repeating: " ", count: max(0, (name.mark?.column ?? 3) - 1)) }
            }
        case .scalar:
            break  // `accounts:` with nothing under it
        default:
            throw .io(path: path, reason: "accounts must be a mapping of names to accounts")
        }
        var insertAt = keyLine  // just after the `accounts:` line
        var index = nextTop - 1
        while index >= keyLine {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && !(indentation(line) == 0 && trimmed.hasPrefix("#")) {
                insertAt = index + 1
                break
            }
            index -= 1
        }
        return AccountsBlock(insertAt: insertAt, childIndent: childIndent, entries: entries)
    }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    static func readLines(_ path: String) throws(ConfigError) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .io(path: path, reason: "it cannot be read") }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Writes atomically (a temporary file renamed over the old one), keeping the mode.
    static func write(_ lines: [String], to path: String, existed: Bool) throws(ConfigError) {
        let text = lines.joined(separator: "\n") + "\n"
        let mode = existed ? ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o600) : 0o600
        do {
            _ = try ConfigLoader.parse(text, path: path, mode: mode)
        } catch {
            throw .io(path: path, reason: "the edited file would not load (\(error)); it was left unchanged")
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary.path)
            guard rename(temporary.path, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: path, reason: "it cannot be written")
        }
    }
}

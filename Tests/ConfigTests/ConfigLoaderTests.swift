import Config
import Foundation
import Testing

@Suite("config file")
struct ConfigLoaderTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ text: String, mode: Int = 0o644) throws -> String {
        let path = folder.appendingPathComponent("config.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func problems(_ text: String, mode: Int = 0o644) throws -> [String] {
        do {
            _ = try ConfigLoader.load(path: try write(text, mode: mode))
            return []
        } catch let error as ConfigError {
            guard case .invalid(_, let problems) = error else { return ["\(error)"] }
            return problems.map(\.description)
        }
    }

    @Test("the printed sample is accepted, with every setting read")
    func sample() throws {
        let config = try ConfigLoader.load(path: try write(ConfigSample.text))
        let account = try config.account(named: "personal")
        #expect(account.host == "imap.example.org")
        #expect(account.effectivePort == 993)
        #expect(account.security == .tls)
        #expect(account.password == .command("pass show mail/example.org"))
        #expect(account.include == ["INBOX", "\\Archive", "\\All"])
        #expect(config.refusals.action == .none)
        #expect(config.refusals.keyword == "$MailroomRefused")
        #expect(config.refusals.createFolder == false)
        #expect(config.report.regenerateAfterSync == false)
        #expect(config.daemon.pollInterval == 300)
        #expect(config.daemon.recheckInterval == 900)
        #expect(ConfigSample.text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.count > 20)
    }

    @Test("a missing file is an empty configuration")
    func missing() throws {
        let config = try ConfigLoader.load(path: folder.appendingPathComponent("none.yaml").path)
        #expect(!config.exists)
        #expect(config.accounts.isEmpty)
    }

    @Test("unknown keys are refused with their line and column, and a suggestion")
    func unknownKeys() throws {
        let found = try problems("""
            accounts:
              work:
                host: imap.example.org
                usr: camille
                password_env: MAIL_PASSWORD
            daemon:
              pol_interval: 30
            """)
        #expect(found.contains { $0.hasSuffix("config.yaml:4:5: unknown key 'usr' in account 'work'; did you mean 'user'?") })
        #expect(found.contains { $0.contains("config.yaml:2:3") && $0.contains("needs the key 'user'") })
        #expect(found.contains { $0.contains(":7:3: unknown key 'pol_interval' in daemon; did you mean 'poll_interval'?") })
    }

    @Test("plain is only for loopback hosts; bad values are named")
    func values() throws {
        let found = try problems("""
            accounts:
              remote:
                host: imap.example.org
                security: plain
                user: camille
                password_env: P
              local:
                host: 127.0.0.1
                port: 70000
                security: tsl
                user: camille
                password_env: P
                fingerprint: abc
            refusals:
              action: move
            """)
        #expect(found.contains { $0.contains(":4:15: security: plain") && $0.contains("allowed only for this machine") })
        #expect(found.contains { $0.contains(":9:11: port must be a whole number from 1 to 65535") })
        #expect(found.contains { $0.contains(":10:15: unknown security 'tsl'; did you mean 'tls'?") })
        #expect(found.contains { $0.contains(":13:18: fingerprint must be a SHA-256 fingerprint") })
        #expect(found.contains { $0.contains("action: move needs folder") })
        let move = try ConfigLoader.parse(
            "refusals:\n  action: move\n  folder: Refusé\n  create_folder: true\nreport:\n  output: /tmp/r\n  regenerate_after_sync: true\n", path: "x")
        #expect(move.refusals == RefusalSettings(action: .move, folder: "Refusé", createFolder: true))
        #expect(move.report == ReportSettings(output: "/tmp/r", regenerateAfterSync: true))
        let local = try ConfigLoader.parse("accounts:\n  l:\n    host: localhost\n    security: plain\n    user: u\n    password_env: P\n", path: "x")
        #expect(local.accounts.first?.effectivePort == 143)
    }

    @Test("a literal password is refused unless the file is readable by its owner only")
    func literalPassword() throws {
        let text = "accounts:\n  a:\n    host: imap.example.org\n    user: u\n    password: hunter2\n"
        let found = try problems(text, mode: 0o644)
        #expect(found.count == 1)
        #expect(found.first?.contains("chmod 600") == true)
        #expect(found.first?.contains("hunter2") == false)
        let config = try ConfigLoader.load(path: try write(text, mode: 0o600))
        #expect(config.accounts.first?.password == .literal("hunter2"))
        #expect(config.accounts.first?.password.description.contains("hunter2") == false)
    }

    @Test("exactly one password source")
    func passwordSources() throws {
        let two = try problems("accounts:\n  a:\n    host: h.example\n    user: u\n    password_env: A\n    password_command: b\n")
        #expect(two.contains { $0.contains("keep only one") })
        let none = try problems("accounts:\n  a:\n    host: h.example\n    user: u\n")
        #expect(none.contains { $0.contains("needs one of password_command, password_env or password") })
    }

    @Test("passwords from a command's first line and from the environment")
    func resolvePasswords() throws {
        #expect(try PasswordSource.command("printf 'sesame\\nrest'").resolve(account: "a", environment: [:]) == "sesame")
        #expect(try PasswordSource.environment("PW").resolve(account: "a", environment: ["PW": "x"]) == "x")
        #expect(throws: ConfigError.self) { try PasswordSource.environment("PW").resolve(account: "a", environment: [:]) }
        let error = #expect(throws: ConfigError.self) { try PasswordSource.command("echo secret; exit 3").resolve(account: "a", environment: [:]) }
        #expect(error?.description.contains("status 3") == true)
        #expect(error?.description.contains("secret") == false)
    }

    @Test("adding and removing accounts keeps comments, other settings and the file's mode")
    func editing() throws {
        let path = try write("""
            # My mail
            accounts:
              home:
                host: imap.home.example
                user: me
                password_env: HOME_PW   # from the keyring
            # The daemon
            daemon:
              poll_interval: 60
            """, mode: 0o640)
        let work = AccountConfig(name: "work", host: "imap.work.example", port: 1993, security: .starttls, user: "c.martin",
                                 password: .command("pass show 'work mail'"), fingerprint: String(repeating: "a", count: 64))
        try ConfigEditor.add(work, to: path)
        var config = try ConfigLoader.load(path: path)
        #expect(config.accounts.map(\.name) == ["home", "work"])
        #expect(try config.account(named: "work") == work)
        #expect(config.daemon.pollInterval == 60)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("# My mail") && text.contains("# from the keyring") && text.contains("# The daemon"))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o640)
        #expect(throws: ConfigError.self) { try ConfigEditor.add(work, to: path) }

        try ConfigEditor.remove("home", from: path)
        config = try ConfigLoader.load(path: path)
        #expect(config.accounts.map(\.name) == ["work"])
        #expect(config.daemon.pollInterval == 60)
        #expect(throws: ConfigError.self) { try ConfigEditor.remove("home", from: path) }
    }

    @Test("the first account creates the file, readable by its owner only")
    func newFile() throws {
        let path = folder.appendingPathComponent("sub/config.yaml").path
        try ConfigEditor.add(AccountConfig(name: "a", host: "h.example", user: "u", password: .environment("P")), to: path)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect(try ConfigLoader.load(path: path).accounts.map(\.name) == ["a"])
    }
}

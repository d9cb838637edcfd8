import Foundation
import IMAP

/// A private Dovecot for one test, driven through `dovecot-harness` (the same script the demo
/// and the benchmark use): its own folder, ports, user, certificate and mail.
final class DovecotServer: @unchecked Sendable {
    let directory: URL
    let user: String
    let password: String
    private(set) var imapPort = 0
    private(set) var imapsPort = 0
    /// The self-signed certificate (PEM) and its SHA-256 fingerprint.
    private(set) var certificate = ""
    private(set) var fingerprint = ""

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("dovecot-harness")

    /// Stale servers of crashed runs are stopped once per test process.
    private static let staleCleanup: Void = {
        _ = try? DovecotServer.runScript(["kill-stale"])
    }()

    /// Starts a server; `capability` replaces what it advertises after login.
    init(capability: String? = nil, user: String = "camille", password: String = "correct horse") throws {
        _ = Self.staleCleanup
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-dovecot-\(UUID().uuidString.prefix(8))")
        self.user = user
        self.password = password
        var arguments = ["start", directory.path, "--user", user, "--password", password, "--owner", String(getpid())]
        if let capability { arguments += ["--capability", capability] }
        try readEnvironment(try Self.runScript(arguments))
    }

    deinit {
        _ = try? Self.runScript(["remove", directory.path])
    }

    /// Capabilities Dovecot advertises by default, minus the ones named.
    static func capabilities(without removed: Set<String>) -> String {
        let all = """
            IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS \
            THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED \
            I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE \
            SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE
            """
        return all.split(separator: " ").filter { !removed.contains(String($0)) }.joined(separator: " ")
    }

    private func readEnvironment(_ output: String) throws {
        for line in output.split(separator: "\n") {
            let pair = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "IMAP_PORT": imapPort = Int(pair[1]) ?? 0
            case "IMAPS_PORT": imapsPort = Int(pair[1]) ?? 0
            case "CERT": certificate = pair[1]
            case "FINGERPRINT": fingerprint = pair[1]
            default: break
            }
        }
        guard imapPort > 0, imapsPort > 0 else { throw HarnessError(message: "dovecot-harness printed no ports: \(output)") }
    }

    func stop() throws { _ = try Self.runScript(["stop", directory.path]) }

    /// Starts the stopped server again, on the same ports with the same mail.
    func restart() throws { try readEnvironment(try Self.runScript(["start", directory.path])) }

    /// Delivers messages with `doveadm save`.
    func deliver(_ messages: [Data], to mailbox: String = "INBOX") throws {
        let folder = directory.appendingPathComponent("incoming-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (index, message) in messages.enumerated() {
            let file = folder.appendingPathComponent("\(index).eml")
            try message.write(to: file)
            files.append(file.path)
        }
        _ = try Self.runScript(["save", directory.path, mailbox] + files)
    }

    /// Runs doveadm against this server (`-u` names the user where needed).
    @discardableResult
    func doveadm(_ arguments: [String]) throws -> String {
        try Self.runScript(["doveadm", directory.path] + arguments)
    }

    /// The endpoint to reach this server.
    func endpoint(_ security: IMAPEndpoint.Security, trust: CertificateTrust? = nil) -> IMAPEndpoint {
        let port = security == .tls ? imapsPort : imapPort
        return IMAPEndpoint(host: "127.0.0.1", port: port, security: security, trust: trust ?? .pinned(sha256: fingerprint))
    }

    var credentials: IMAPCredentials { IMAPCredentials(user: user, password: password) }

    struct HarnessError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs the harness script with an empty signal mask (Swift Testing's threads block
    /// signals, and a child inherits the mask: Dovecot would then ignore SIGTERM).
    @discardableResult
    static func runScript(_ arguments: [String]) throws -> String {
        try ProcessRunner.run(script.path, arguments)
    }
}

/// Runs programs with an empty signal mask and default signal actions (posix_spawn), so that
/// Swift Testing's blocked signals do not leak into servers and the built `mailroom`.
enum ProcessRunner {
    /// Runs a program to completion; its standard output, or an error with its standard error.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path
        let errPath = folder.appendingPathComponent("err").path
        let pid = try spawn(executable, arguments, environment: environment, standardOutput: outPath, standardError: errPath)
        let status = waitForExit(pid)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw DovecotServer.HarnessError(message: "\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.first ?? "") exited with \(status): \(err)")
        }
        return out
    }

    /// Starts a program; its output goes to the named files (created or truncated).
    static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]?, standardOutput: String, standardError: String
    ) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environmentList.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else {
            throw DovecotServer.HarnessError(message: "cannot start \(executable): \(String(cString: strerror(code)))")
        }
        return pid
    }

    /// Waits for a child; its exit status, or 128 + the signal that killed it.
    static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }

    /// Whether a child has exited, without waiting; its status then.
    static func exitStatusIfDone(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }
}

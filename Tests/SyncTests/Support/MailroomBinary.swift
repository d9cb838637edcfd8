import Foundation

/// The built `mailroom` executable, run the way a person or a script runs it.
struct MailroomBinary {
    let home: URL
    var environment: [String: String]

    static let executable: URL = {
        // The test bundle sits next to the products in .build/<configuration>/.
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("mailroom")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/mailroom")
    }()

    init(home: URL, environment extra: [String: String] = [:]) {
        self.home = home
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                           "MAILROOM_CONFIG": home.appendingPathComponent("config.yaml").path,
                           "MAILROOM_DATABASE": home.appendingPathComponent("store.sqlite").path]
        environment.merge(extra) { $1 }
        self.environment = environment
    }

    var configPath: String { environment["MAILROOM_CONFIG"] ?? "" }
    var databasePath: String { environment["MAILROOM_DATABASE"] ?? "" }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs to completion.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        let process = try start(arguments, environment: extra)
        return process.wait()
    }

    /// Starts without waiting.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Running {
        let id = UUID().uuidString.prefix(8)
        let out = home.appendingPathComponent("out-\(id)").path
        let err = home.appendingPathComponent("err-\(id)").path
        let pid = try ProcessRunner.spawn(
            Self.executable.path, arguments, environment: environment.merging(extra) { $1 }, standardOutput: out, standardError: err)
        return Running(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// A started `mailroom`.
    struct Running {
        let pid: pid_t
        let stdoutPath: String
        let stderrPath: String

        var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

        func signal(_ number: Int32) { kill(pid, number) }

        func wait() -> Run {
            let status = ProcessRunner.waitForExit(pid)
            return Run(status: status, stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "", stderr: stderr)
        }

        /// Waits at most `timeout` for the exit; `nil` if still running.
        func wait(timeout: Duration) async -> Run? {
            let clock = ContinuousClock()
            let deadline = clock.now + timeout
            while clock.now < deadline {
                if let status = ProcessRunner.exitStatusIfDone(pid) {
                    return Run(status: status, stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "", stderr: stderr)
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return nil
        }
    }
}

/// Polls a condition until it holds or time runs out; how long it took. The condition is
/// always checked once more after the last wait: when the test process is starved (parallel
/// tests blocking the cooperative threads), a wait can outlast the whole timeout.
func eventually(within timeout: Duration, _ condition: () throws -> Bool) async rethrows -> Duration? {
    let clock = ContinuousClock()
    let start = clock.now
    while true {
        if try condition() { return clock.now - start }
        if clock.now - start >= timeout { return nil }
        try? await Task.sleep(for: .milliseconds(100))
    }
}

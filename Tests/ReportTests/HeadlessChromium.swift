import Foundation

/// Debian's `chromium` run headless on a local file: the DOM after scripts ran, the console
/// messages, the network requests the page made (from a net log), and screenshots.
///
/// Every request is kept on the machine: host names resolve to nothing and any connection goes
/// to a closed loopback proxy port; background services are turned off as far as flags allow
/// (what remains of them is told apart from the page's own requests and also stays on loopback).
struct HeadlessChromium {
    struct Visit {
        var dom: String
        /// `"message", source: file:///…` lines Chromium logged from the page's console.
        var console: [String]
        /// URLs the page itself asked the network for (not `file:` or `data:`).
        var requests: [String]
    }

    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let work: URL

    init() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    static let flags = [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-extensions", "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--no-pings",
        "--disable-breakpad", "--metrics-recording-only", "--disable-dev-shm-usage",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AccountConsistency,ChromeSignin,AutofillServerCommunication",
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr", "--v=0",
    ]

    /// Loads `file` and returns its DOM, console and network requests.
    func visit(_ file: URL) throws -> Visit {
        let netLog = work.appendingPathComponent("net-\(UUID().uuidString).json")
        let run = try launch([
            "--log-net-log=\(netLog.path)", "--user-data-dir=\(work.appendingPathComponent("profile-\(UUID().uuidString)").path)",
            "--virtual-time-budget=3000", "--dump-dom", file.absoluteString,
        ])
        let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Visit(dom: run.stdout, console: console, requests: try Self.pageRequests(in: netLog))
    }

    /// Saves a screenshot of `file` at `width`×`height` to `output`.
    func screenshot(_ file: URL, to output: URL, width: Int, height: Int) throws {
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try launch([
            "--user-data-dir=\(work.appendingPathComponent("profile-\(UUID().uuidString)").path)",
            "--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(output.path)", file.absoluteString,
        ])
    }

    private func launch(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
        guard let executable = Self.executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Self.flags + arguments
        process.currentDirectoryURL = work
        let out = work.appendingPathComponent("out-\(UUID().uuidString)")
        let err = work.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        return (String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
                String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
    }

    /// The URLs of requests whose network isolation key is the page's (`file://`), other than
    /// `file:` and `data:` loads.
    static func pageRequests(in netLog: URL) throws -> [String] {
        guard let data = try? Data(contentsOf: netLog),
              let root = try JSONSerialization.jsonObject(with: Self.closed(data)) as? [String: Any],
              let constants = root["constants"] as? [String: Any],
              let types = constants["logEventTypes"] as? [String: Int],
              let startJob = types["URL_REQUEST_START_JOB"],
              let events = root["events"] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return events.compactMap { event -> String? in
            guard event["type"] as? Int == startJob, let params = event["params"] as? [String: Any],
                  let url = params["url"] as? String, (params["network_isolation_key"] as? String)?.contains("file://") == true,
                  !url.hasPrefix("file:"), !url.hasPrefix("data:") else { return nil }
            return url
        }
    }

    /// A net log cut short (Chromium killed) lacks its closing brackets.
    static func closed(_ data: Data) -> Data {
        var text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.hasSuffix("}") {
            if text.hasSuffix(",") { text.removeLast() }
            text += "]}"
        }
        return Data(text.utf8)
    }
}

import Foundation
import Testing

/// Runs the built `mailroom` executable the way a person or a script does.
@Suite("mailroom command line")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

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

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func writeMessage(_ id: Int, to relativePath: String) throws -> URL {
        let url = home.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = "From: Shop <hello@shop.example>\r\nSubject: Bienvenue \(id)\r\nDate: Tue, 7 Jan 2025 09:30:00 +0100\r\nMessage-ID: <w\(id)@shop.example>\r\n\r\nBonjour\r\n"
        try Data(text.utf8).write(to: url)
        return url
    }

    func jsonObject(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("import twice: the second run imports nothing and says so")
    func importTwice() throws {
        let folder = try writeMessage(1, to: "mail/a.eml").deletingLastPathComponent()
        _ = try writeMessage(2, to: "mail/b.eml")
        let database = home.appendingPathComponent("db.sqlite").path
        let first = try run(["import", folder.path, "--database", database, "--format", "json"])
        #expect(first.status == 0)
        let summary = try jsonObject(first.stdout.split(separator: "\n").first ?? "")
        #expect(summary["imported"] as? Int == 2)
        #expect(summary["duplicates"] as? Int == 0)
        #expect(summary["warnings"] as? Int == 0)
        let second = try run(["import", folder.path, "--database", database])
        #expect(second.status == 0)
        #expect(second.stdout.contains("Imported 0 messages: all 2 were already in the store."))
    }

    @Test("a path that does not exist: a clear message and exit status 1")
    func missingPath() throws {
        let result = try run(["import", home.appendingPathComponent("nowhere").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read"))
        #expect(result.stderr.contains("no such file or directory"))
        #expect(result.stdout.isEmpty)
    }

    @Test("MAILROOM_RULES naming a folder without rules: a clear message and exit status 1, not every message unclassified")
    func missingRules() throws {
        let mail = try writeMessage(1, to: "mail/a.eml")
        let result = try run(["classify", mail.path], environment: ["MAILROOM_RULES": home.appendingPathComponent("no-rules").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no-rules is not a rules folder (it has no vendors/)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("usage errors exit with status 2", arguments: [["import"], ["classify", "--format", "yaml", "x"], ["frobnicate"]])
    func usage(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test("the store comes from --database, else MAILROOM_DATABASE, else the XDG data folder")
    func storeLocation() throws {
        let mail = try writeMessage(1, to: "one.eml").path
        let fromEnvironment = home.appendingPathComponent("env/store.sqlite").path
        #expect(try run(["import", mail], environment: ["MAILROOM_DATABASE": fromEnvironment]).status == 0)
        #expect(FileManager.default.fileExists(atPath: fromEnvironment))

        let fromOption = home.appendingPathComponent("option/store.sqlite").path
        #expect(try run(["import", mail, "--database", fromOption], environment: ["MAILROOM_DATABASE": fromEnvironment]).status == 0)
        #expect(FileManager.default.fileExists(atPath: fromOption))

        #expect(try run(["import", mail]).status == 0)
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/mailroom/mailroom.sqlite").path))

        let xdg = home.appendingPathComponent("xdg").path
        #expect(try run(["import", mail], environment: ["XDG_DATA_HOME": xdg]).status == 0)
        #expect(FileManager.default.fileExists(atPath: xdg + "/mailroom/mailroom.sqlite"))
    }

    @Test("classify --format json prints one object per message with every contract key, and stores nothing")
    func classifyJSON() throws {
        let folder = try writeMessage(1, to: "c/a.eml").deletingLastPathComponent()
        _ = try writeMessage(2, to: "c/b.eml")
        let result = try run(["classify", folder.path, "--format", "json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try jsonObject(line)
            #expect(Set(object.keys) == ["path", "messageId", "subject", "date", "from", "vendor", "category", "order", "warnings", "explanation"])
        }
        let first = try jsonObject(lines[0])
        #expect(first["subject"] as? String == "Bienvenue 1")
        #expect(first["date"] as? String == "2025-01-07T08:30:00Z")
        let vendor = try #require(first["vendor"] as? [String: Any], "an unknown sender still makes a vendor")
        #expect(vendor["id"] as? String == "shop-example")
        #expect(vendor["domain"] as? String == "shop.example")
        #expect(vendor["sector"] is NSNull)
        #expect(first["category"] as? String == "account", "a welcome mail is about the account")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/mailroom/mailroom.sqlite").path))
    }

    @Test("status --format json counts every category, always present")
    func status() throws {
        let database = home.appendingPathComponent("s.sqlite").path
        _ = try run(["import", try writeMessage(1, to: "s.eml").path, "--database", database])
        let result = try run(["status", "--format", "json", "--database", database])
        #expect(result.status == 0)
        let object = try jsonObject(result.stdout.split(separator: "\n").first ?? "")
        #expect(object["messages"] as? Int == 1)
        let categories = try #require(object["categories"] as? [String: Int])
        #expect(Set(categories.keys) == ["orders", "account", "support", "newsletters", "notifications", "personal", "unclassified"])
        #expect(categories.values.reduce(0, +) == 1)
    }
}

import Foundation
import Logging
import Pipeline
import Store
import Testing

@Suite("Importing mail files")
struct ImporterTests {
    let root: URL
    let store: MailStore

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        store = try MailStore(path: root.appendingPathComponent("store.sqlite").path)
    }

    static func message(_ id: Int, lineEnding: String = "\r\n") -> String {
        [
            "From: Shop <news@shop.example>", "To: camille@example.org", "Subject: Offre \(id)",
            "Date: Mon, 6 Jan 2025 10:00:\(String(format: "%02d", id % 60)) +0100",
            "Message-ID: <\(id)@shop.example>", "", "Bonjour \(id)", "",
        ].joined(separator: lineEnding)
    }

    func write(_ text: String, to relativePath: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func importer() -> Importer {
        Importer(store: store, analyzer: Analyzer(classifier: nil), logger: Logger(label: "test"),
                 now: { Date(timeIntervalSince1970: 1_700_000_000) })
    }

    @Test("eml files, Maildir cur/ and new/, and mbox files are all found; tmp/ and other files are not")
    func findsEverySource() throws {
        try write(Self.message(1), to: "mail/a.eml")
        try write(Self.message(2), to: "mail/deeper/b.EML")
        try write("not mail", to: "mail/notes.txt")
        try write(Self.message(3), to: "maildir/cur/1700000000.M1P1.host:2,S")
        try write(Self.message(4), to: "maildir/new/1700000001.M2P1.host")
        try write(Self.message(5), to: "maildir/tmp/1700000002.M3P1.host")
        try write(Self.message(6), to: "maildir/.Archive/cur/1700000003.M4P1.host:2,")
        for directory in ["maildir/.Archive/new", "maildir/.Archive/tmp"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        try write("From a@b Mon Jan  6 10:00:00 2025\n" + Self.message(7, lineEnding: "\n")
                  + "\nFrom a@b Mon Jan  6 10:00:00 2025\n" + Self.message(8, lineEnding: "\n"), to: "mail/archive.mbox")

        let summary = try importer().run(MailSource(paths: [root.appendingPathComponent("mail").path,
                                                          root.appendingPathComponent("maildir").path]))
        #expect(summary.imported == 7)
        #expect(summary.duplicates == 0)
        #expect(try store.messageCount() == 7)
    }

    @Test("importing the same mail twice adds nothing the second time")
    func idempotent() throws {
        for id in 0..<40 { try write(Self.message(id), to: "mail/\(id).eml") }
        let source = try MailSource(paths: [root.appendingPathComponent("mail").path])
        let first = try importer().run(source)
        let second = try importer().run(source)
        #expect(first.imported == 40)
        #expect(second.imported == 0)
        #expect(second.duplicates == 40)
        #expect(try store.messageCount() == 40)
    }

    @Test("the same mail with other line endings, or at another path, is the same message")
    func sameContentElsewhere() throws {
        try write(Self.message(1, lineEnding: "\r\n"), to: "crlf.eml")
        try write(Self.message(1, lineEnding: "\n"), to: "copy/lf.eml")
        let summary = try importer().run(MailSource(paths: [root.path]))
        #expect(summary.imported == 1)
        #expect(summary.duplicates == 1)
        #expect(try store.messageCount() == 1)
    }

    @Test("batches smaller than the input store everything")
    func batches() throws {
        for id in 0..<25 { try write(Self.message(id), to: "mail/\(id).eml") }
        var importer = importer()
        importer.batchSize = 4
        var reports = 0
        let summary = try importer.run(MailSource(paths: [root.path])) { _ in reports += 1 }
        #expect(summary.imported == 25)
        #expect(reports == 7)
    }

    @Test("batches also end at their byte budget: a run of large messages makes small transactions")
    func byteBoundedBatches() throws {
        // 20 messages of about 30 KB (a long header field) among 10 small ones; a 64 KB budget.
        for id in 0..<30 {
            let padding = id % 3 == 0 ? "" : "X-Trace: " + String(repeating: "relay ", count: 5_000) + "\r\n"
            try write(padding + Self.message(id), to: "mail/\(String(format: "%02d", id)).eml")
        }
        var importer = importer()
        importer.batchBytes = 64 * 1024
        var done: [Int] = []
        let summary = try importer.run(MailSource(paths: [root.path])) { done.append($0.messages) }
        #expect(summary.imported == 30)
        let sizes = zip(done, [0] + done).map { $0 - $1 }
        // A batch ends with the message that takes it past the budget: three large ones at most.
        #expect(sizes.count >= 6 && sizes.allSatisfy { $0 >= 1 && $0 <= 5 }, "batches of \(sizes)")
        #expect(try store.messageCount() == 30)
    }

    @Test("a path that does not exist is refused before anything is imported")
    func missingPath() throws {
        #expect(throws: PipelineError.self) {
            try MailSource(paths: [root.path, root.appendingPathComponent("nope").path])
        }
    }

    @Test("an unreadable file inside a folder is counted and the rest imported", .enabled(if: getuid() != 0, "root reads every file"))
    func unreadableFile() throws {
        try write(Self.message(1), to: "mail/ok.eml")
        try write(Self.message(2), to: "mail/secret.eml")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: root.appendingPathComponent("mail/secret.eml").path)
        let summary = try importer().run(MailSource(paths: [root.path]))
        #expect(summary.imported == 1)
        #expect(summary.unreadable == 1)
    }
}

import Foundation
import Pipeline
import Testing

@Suite("mbox splitting")
struct MboxTests {
    func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test("messages are split at From lines that follow an empty line")
    func splits() {
        let mbox = """
            From alice@example.com Mon Jan  6 10:00:00 2025
            Subject: one

            Hello
            From the start of this line it is body text, not a separator.

            From bob@example.com Mon Jan  6 11:00:00 2025
            Subject: two

            Bye

            """
        let messages = Mbox.split(Data(mbox.utf8))
        #expect(messages.count == 2)
        #expect(text(messages[0]) == "Subject: one\n\nHello\nFrom the start of this line it is body text, not a separator.\n")
        #expect(text(messages[1]) == "Subject: two\n\nBye\n")
    }

    @Test("mboxrd quoting is undone by one level")
    func unquotes() {
        let mbox = "From a@b Mon Jan  6 10:00:00 2025\nSubject: q\n\n>From here\n>>From there\n> From not quoted\n"
        let messages = Mbox.split(Data(mbox.utf8))
        #expect(messages.count == 1)
        #expect(text(messages[0]) == "Subject: q\n\nFrom here\n>From there\n> From not quoted\n")
    }

    @Test("CRLF mbox files split the same way")
    func crlf() {
        let mbox = "From a@b Mon Jan  6 10:00:00 2025\r\nSubject: 1\r\n\r\nx\r\n\r\nFrom a@b Mon Jan  6 10:00:00 2025\r\nSubject: 2\r\n\r\ny\r\n"
        let messages = Mbox.split(Data(mbox.utf8))
        #expect(messages.map(text) == ["Subject: 1\r\n\r\nx\r\n", "Subject: 2\r\n\r\ny\r\n"])
    }

    @Test("only files that open with a From line are mbox", arguments: [
        ("From a@b Mon Jan  6 10:00:00 2025\nSubject: x\n", true),
        ("Subject: x\n\nFrom a@b\n", false),
        ("", false),
        ("From: someone@example.com\n", false),
    ])
    func detects(input: String, isMbox: Bool) {
        #expect(Mbox.looksLikeMbox(Data(input.utf8)) == isMbox)
    }

    @Test("an empty mbox or a separator alone yields no message")
    func empty() {
        #expect(Mbox.split(Data()).isEmpty)
        #expect(Mbox.split(Data("From a@b Mon Jan  6 10:00:00 2025\n".utf8)).isEmpty)
    }

    /// An mbox of `count` messages of varied sizes, with quoted From lines, LF or CRLF.
    static func archive(count: Int, crlf: Bool) -> String {
        let newline = crlf ? "\r\n" : "\n"
        return (0..<count).map { index in
            let body = (0..<(index % 7 + 1)).map { "line \($0) of message \(index)" }.joined(separator: newline)
            return ["From sender\(index)@example.com Mon Jan  6 10:00:00 2025", "Subject: message \(index)", "",
                    body, index % 3 == 0 ? ">From a quoted line" : "From the middle of a paragraph", ""].joined(separator: newline)
        }.joined(separator: newline) + newline
    }

    @Test("a large mbox read in small chunks splits exactly as when read whole", arguments: [1, 7, 64, 4_096])
    func streamed(chunkSize: Int) throws {
        for crlf in [false, true] {
            let data = Data(Self.archive(count: 60, crlf: crlf).utf8)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-mbox-\(UUID().uuidString).mbox").path
            try data.write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            // A whole-file limit of 0 makes the reader stream any file.
            let reader = try MailFileReader(path: path, chunkSize: chunkSize, wholeFileLimit: 0)
            let messages = try reader.all()
            #expect(messages.map(\.data) == Mbox.split(data))
            #expect(messages.count == 60)
            #expect(messages.map(\.position) == Array(0..<60))
            #expect(try reader.next() == nil)
        }
    }

    @Test("a last line without a line feed and a file that is not an mbox")
    func edges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-mbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mbox = folder.appendingPathComponent("a.mbox")
        try Data("From a@b Mon Jan  6 10:00:00 2025\nSubject: 1\n\nx\n\nFrom a@b Mon Jan  6 10:00:00 2025\nSubject: 2\n\ny".utf8).write(to: mbox)
        let streamed = try MailFileReader(path: mbox.path, chunkSize: 5, wholeFileLimit: 0).all()
        #expect(streamed.map { text($0.data) } == ["Subject: 1\n\nx\n", "Subject: 2\n\ny"])
        let eml = folder.appendingPathComponent("b.eml")
        try Data("Subject: single\n\nFrom the body\n".utf8).write(to: eml)
        for limit in [0, MailSource.mappingThreshold] {
            let single = try MailFileReader(path: eml.path, chunkSize: 3, wholeFileLimit: limit).all()
            #expect(single.map { text($0.data) } == ["Subject: single\n\nFrom the body\n"])
        }
        #expect(throws: PipelineError.self) { try MailFileReader(path: folder.appendingPathComponent("missing").path) }
    }
}

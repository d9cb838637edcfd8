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
}

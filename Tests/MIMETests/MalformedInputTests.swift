import Foundation
import Testing
@testable import MIME

/// A small deterministic generator (SplitMix64) for reproducible junk.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func nested(levels: Int) -> Data {
    var text = "Date: Tue, 4 Jun 2024 10:00:00 +0200\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"
    for level in 0..<levels {
        text += "--b\(level)\nContent-Type: multipart/mixed; boundary=\"b\(level + 1)\"\n\n"
    }
    text += "--b\(levels)\nContent-Type: text/plain\n\ndeep text\n"
    for level in stride(from: levels, through: 0, by: -1) { text += "--b\(level)--\n" }
    return Fixture.crlf(text)
}

@Suite("Malformed input")
struct MalformedInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var data: Data
        /// Warning codes that must be present.
        var codes: [String]
        /// Text that must appear in the body text, if any.
        var text: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        var junk = SeededGenerator(state: 42)
        let randomBytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &junk) })
        let hugeLine = Data(("Subject: " + String(repeating: "x", count: 1_048_576) + "\r\nDate: Tue, 4 Jun 2024 10:00:00 +0200\r\n\r\nafter the huge line\r\n").utf8)
        return [
            Case(name: "empty data", data: Data(), codes: [WarningCode.emptyMessage]),
            Case(name: "only CRLF", data: Data("\r\n".utf8), codes: [WarningCode.emptyMessage]),
            Case(name: "random bytes", data: randomBytes, codes: [WarningCode.noHeader, WarningCode.binaryContent]),
            Case(name: "plain text, no header", data: Fixture.crlf("Hello there,\nthis is not a message.\n"), codes: [WarningCode.noHeader], text: "this is not a message."),
            Case(name: "truncated header", data: Data("Subject: cut\r\nFrom: a@b.exa".utf8), codes: [WarningCode.truncated]),
            Case(name: "truncated multipart", data: Fixture.crlf("Date: Tue, 4 Jun 2024 10:00:00 +0200\nContent-Type: multipart/alternative; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\nfirst part\n--x\nContent-Type: text/html\n\n<p>cut he"), codes: [WarningCode.unterminatedMultipart], text: "first part"),
            Case(name: "missing boundary parameter", data: Fixture.crlf("Content-Type: multipart/mixed\n\n--x\nContent-Type: text/plain\n\nstill readable\n--x--\n"), codes: [WarningCode.missingBoundary], text: "still readable"),
            Case(name: "boundary never found", data: Fixture.crlf("Content-Type: multipart/mixed; boundary=nothere\n\njust some text\n"), codes: [WarningCode.missingBoundary], text: "just some text"),
            Case(name: "bad base64", data: Fixture.crlf("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGVsbG8g$$d29ybGQ\n"), codes: [WarningCode.badBase64], text: "Hello world"),
            Case(name: "unknown charset", data: Fixture.crlf("Content-Type: text/plain; charset=\"x-unknown-foo\"\n\nplain ascii\n"), codes: [WarningCode.unknownCharset], text: "plain ascii"),
            Case(name: "NUL bytes", data: Fixture.bytes(Fixture.ascii("Subject: nul\u{0}byte\nDate: Tue, 4 Jun 2024 10:00:00 +0200\n\nbe"), [0, 0], Fixture.ascii("fore and after")), codes: [WarningCode.binaryContent], text: "before and after"),
            Case(name: "1 MB header line", data: hugeLine, codes: [WarningCode.oversizedHeader], text: "after the huge line"),
            Case(name: "200-level nested multipart", data: nested(levels: 200), codes: [WarningCode.nestingTooDeep]),
            Case(name: "2000-level nested multipart", data: nested(levels: 2000), codes: [WarningCode.nestingTooDeep]),
            Case(name: "header line without colon", data: Fixture.crlf("Subject: ok\nDate: Tue, 4 Jun 2024 10:00:00 +0200\nthis line is body\nmore body\n"), codes: [WarningCode.malformedHeader], text: "this line is body"),
            Case(name: "only headers", data: Fixture.crlf("Subject: no body\nDate: Tue, 4 Jun 2024 10:00:00 +0200\n"), codes: []),
            Case(name: "garbage multipart parts", data: Fixture.crlf("Content-Type: multipart/mixed; boundary=q\n\n--q\n\n--q\n: :\n\n--q\nContent-Type: \n\n--q--\n--q--\n"), codes: []),
            Case(name: "boundary with quote", data: Fixture.crlf("Content-Type: multipart/mixed; boundary=\"a\\\"b\"\n\n--a\"b\n\nx\n--a\"b--\n"), codes: [WarningCode.missingBoundary]),
        ]
    }()

    @Test(arguments: cases)
    func survives(_ testCase: Case) {
        let message = MessageParser.parse(testCase.data)
        let codes = message.warnings.map(\.code)
        for code in testCase.codes {
            #expect(codes.contains(code), "expected \(code) in \(codes)")
        }
        #expect(message.size == testCase.data.count)
        #expect(message.warnings.count <= 64)
        if let text = testCase.text {
            #expect(message.bodyText.contains(text), "body: \(message.bodyText.prefix(200))")
        }
    }

    @Test func hostileInputsStayFast() {
        let encodedWords = Data(("Subject: " + String(repeating: "=?a?q?", count: 10_000) + "\r\n\r\nx").utf8)
        var messages = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
        messages += String(repeating: "Content-Type: message/rfc822\r\n\r\n", count: 5_000) + "text\r\n--b--\r\n"
        let manyTags = Data(("Content-Type: text/html\r\n\r\n" + String(repeating: "<a<b \"&#x;&amp", count: 20_000)).utf8)
        let manyParts = Data(("Content-Type: multipart/mixed; boundary=p\r\n\r\n" + String(repeating: "--p\r\n\r\nx\r\n", count: 20_000) + "--p--\r\n").utf8)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let subject = MessageParser.parse(encodedWords).subject
            #expect(subject?.hasPrefix("=?a?q?") == true)
            #expect(MessageParser.parse(Data(messages.utf8)).warnings.map(\.code).contains(WarningCode.nestingTooDeep))
            #expect(MessageParser.parse(manyTags).textParts.count == 1)
            #expect(MessageParser.parse(manyParts).textParts.count == 20_000)
        }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    @Test func hugeHeaderIsCutButKept() {
        let message = MessageParser.parse(Self.cases[11].data)
        #expect(message.subject?.count == MessageParser.maximumHeaderValueLength - 1) // leading space trimmed
        #expect(message.date != nil)
        #expect(message.rawHeader.count > 1_048_576)
    }

    @Test func nestingKeepsShallowParts() {
        let message = MessageParser.parse(nested(levels: 20))
        #expect(message.textParts.map(\.text) == ["deep text"])
        #expect(message.textParts.first?.section == Array(repeating: "1", count: 21).joined(separator: "."))
        #expect(message.warnings.isEmpty, "\(message.warnings)")
    }

    @Test func randomMutationsNeverCrash() {
        var generator = SeededGenerator(state: 7)
        let original = [UInt8](Fixture.orderConfirmation)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...20, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                default: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...400, using: &generator)))
                }
                if bytes.isEmpty { break }
            }
            let message = MessageParser.parse(Data(bytes))
            #expect(message.size == bytes.count)
        }
    }
}

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test func parallelParsesAgree() async {
        let inputs: [Data] = [Fixture.orderConfirmation, nested(levels: 40), Fixture.crlf("Subject: =?koi8-r?B?8NLJ18XU?=\nContent-Type: text/html; charset=koi8-r\n\n<p>x</p>\n")]
        let expected = inputs.map { MessageParser.parse($0) }
        await withTaskGroup(of: (Int, Message).self) { group in
            for index in 0..<120 {
                let which = index % inputs.count
                let input = inputs[which]
                group.addTask { (which, MessageParser.parse(input)) }
            }
            for await (which, message) in group {
                #expect(message.subject == expected[which].subject)
                #expect(message.textParts == expected[which].textParts)
                #expect(message.attachments == expected[which].attachments)
                #expect(message.warnings == expected[which].warnings)
                #expect(message.date == expected[which].date)
            }
        }
    }
}

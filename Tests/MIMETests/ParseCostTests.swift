import Foundation
@testable import MIME
import Testing

/// The byte-level readers of session 9 against the slower code they replaced, on random input.
@Suite("Parse cost: byte-level readers")
struct ParseCostTests {
    static func randomBytes(from alphabet: [UInt8], count: ClosedRange<Int>, rounds: Int) -> [[UInt8]] {
        var random = SystemRandomNumberGenerator()
        return (0..<rounds).map { _ in
            (0..<Int.random(in: count, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
        }
    }

    static let base64Text = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    @Test("the base64 alphabet count, sixteen bytes at a time, against a byte loop")
    func alphabetCount() {
        let buffers = Self.randomBytes(from: Array(0...255), count: 0...300, rounds: 400)
            + Self.randomBytes(from: Self.base64Text + Array("=\r\n -_".utf8), count: 0...5_000, rounds: 60)
        for bytes in buffers {
            let expected = bytes.filter { Self.base64Text.contains($0) }.count
            #expect(bytes.withUnsafeBytes { Base64.alphabetCount($0) } == expected)
            #expect(bytes.withUnsafeBytes { Base64.decodedSize($0) } == expected * 3 / 4)
        }
    }

    /// The decoder before session 9: one character at a time (its fast path only batched this).
    static func referenceBase64(_ text: [UInt8]) -> (bytes: [UInt8], clean: Bool) {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in base64Text.enumerated() { values[Int(byte)] = UInt8(index) }
        values[0x2D] = 62
        values[0x5F] = 63
        var output: [UInt8] = []
        var clean = true
        var accumulator: UInt32 = 0
        var bits: UInt32 = 0
        var sawPadding = false
        var significant = 0
        for byte in text {
            let value = values[Int(byte)]
            if value == 0xFF {
                if byte == 0x3D { sawPadding = true } else if !(byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A) { clean = false }
                continue
            }
            if sawPadding { clean = false }
            significant += 1
            accumulator = (accumulator << 6 | UInt32(value)) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> bits))
            }
        }
        if significant % 4 == 1 { clean = false }
        if significant % 4 != 0, !sawPadding { clean = false }
        return (output, clean)
    }

    @Test("base64 decoding a word at a time against the character-at-a-time decoder")
    func base64Decoding() {
        var random = SystemRandomNumberGenerator()
        var inputs = Self.randomBytes(from: Self.base64Text + Array("=\r\n -_*".utf8), count: 0...200, rounds: 400)
        // Well-formed bodies: random data encoded in lines of 76 with CRLF, some with damage.
        for round in 0..<100 {
            let data = Data((0..<Int.random(in: 0...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            var encoded = Array(data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8)
            if round % 3 == 0, !encoded.isEmpty { encoded[Int.random(in: 0..<encoded.count, using: &random)] = 0x2A }
            if round % 5 == 0 { encoded.removeLast(min(encoded.count, Int.random(in: 0...3, using: &random))) }
            inputs.append(encoded)
            if round % 3 != 0, round % 5 != 0 {
                #expect(encoded.withUnsafeBytes { Base64.decode($0).bytes } == Array(data))
            }
        }
        for input in inputs {
            let result = input.withUnsafeBytes { Base64.decode($0) }
            let expected = Self.referenceBase64(input)
            #expect(result.bytes == expected.bytes, "\(String(decoding: input, as: UTF8.self))")
            #expect(result.clean == expected.clean)
        }
    }

    /// Whitespace collapsing before session 9: on Unicode scalars.
    static func referenceCollapsing(_ text: String) -> String {
        var output = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{A0}" {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.unicodeScalars.append(" ") }
                pendingSpace = false
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    @Test("whitespace collapsed on bytes as on scalars")
    func collapsing() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "Zoé", " ", "  ", "\t", "\r\n", "\n", "\u{A0}", "\u{C2}", "\u{A0}\u{A0}", "e\u{301}", "\u{2009}", "€", "\u{1F4E6}", "Â", " \u{A0} "]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            #expect(HeaderText.collapsingWhitespace(text) == Self.referenceCollapsing(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("an ASCII Content-Type token read on bytes as with characters")
    func asciiToken() {
        let alphabet = Array("aZ/-+.x \t\r\n\u{0B}\u{0C}\u{1C}\u{7F}09".utf8)
        for bytes in Self.randomBytes(from: alphabet, count: 0...20, rounds: 2_000) {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(ContentFields.asciiToken(text) == text.trimmingSpaces.lowercased().filter { !$0.isWhitespace })
        }
    }

    @Test("parameters of ASCII and non-ASCII values", arguments: [
        ("text/html; charset=\"UTF-8\"", "text/html", ["charset": "UTF-8"]),
        ("Text/HTML ;CHARSET = utf-8 ; name=a=b", "text/html", ["charset": "utf-8", "name": "a=b"]),
        ("application/pdf; name*0*=utf-8''r%C3%A9sum; name*1=\"e.pdf\"", "application/pdf", ["name": "résume.pdf"]),
        ("text/plain; name=\"caf\u{E9}=x\"; format=flowed", "text/plain", ["name": "caf\u{E9}=x", "format": "flowed"]),
        ("multipart/mixed; boundary=\"==_b\\\"1\"", "multipart/mixed", ["boundary": "==_b\"1"]),
    ])
    func parameters(_ value: String, _ token: String, _ parameters: [String: String]) {
        var log = WarningLog()
        let fields = ContentFields(value, log: &log)
        #expect(fields.token == token)
        #expect(fields.parameters == parameters)
    }

    /// Authentication-Results pairs before session 9: an array per token.
    static func referencePairs(_ segment: String) -> [(String, String)] {
        var tokens: [[UInt8]] = []
        var current: [UInt8] = []
        var inQuotes = false
        var escaped = false
        let equalsToken: [UInt8] = [0x3D]
        for byte in segment.utf8 {
            if escaped { current.append(byte); escaped = false; continue }
            if inQuotes {
                if byte == 0x5C { escaped = true } else if byte == 0x22 { inQuotes = false } else { current.append(byte) }
                continue
            }
            switch byte {
            case 0x22: inQuotes = true
            case 0x3D:
                if !current.isEmpty { tokens.append(current); current = [] }
                tokens.append(equalsToken)
            case 0x20, 0x09, 0x0D, 0x0A:
                if !current.isEmpty { tokens.append(current); current = [] }
            default: current.append(byte)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var pairs: [(String, String)] = []
        var index = 0
        while index < tokens.count {
            if index + 2 < tokens.count, tokens[index + 1] == equalsToken, tokens[index] != equalsToken, tokens[index + 2] != equalsToken {
                pairs.append((String(decoding: tokens[index], as: UTF8.self), String(decoding: tokens[index + 2], as: UTF8.self)))
                index += 3
            } else if index + 1 < tokens.count, tokens[index + 1] == equalsToken, tokens[index] != equalsToken {
                pairs.append((String(decoding: tokens[index], as: UTF8.self), ""))
                index += 2
            } else {
                index += 1
            }
        }
        return pairs
    }

    @Test("Authentication-Results pairs read into one buffer as with an array per token")
    func keyValuePairs() {
        let alphabet = Array("ab=\"\\ \t.x@".utf8)
        for bytes in Self.randomBytes(from: alphabet, count: 0...30, rounds: 3_000) {
            let segment = String(decoding: bytes, as: UTF8.self)
            let pairs = AuthenticationFields.keyValuePairs(segment)
            let expected = Self.referencePairs(segment)
            #expect(pairs.map(\.0) == expected.map(\.0), "\(segment)")
            #expect(pairs.map(\.1) == expected.map(\.1), "\(segment)")
        }
    }

    @Test("List-Id read on ASCII bytes as with characters")
    func listID() {
        let alphabet = Array("ab.<>\" \t\r\n\u{0B}@-=?".utf8)
        for bytes in Self.randomBytes(from: alphabet, count: 0...24, rounds: 3_000) {
            let value = String(decoding: bytes, as: UTF8.self)
            var log = WarningLog()
            let parsed = StructuredFields.listID(value, log: &log)
            // The id as it was read before session 9: on characters.
            let cleaned = HeaderText.removingComments(value)
            if let open = cleaned.lastIndex(of: "<") {
                let id = String(cleaned[cleaned.index(after: open)...].prefix { $0 != ">" }).filter { !$0.isWhitespace }
                #expect(parsed.id == (id.isEmpty ? nil : id), "\(bytes)")
            } else {
                #expect(parsed.id == (cleaned.trimmingSpaces.isEmpty ? nil : cleaned.trimmingSpaces), "\(bytes)")
            }
        }
    }
}

import Foundation
@testable import HTML
@testable import MIME
import Testing

/// The word-at-a-time scans of session 7 against the byte-at-a-time loops they replaced.
@Suite("Word-at-a-time byte scans")
struct ByteRunTests {
    /// Random bytes where the stop bytes are frequent, rare or absent.
    static func randomBuffers() -> [[UInt8]] {
        var random = SystemRandomNumberGenerator()
        let alphabets: [[UInt8]] = [
            Array("=\t <>&\"'/abc?".utf8), Array("abcdefghij0123456789".utf8) + [0x3D], Array(0...255), Array("abc".utf8),
        ]
        return (0..<600).map { round in
            let alphabet = alphabets[round % alphabets.count]
            return (0..<Int.random(in: 0...70, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
        }
    }

    static func naiveFirst(_ stops: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, !stops.contains(bytes[index]) { index += 1 }
        return index
    }

    @Test("MIME: the first of three stop bytes, from every offset")
    func mimeFirstOf() {
        for bytes in Self.randomBuffers() {
            for start in 0...bytes.count {
                let found = bytes.withUnsafeBytes { HTML.ByteRun.firstOf(0x3D, 0x20, 0x09, in: $0, from: start) }
                #expect(found == Self.naiveFirst([0x3D, 0x20, 0x09], in: bytes, from: start), "\(bytes) from \(start)")
            }
        }
    }

    @Test("HTML: the first of two stop bytes, from every offset")
    func htmlFirstOf() {
        for bytes in Self.randomBuffers() {
            for start in 0...bytes.count {
                let two = bytes.withUnsafeBufferPointer { HTML.ByteRun.firstOf(0x3C, 0x26, in: $0, from: start) }
                #expect(two == Self.naiveFirst([0x3C, 0x26], in: bytes, from: start))
            }
        }
    }

    @Test("the zero-byte mask is exact for every byte value in every lane")
    func zeroBytesExact() {
        for value in 0...255 {
            for lane in 0..<8 {
                let word = (UInt64(0x4141_4141_4141_4141) & ~(UInt64(0xFF) << (lane * 8))) | UInt64(value) << (lane * 8)
                let expected: UInt64 = value == 0 ? UInt64(0x80) << (lane * 8) : 0
                #expect(HTML.ByteRun.zeroBytes(word) == expected)
            }
        }
    }

    @Test("a byte pair is found in contiguous bytes as in a sequence read one byte at a time")
    func containsPair() {
        for bytes in Self.randomBuffers() + [[0x3D], [0x3D, 0x3F], [0x3F, 0x3D], [0x3D, 0x3D, 0x3F], []] {
            let generic = AnySequence(bytes).containsPair(0x3D, 0x3F)
            #expect(bytes.containsPair(0x3D, 0x3F) == generic, "\(bytes)")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.utf8.containsPair(0x3D, 0x3F) == AnySequence(text.utf8).containsPair(0x3D, 0x3F))
        }
    }

    /// The quoted-printable decoder as it was before the word scan, one byte per loop turn.
    static func referenceQuotedPrintable(_ text: [UInt8]) -> (bytes: [UInt8], clean: Bool) {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x41...0x46: return byte - 0x41 + 10
            case 0x61...0x66: return byte - 0x61 + 10
            default: return nil
            }
        }
        var output: [UInt8] = []
        var clean = true
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte == 0x3D {
                if index + 2 < count, let high = hex(text[index + 1]), let low = hex(text[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                var next = index + 1
                while next < count, text[next] == 0x20 || text[next] == 0x09 { next += 1 }
                if next >= count { return (output, clean) }
                if text[next] == 0x0D, next + 1 < count, text[next + 1] == 0x0A { index = next + 2; continue }
                if text[next] == 0x0A || text[next] == 0x0D { index = next + 1; continue }
                clean = false
                output.append(byte)
                index += 1
            } else if byte == 0x20 || byte == 0x09 {
                var next = index + 1
                while next < count, text[next] == 0x20 || text[next] == 0x09 { next += 1 }
                if next >= count || text[next] == 0x0D || text[next] == 0x0A { index = next; continue }
                output.append(contentsOf: text[index..<next])
                index = next
            } else {
                output.append(byte)
                index += 1
            }
        }
        return (output, clean)
    }

    @Test("quoted-printable decoding is the byte-at-a-time decoding on random encoded text")
    func quotedPrintable() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["=3D", "=C3=A9", "=\r\n", "=\n", "= \r\n", "=", "=4", "=ZZ", " ", "\t", "  \r\n", " \n", "\r\n", "word", "<td style=3D\"x\">", "é", "0123456789abcdef"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let bytes = Array(text.utf8)
            let decoded = bytes.withUnsafeBytes { QuotedPrintable.decode($0) }
            let reference = Self.referenceQuotedPrintable(bytes)
            #expect(decoded.bytes == reference.bytes, "\(text.debugDescription)")
            #expect(decoded.clean == reference.clean, "\(text.debugDescription)")
        }
    }
}

/// The byte reader of strict RFC 5322 dates against the token reader it short-cuts.
@Suite("Strict date reader")
struct StrictDateTests {
    @Test("random dates in the strict form and near it read as the token reader reads them")
    func agreesWithTokens() {
        var random = SystemRandomNumberGenerator()
        let weekdays = ["Mon, ", "tue,", "WED,  ", "Thu ", "", "Sun,\t", "Mar, ", "Sat, "]
        let months = ["Jan", "feb", "MAR", "Apr", "May", "jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "June", "Mai", "Dez", "Xyz"]
        let zones = ["+0200", "-0000", "+0000", "-0530", "+1400", "+1500", "+0260", "+02", "+02:00", "GMT", "+0200 (CEST)", "+0000 (UTC)", "-0700 (Pacific Daylight Time)",
                     "+0100 (a(b)c)", "+0100 (é)", "+0100 CET", "+0100 (x", "z", "+0200 "]
        for _ in 0..<5_000 {
            let day = [0, 1, 4, 9, 10, 28, 29, 30, 31, 32, 99].randomElement(using: &random) ?? 1
            let dayText = Bool.random(using: &random) && day < 10 ? "0\(day)" : "\(day)"
            let year = ["2024", "1999", "24", "0024", "1899", "20240", "2023"].randomElement(using: &random) ?? "2024"
            let hour = ["00", "09", "23", "24", "25", "9", "10"].randomElement(using: &random) ?? "10"
            let minute = ["00", "59", "60", "5"].randomElement(using: &random) ?? "00"
            let second = ["", ":00", ":59", ":60", ":61", ":5"].randomElement(using: &random) ?? ""
            let value = (weekdays.randomElement(using: &random) ?? "") + dayText + " " + (months.randomElement(using: &random) ?? "Jun")
                + (Bool.random(using: &random) ? " " : "  ") + year + " " + hour + ":" + minute + second + " " + (zones.randomElement(using: &random) ?? "+0000")
            #expect(DateParser.parse(value) == DateParser.parseTokens(value), "\(value)")
        }
    }
}

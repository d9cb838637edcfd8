import Foundation
import Intl
import Testing

@testable import MIME

/// Line endings made LF on the bytes before decoding give the text that normalizing the
/// decoded string gives, for the charsets where the parser does it.
@Suite("Line endings on the bytes")
struct LineEndingTests {
    @Test("random bytes with CR, LF and 8-bit bytes, in every byte-wise charset", arguments: [nil, "utf-8", "windows-1252", "iso-8859-15", "us-ascii", "koi8-r"])
    func sameText(label: String?) {
        #expect(BodyParser.decodesLineEndingsBytewise(label))
        var random = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0D, 0x0A, 0x41, 0x20, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0x80, 0xFF, 0x00]
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            var normalized = bytes
            BodyParser.normalizeLineEndings(&normalized)
            let before = Charset.decode(bytes, label: label)
            let after = Charset.decode(normalized, label: label)
            #expect(after.text == BodyParser.normalizingLineEndings(before.text), "\(bytes)")
            #expect(after.issues == before.issues, "\(bytes)")
        }
    }

    @Test("charsets read other than byte by byte keep the string normalization", arguments: ["utf-16", "utf-16le", "iso-2022-jp", "shift_jis", "gb18030"])
    func notBytewise(label: String) {
        #expect(!BodyParser.decodesLineEndingsBytewise(label))
    }
}

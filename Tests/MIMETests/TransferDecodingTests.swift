import Foundation
import Testing
@testable import MIME

@Suite("Transfer decoding")
struct TransferDecodingTests {
    @Test(arguments: [
        ("caf=C3=A9", "café", true),
        ("caf=c3=a9", "café", true),
        ("soft=\r\nbreak", "softbreak", true),
        ("soft= \t\r\nbreak padded", "softbreak padded", true),
        ("soft=\nLF", "softLF", true),
        ("trailing   \r\nspace\t\r\n", "trailing\r\nspace\r\n", true),
        ("a = b", "a = b", false),
        ("100% =ZZ", "100% =ZZ", false),
        ("end=", "end", true),
        ("=4", "=4", false),
    ])
    func quotedPrintable(_ encoded: String, _ expected: String, _ clean: Bool) {
        let result = Data(encoded.utf8).withUnsafeBytes { QuotedPrintable.decode($0) }
        #expect(String(decoding: result.bytes, as: UTF8.self) == expected)
        #expect(result.clean == clean)
    }

    @Test(arguments: [
        ("SGVsbG8gd29ybGQ=", "Hello world", true),
        ("SGVsbG8g\r\nd29y bGQ=", "Hello world", true),
        ("SGVsbG8gd29ybGQ", "Hello world", false),
        ("SGVs*bG8gd29ybGQ=", "Hello world", false),
        ("SGVsbG8=d29ybGQ=", "Hello", false),
        ("", "", true),
    ])
    func base64(_ encoded: String, _ expected: String, _ clean: Bool) {
        let result = Data(encoded.utf8).withUnsafeBytes { Base64.decode($0) }
        #expect(String(decoding: result.bytes, as: UTF8.self).hasPrefix(expected))
        #expect(result.clean == clean)
        let inspection = Data(encoded.utf8).withUnsafeBytes { Base64.inspect($0) }
        if clean { #expect(inspection.decodedSize == result.bytes.count) }
        if clean { #expect(inspection.clean) }
    }
}

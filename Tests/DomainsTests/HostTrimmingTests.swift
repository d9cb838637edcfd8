import Testing

@testable import Domains

/// An ASCII host is lowercased, trimmed and checked on its bytes as on its characters.
@Suite("Host trimming on bytes")
struct HostTrimmingTests {
    @Test("the byte reading answers as the character reading", arguments: [
        "Mail.Amazon.CO.UK", "example.com.", "example.com...", "...", "", "has space.com", "a@b.fr", "x\r\n.fr",
        String(repeating: "a", count: 253), String(repeating: "a", count: 254), String(repeating: "a", count: 253) + ".",
        "café.fr", "ÉCOLE.fr",
    ])
    func sameAnswer(host: String) {
        let expected = RegistrableDomain.characterTrimmed(host)
        if let ascii = RegistrableDomain.asciiTrimmed(host) {
            #expect(ascii == expected)
        } else {
            #expect(host.utf8.contains { $0 >= 0x80 || $0 == 0x0D })
        }
    }
}

import MailroomCore
import Testing

@Suite("Byte search")
struct ByteSearchTests {
    /// The leftmost occurrence, found the slow way.
    static func naive(_ needle: [UInt8], _ haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    @Test("finds what a naive search finds, at every length and position, in texts of a small alphabet")
    func agreesWithNaiveSearch() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let alphabet = Array("ab-/".utf8)
            let haystack = (0..<Int.random(in: 0...70, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            let needle = (0..<Int.random(in: 0...5, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            let found = haystack.withUnsafeBytes { ByteSearch(needle).firstOffset(in: $0) }
            #expect(found == Self.naive(needle, haystack), "\(needle) in \(haystack)")
        }
    }

    @Test("counts occurrences without overlap, left to right")
    func counts() {
        let text = Array("--b--b---b----".utf8)
        #expect(text.withUnsafeBytes { ByteSearch("--").count(in: $0) } == 5)
        #expect(text.withUnsafeBytes { ByteSearch("---").count(in: $0) } == 2)
        #expect(ByteSearch("multipart/").occurs(in: String(repeating: "x", count: 100) + "Multipart/ multipart/mixed"))
        #expect(!ByteSearch("multipart/").occurs(in: "multipart"))
        #expect(!ByteSearch("").occurs(in: "abc"))
    }
}

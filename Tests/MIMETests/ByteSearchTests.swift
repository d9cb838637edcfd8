import MailroomCore
import Testing

@testable import MIME

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

    @Test("the last occurrence is the one a naive search from the end finds, at every length and position")
    func lastAgreesWithNaiveSearch() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let alphabet = Array("ab-/".utf8)
            let haystack = (0..<Int.random(in: 0...70, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            let needle = (0..<Int.random(in: 0...5, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            let found = haystack.withUnsafeBytes { ByteSearch(needle).lastOffset(in: $0) }
            let expected = needle.isEmpty || haystack.count < needle.count
                ? nil : (0...(haystack.count - needle.count)).last { Array(haystack[$0..<($0 + needle.count)]) == needle }
            #expect(found == expected, "\(needle) in \(haystack)")
            #expect((found == nil) == (Self.naive(needle, haystack) == nil))
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

/// The body's container count in one pass is the sum of the two tokens' counts.
@Suite("Container count")
struct ContainerCountTests {
    static func separateCounts(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { ByteSearch("ultipart/").count(in: $0) + ByteSearch("essage/rfc822").count(in: $0) }
    }

    @Test("random texts of the tokens' letters, slashes and base64")
    func agreesWithTwoSearches() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["ultipart/", "multipart/mixed", "message/rfc822", "essage/rfc822", "essage/", "t/", "e/", "/", "rfc822", "ab+/Zz09", "\r\n", "t", "e"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            let bytes = Array(text.utf8)
            let counted = bytes.withUnsafeBytes { BodyParser.countMultiparts($0) }
            #expect(counted == Self.separateCounts(bytes), "\(text)")
        }
    }

    @Test("tokens at the very start and end of the body, and a body too short for either")
    func edges() {
        for text in ["ultipart/", "essage/rfc822", "xultipart/", "essage/rfc822x", "essage/rfc82", "/", "", "multipart/alternative; boundary=x\r\n\r\n--x\r\nContent-Type: message/rfc822"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBytes { BodyParser.countMultiparts($0) } == Self.separateCounts(bytes), "\(text)")
        }
    }
}

import MailroomCore
import Testing

@Suite("Byte search for several needles at once")
struct ByteSearchSetTests {
    @Test("one pass counts what counting each needle apart counts, at every length and position")
    func agreesWithSeparateCounts() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let alphabet = Array("ab-/".utf8)
            let haystack = (0..<Int.random(in: 0...90, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            let needles = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                ByteSearch((0..<Int.random(in: 0...5, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 })
            }
            let separate = haystack.withUnsafeBytes { bytes in needles.reduce(0) { $0 + $1.count(in: bytes) } }
            let together = haystack.withUnsafeBytes { ByteSearch.count(needles, in: $0) }
            #expect(together == separate, "\(needles.map(\.needle)) in \(haystack)")
            let limited = haystack.withUnsafeBytes { ByteSearch.count(needles, in: $0, upTo: 3) }
            #expect(limited == min(separate, 3))
        }
    }

    @Test("multipart and message tokens in a long body")
    func containers() {
        let body = String(repeating: "Content-Type: multipart/mixed; x\r\n" + String(repeating: "QUJD", count: 40) + "message/rfc822 ", count: 20)
        let bytes = Array(body.utf8)
        let needles = [ByteSearch("ultipart/"), ByteSearch("essage/rfc822")]
        #expect(bytes.withUnsafeBytes { ByteSearch.count(needles, in: $0) } == 40)
        #expect(bytes.withUnsafeBytes { ByteSearch.count(needles, in: $0, upTo: 7) } == 7)
    }
}

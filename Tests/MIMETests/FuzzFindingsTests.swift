import Foundation
import Testing
@testable import MIME

/// Regressions from the mutation fuzzer (Tests/Fuzz), each from a minimised mutant.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    /// Mutant `table-00081`: a 35 MB text/html part of one table (2,000 cells a row) took
    /// 425 MB of peak memory per message; two in flight passed 900 MB. Minimised: any text part
    /// over the limit. It is cut on a scalar boundary (the `é` straddling the limit goes whole),
    /// with a warning; the text before the cut is kept and rendered.
    @Test func oversizedTextPartIsCutWithAWarning() {
        let limit = MessageParser.maximumTextPartLength
        let row = "<tr><td>Item</td><td>1,00 €</td></tr>\n"
        var html = "<table><tr><th>Article</th><th>Prix</th></tr>\n"
        html += String(repeating: "a", count: limit - html.utf8.count - 1) + "é"
        html += String(repeating: row, count: 1 + limit / row.utf8.count)
        let data = Data(("Content-Type: text/html; charset=utf-8\r\nDate: Tue, 4 Jun 2024 10:00:00 +0200\r\n\r\n" + html).utf8)
        let message = MessageParser.parse(data)
        #expect(message.warnings.map(\.code).contains(WarningCode.oversizedPart))
        let part = message.textParts.first
        #expect(part?.text.utf8.count == limit - 1)
        #expect(part?.text.hasSuffix("a") == true)
        #expect(part?.renderedText?.contains("Article\tPrix") == true)
    }

    @Test func partAtTheLimitIsKeptWhole() {
        let body = String(repeating: "x", count: MessageParser.maximumTextPartLength)
        let message = MessageParser.parse(Data(("Content-Type: text/plain\r\n\r\n" + body).utf8))
        #expect(!message.warnings.map(\.code).contains(WarningCode.oversizedPart))
        #expect(message.textParts.first?.text.utf8.count == MessageParser.maximumTextPartLength)
    }
}

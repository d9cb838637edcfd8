import Foundation
import IMAP
import MIME
import Testing

@testable import Sync

/// A multipart's parts fetched one by one read as the MIME message they make put together.
@Suite("Message assembly from fetched parts")
struct MessageAssemblerTests {
    static let header = Data("""
        From: Atelier Brindille <commandes@atelier-brindille.fr>\r
        To: Nina Roux <nina.roux@example.org>\r
        Subject: =?UTF-8?Q?Votre_commande_n=C2=B0_4417_est_confirm=C3=A9e?=\r
        Date: Mon, 16 Nov 2026 10:12:00 +0100\r
        Message-ID: <4417.confirmation@atelier-brindille.fr>\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="outer-7f3"\r
        \r

        """.utf8)

    static let plain = Data("Bonjour Nina,\r\n\r\n2 x Bougie cir=C3=A9e 12,00 =E2=82=AC\r\nTotal : 24,00 =E2=82=AC\r\n".utf8)
    static let html = Data("PHA+Qm9uam91ciBOaW5hLDwvcD48dGFibGU+PHRyPjx0ZD5Cb3VnaWUgY2lyw6llPC90ZD48dGQ+MjwvdGQ+PHRkPjEyLDAwIOKCrDwvdGQ+PC90cj48L3RhYmxlPg==\r\n".utf8)

    /// multipart/mixed [ multipart/alternative [ text/plain (latin-1 named, QP), text/html (base64) ], application/pdf ]
    static func summary(boundary: String? = "outer-7f3", plainSize: Int? = nil, extraBody: Int = 0) -> MessageSummary {
        let alternative = BodyStructure.multipart(subtype: "alternative", parameters: ["boundary": "inner-2c"], parts: [
            .single(BodyPart(section: "1.1", type: "text", subtype: "plain", parameters: ["charset": "utf-8"], encoding: "quoted-printable",
                             size: plainSize ?? plain.count, disposition: nil, dispositionParameters: [:])),
            .single(BodyPart(section: "1.2", type: "text", subtype: "html", parameters: ["charset": "UTF-8"], encoding: "base64",
                             size: html.count, disposition: nil, dispositionParameters: [:])),
        ], section: "1")
        let invoice = BodyStructure.single(BodyPart(section: "2", type: "application", subtype: "pdf", parameters: ["name": "facture-4417.pdf"],
                                                    encoding: "base64", size: 7800, disposition: "attachment",
                                                    dispositionParameters: ["filename": "facture-4417.pdf"]))
        let structure = BodyStructure.multipart(subtype: "mixed", parameters: boundary.map { ["boundary": $0] } ?? [:],
                                                parts: [alternative, invoice], section: "")
        return MessageSummary(uid: IMAPUID(7), flags: [], size: header.count + plain.count + html.count + 7800 + 600 + extraBody,
                              internalDate: nil, structure: structure, header: header, modSeq: nil)
    }

    static func described(_ message: Message) -> [String] {
        [message.subject ?? "-", "\(message.rawHeader.count)"]
            + message.textParts.map { "\($0.section) \($0.kind) \($0.declaredCharset ?? "-") \($0.text) | \($0.renderedText ?? "-")" }
            + message.attachments.map { "\($0.section) \($0.mimeType) \($0.filename ?? "-") \($0.size)" }
            + message.warnings.map(\.code)
    }

    @Test("the parts parsed from the structure make the message the assembled bytes make")
    func sameAsAssembled() throws {
        let summary = Self.summary()
        let plan = MessageAssembler.plan(for: summary)
        #expect(plan == .sections(["1.1", "1.2"]))
        let fetched = ["1.1": Self.plain, "1.2": Self.html]
        let direct = try #require(MessageParser.parse(header: summary.header, leaves: summary.structure!.leaves.map {
            MessageParser.StructuredLeaf(section: $0.section, header: "Content-Type: \($0.mimeType)\r\n", body: fetched[$0.section] ?? Data())
        }, containers: 1))
        #expect(direct.textParts.count == 2)

        let (message, data) = MessageAssembler.parse(summary, plan: plan, fetched: fetched, limit: 256 * 1024)
        let assembled = MessageParser.parse(MessageAssembler.assemble(summary, plan: plan, fetched: fetched))
        #expect(Self.described(message) == Self.described(assembled))
        #expect(data == summary.header, "the header is what the content hash reads")
        #expect(message.textParts.map(\.section) == ["1.1", "1.2"])
        #expect(message.textParts.first?.text.contains("Bougie cirée 12,00 €") == true)
        #expect(message.textParts.last?.renderedText?.contains("Bougie cirée\t2\t12,00 €") == true)
        #expect(message.attachments.map(\.filename) == ["facture-4417.pdf"])
        #expect(!message.warnings.contains { $0.code == WarningCode.oversizedPart })
    }

    @Test("a part larger than the fetch limit was fetched cut, and the message says so")
    func cutPartsWarned() {
        let limit = 40
        let summary = Self.summary()
        let fetched = ["1.1": Self.plain.prefix(limit), "1.2": Self.html.prefix(limit)]
        let (message, _) = MessageAssembler.parse(summary, plan: .sections(["1.1", "1.2"]), fetched: fetched, limit: limit)
        let cut = message.warnings.filter { $0.code == WarningCode.oversizedPart }
        #expect(cut.map(\.detail) == ["part 1.1: \(Self.plain.count) octets on the server; the first 40 fetched",
                                       "part 1.2: \(Self.html.count) octets on the server; the first 40 fetched"])
        #expect(message.textParts.first?.text.hasPrefix("Bonjour Nina") == true, "what was fetched is still read")

        // A message fetched whole is cut as one text; parts within the limit are not.
        #expect(MessageAssembler.cutParts(summary, plan: .wholeText, limit: limit).map(\.section) == ["TEXT"])
        #expect(MessageAssembler.cutParts(summary, plan: .sections(["1.1"]), limit: Self.plain.count).isEmpty)
    }

    @Test("a multipart of text parts whose structure looks broken is fetched whole and read as import reads it")
    func brokenStructuresFetchedWhole() {
        func textOnly(_ summary: MessageSummary) -> MessageSummary {
            var summary = summary
            if case .multipart(let subtype, let parameters, let parts, let section)? = summary.structure {
                summary.structure = .multipart(subtype: subtype, parameters: parameters, parts: Array(parts.prefix(1)), section: section)
                summary.size -= 7800
            }
            return summary
        }
        #expect(MessageAssembler.plan(for: textOnly(Self.summary())) == .sections(["1.1", "1.2"]))
        #expect(MessageAssembler.plan(for: textOnly(Self.summary(boundary: nil))) == .wholeText)
        #expect(MessageAssembler.plan(for: textOnly(Self.summary(plainSize: 0))) == .wholeText)
        #expect(MessageAssembler.plan(for: textOnly(Self.summary(extraBody: 4000))) == .wholeText)
        // With an attachment the text parts are fetched alone whatever the structure.
        #expect(MessageAssembler.plan(for: Self.summary(boundary: nil)) == .sections(["1.1", "1.2"]))
    }

    @Test("a header that opens no usable multipart leaves the message to the assembled bytes")
    func unusableHeader() {
        let header = Data("From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed\r\n\r\n".utf8)
        let leaf = MessageParser.StructuredLeaf(section: "1", header: "Content-Type: text/plain\r\n", body: Data("hi".utf8))
        #expect(MessageParser.parse(header: header, leaves: [leaf], containers: 0) == nil)
        #expect(MessageParser.parse(header: Data("\r\n".utf8), leaves: [leaf], containers: 0) == nil)
        let nested = MessageParser.StructuredLeaf(section: Array(repeating: "1", count: 40).joined(separator: "."), header: "", body: Data())
        #expect(MessageParser.parse(header: Self.header, leaves: [nested], containers: 39) == nil)
    }
}

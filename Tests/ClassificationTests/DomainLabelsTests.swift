import Foundation
import Intl
import MIME
import Testing

@testable import Classification

/// The byte versions of the domain and text helpers answer as the `Character` and Foundation
/// calls they replace, on ASCII and on text that is not.
@Suite("Domain labels on bytes")
struct DomainLabelsTests {
    static let domains = [
        "mairie-nantes.fr", "ville-rennes.fr", "acme.co.uk", ".leading.dot", "trailing.dot.", "a..b", "", ".", "..",
        "no-dots", "x-y-z.example", "café-crème.fr", "straße.de", "e\u{301}.fr", ".\u{301}x.fr", "a.\u{301}b", "пример.рф", "-", "--.--",
    ]

    @Test("first label, label count and hyphens removed", arguments: domains)
    func labels(domain: String) {
        #expect(DomainLabels.first(of: domain) == domain.split(separator: ".").first)
        #expect(DomainLabels.count(of: domain) == domain.split(separator: ".").count)
        #expect(DomainLabels.dehyphenated(domain) == domain.replacingOccurrences(of: "-", with: ""))
        if let label = domain.split(separator: ".").first {
            #expect(DomainLabels.dehyphenated(label) == label.replacingOccurrences(of: "-", with: ""))
        }
    }

    @Test("trimmed as Foundation trims", arguments: [
        "  list.example.com ", "\tlist\t", "", "   ", "\u{A0}list.example\u{A0}", " \u{2003}x ", "x", " <https://a.example/u> ",
        "<mailto:u@a.example>", "<>", "< é >", " <\u{301}x> ", "\r\n x \r\n",
    ])
    func trimmed(text: String) {
        #expect(DomainLabels.trimmingBlanks(text) == text.trimmingCharacters(in: .whitespaces))
        #expect(DomainLabels.trimming(text, asciiMembers: " <>") == text.trimmingCharacters(in: CharacterSet(charactersIn: " <>")))
    }

    @Test("an unknown domain's id", arguments: domains + ["Shop.Example.COM", "ab_cd.fr", "x1-2.io"])
    func slug(domain: String) {
        #expect(IdentifiedVendor.slug(of: domain) == String(domain.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }))
    }

    @Test("a text names a host under a label: memchr for the label's first letter, as a byte walk would")
    func namesHost() {
        let texts = [
            "see noahpinion.blog today", "NOAHPINION.substack.com only", "Noah-Pinion.Blog", "xnoahpinion.blog", "a.noahpinion.blog",
            "noahpinion.", "noahpinion.substack.com.evil", "", "n", "noahpinion.substack.community",
        ]
        let label = Array("noahpinion".utf8), other = Array("substack.com".utf8)
        let expected = [true, false, true, false, true, false, true, false, false, true]
        for (text, answer) in zip(texts, expected) {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { VendorIdentifier.namesHost(startingWith: label, other: other, in: $0) } == answer, "\(text)")
        }
        // A label starting with a byte without the 0x20 bit (never equal to `b | 0x20`) names nothing.
        #expect(Array("@x.y".utf8).withUnsafeBufferPointer { VendorIdentifier.namesHost(startingWith: Array("@x".utf8), other: [], in: $0) } == false)
    }

    @Test("a match's text from UTF-16 offsets", arguments: ["order 42 shipped", "commande n° 42 expédiée", "emoji 🎁 gift", "e\u{301}t\u{E9}", ""])
    func substring(text: String) {
        let prepared = UTF16Text(text)
        for start in 0...prepared.units.count {
            for end in start...prepared.units.count {
                #expect(prepared.substring(start..<end) == String(decoding: prepared.units[start..<end], as: UTF16.self))
            }
        }
    }

    @Test("a sender address's parts", arguments: [
        "news@Shop.Example.COM", "no-at-sign", "a@b@c.fr", "@", "", "x@", "@y.fr", "jos\u{E9}@caf\u{E9}.fr", "a@\u{301}b.fr", "@\u{301}",
    ])
    func addressParts(address: String) {
        let mailbox = MailAddress(name: nil, address: address)
        // What the parts are by `Character`, which the byte search of an ASCII address stands for.
        let at = address.lastIndex(of: "@")
        #expect(mailbox.localPart == at.map { String(address[..<$0]) } ?? address)
        #expect(mailbox.domain == at.map { address[address.index(after: $0)...].lowercased() } ?? "")
    }

    @Test("a display name's tokens", arguments: [
        "Maison Lumière", "EATALY", "Ville de Rennes", "Marks & Spencer", "L'Oréal Paris", "Tom's Shop, Inc.", "", "  ", "a\r\nb",
        "x--y__z", "Shop 24/7", "Caf\u{E9}", "e\u{301}cole", "R&D 'Q'",
    ])
    func nameTokens(name: String) {
        #expect(IdentifiedVendor.nameTokens(name) == name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "&" }))
    }
}

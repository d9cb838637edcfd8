import Domains
import Foundation
import Intl
import MIME
import MailroomCore
import Rules

/// What the category rules look at, computed once per message: folded texts, sender parts,
/// header names and schema.org types.
struct MessageFeatures {
    /// Case- and accent-folded subject.
    let subject: PatternText
    /// Case- and accent-folded start of the body text.
    let body: PatternText
    /// The sender's local part, lowercased.
    let senderLocalPart: PatternText
    /// The sender host's labels left of its registrable domain (`news.email`), lowercased.
    let senderSubdomain: PatternText
    /// The registrable domain of the sender's address, lowercased (`zendesk.com`).
    let senderDomain: String
    /// Names of the header fields present, lowercased.
    let headerNames: Set<String>
    /// schema.org types declared in JSON-LD or microdata.
    let schemaTypes: Set<String>

    /// How much of the body the rules read: the start carries the message, the end carries
    /// footers that mention everything (passwords, orders, unsubscribing).
    static let bodyPrefix = 1_500

    init(_ message: Message, sender: MailAddress?) {
        subject = PatternText(TextFolding.fold(message.subject ?? ""))
        body = PatternText(TextFolding.fold(Self.prefix(message.bodyText, characters: Self.bodyPrefix)))
        senderLocalPart = PatternText((sender?.localPart ?? "").lowercased())
        let host = sender?.domain ?? ""
        let registrable = RegistrableDomain.of(host)
        senderDomain = registrable?.lowercased() ?? ""
        if let registrable, host.count > registrable.count {
            senderSubdomain = PatternText(String(host.dropLast(registrable.count + 1)))
        } else {
            senderSubdomain = PatternText("")
        }
        var names = Set(message.headers.map { $0.name.lowercased() })
        // `Auto-Submitted: no` says a person sent it (RFC 3834): the field is there, the signal is not.
        if message.list.autoSubmitted == "no" { names.remove("auto-submitted") }
        headerNames = names
        schemaTypes = Self.schemaTypes(in: message.html ?? "")
    }

    /// `String(text.prefix(count))`: the first `count` characters. When the text starts with
    /// more than `count` ASCII bytes and no carriage return, each of those bytes is one
    /// character (an ASCII byte never joins the next one into a character, except CR LF), so
    /// the prefix is cut from the bytes without walking characters.
    static func prefix(_ text: String, characters count: Int) -> String {
        let utf8 = text.utf8
        if utf8.count <= count { return text }
        let cut = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.prefix(count + 1).allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<count]), as: UTF8.self)
        }
        return (cut ?? nil) ?? String(text.prefix(count))
    }

    /// `@type` values of JSON-LD and `itemtype` values of microdata (https://schema.org/docs/gs.html).
    static func schemaTypes(in html: String) -> Set<String> {
        guard contains(html, "schema.org") else { return [] }
        var types: Set<String> = []
        for regex in [jsonLDType, microdataType] {
            let range = NSRange(html.startIndex..., in: html)
            for match in regex.matches(in: html, range: range) {
                if let typeRange = Range(match.range(at: 1), in: html) { types.insert(String(html[typeRange])) }
            }
        }
        return types
    }

    /// A byte search: most mail has no schema.org markup, and this runs on every message.
    static func contains(_ text: String, _ needle: String) -> Bool {
        (needle == "schema.org" ? schemaOrg : ByteSearch(needle)).occurs(in: text)
    }

    static let schemaOrg = ByteSearch("schema.org")

    static let jsonLDType = try! NSRegularExpression(pattern: #""@type"\s*:\s*"(?:https?://schema\.org/)?([A-Za-z]+)""#)
    static let microdataType = try! NSRegularExpression(pattern: #"itemtype\s*=\s*["']?https?://schema\.org/([A-Za-z]+)"#)
}

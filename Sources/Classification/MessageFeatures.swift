import Domains
import Foundation
import Intl
import MIME

/// What the category rules look at, computed once per message: folded texts, sender parts,
/// header names and schema.org types.
struct MessageFeatures {
    /// Case- and accent-folded subject.
    let subject: String
    /// Case- and accent-folded start of the body text.
    let body: String
    /// The sender's local part, lowercased.
    let senderLocalPart: String
    /// The sender host's labels left of its registrable domain (`news.email`), lowercased.
    let senderSubdomain: String
    /// Names of the header fields present, lowercased.
    let headerNames: Set<String>
    /// schema.org types declared in JSON-LD or microdata.
    let schemaTypes: Set<String>

    /// How much of the body the rules read: the start carries the message, the end carries
    /// footers that mention everything (passwords, orders, unsubscribing).
    static let bodyPrefix = 1_500

    init(_ message: Message, sender: MailAddress?) {
        subject = TextFolding.fold(message.subject ?? "")
        body = TextFolding.fold(String(message.bodyText.prefix(Self.bodyPrefix)))
        senderLocalPart = (sender?.localPart ?? "").lowercased()
        let host = sender?.domain ?? ""
        if let registrable = RegistrableDomain.of(host), host.count > registrable.count {
            senderSubdomain = String(host.dropLast(registrable.count + 1))
        } else {
            senderSubdomain = ""
        }
        headerNames = Set(message.headers.map { $0.name.lowercased() })
        schemaTypes = Self.schemaTypes(in: message.html ?? "")
    }

    /// `@type` values of JSON-LD and `itemtype` values of microdata (https://schema.org/docs/gs.html).
    static func schemaTypes(in html: String) -> Set<String> {
        guard html.contains("schema.org") else { return [] }
        var types: Set<String> = []
        for regex in [jsonLDType, microdataType] {
            let range = NSRange(html.startIndex..., in: html)
            for match in regex.matches(in: html, range: range) {
                if let typeRange = Range(match.range(at: 1), in: html) { types.insert(String(html[typeRange])) }
            }
        }
        return types
    }

    static let jsonLDType = try! NSRegularExpression(pattern: #""@type"\s*:\s*"(?:https?://schema\.org/)?([A-Za-z]+)""#)
    static let microdataType = try! NSRegularExpression(pattern: #"itemtype\s*=\s*["']?https?://schema\.org/([A-Za-z]+)"#)
}

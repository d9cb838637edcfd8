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
        self.init(message, sender: sender, senderDomain: sender.flatMap { RegistrableDomain.of($0.domain) })
    }

    /// The features of `message` from `sender`, whose address's registrable domain is
    /// `senderDomain` (the vendor decision has read it already).
    init(_ message: Message, sender: MailAddress?, senderDomain registrable: String?) {
        subject = PatternText(TextFolding.fold(message.subject ?? ""))
        body = PatternText(TextFolding.fold(Self.prefix(message.bodyText, characters: Self.bodyPrefix)))
        senderLocalPart = PatternText((sender?.localPart ?? "").lowercased())
        let host = sender?.domain ?? ""
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

    /// `@type` values of JSON-LD (`"@type": "Order"`, `"@type":"https://schema.org/Order"`) and
    /// `itemtype` values of microdata (`itemtype="https://schema.org/Order"`), read on the
    /// bytes of the HTML (https://schema.org/docs/gs.html).
    static func schemaTypes(in html: String) -> Set<String> {
        guard contains(html, "schema.org") else { return [] }
        var html = html
        return html.withUTF8 { bytes in
            var types: Set<String> = []
            let raw = UnsafeRawBufferPointer(bytes)
            func scan(_ key: ByteSearch, _ reader: (UnsafeRawBufferPointer, Int) -> String?) {
                var offset = 0
                while offset < raw.count, let found = key.firstOffset(in: UnsafeRawBufferPointer(rebasing: raw[offset...])) {
                    let end = offset + found + key.needle.count
                    if let type = reader(raw, end) { types.insert(type) }
                    offset = end
                }
            }
            scan(typeKey, jsonLDType)
            scan(itemTypeKey, microdataType)
            return types
        }
    }

    static let typeKey = ByteSearch("\"@type\"")
    static let itemTypeKey = ByteSearch("itemtype")

    /// After `"@type"`: spaces, a colon, spaces, a quoted name, optionally prefixed by schema.org's URL.
    static func jsonLDType(_ bytes: UnsafeRawBufferPointer, after start: Int) -> String? {
        var index = skippingSpaces(bytes, from: start)
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index = skippingSpaces(bytes, from: index + 1)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index = skippingSchemaURL(bytes, from: index + 1)
        guard let (name, end) = letters(bytes, from: index), end < bytes.count, bytes[end] == UInt8(ascii: "\"") else { return nil }
        return name
    }

    /// After `itemtype`: spaces, `=`, spaces, an optional quote, then schema.org's URL and a name.
    static func microdataType(_ bytes: UnsafeRawBufferPointer, after start: Int) -> String? {
        var index = skippingSpaces(bytes, from: start)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
        index = skippingSpaces(bytes, from: index + 1)
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { index += 1 }
        let afterURL = skippingSchemaURL(bytes, from: index)
        guard afterURL > index else { return nil }
        return letters(bytes, from: afterURL)?.0
    }

    static func skippingSpaces(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[index]) { index += 1 }
        return index
    }

    static let schemaURLs = ["https://schema.org/", "http://schema.org/"].map { Array($0.utf8) }

    /// The index after `http(s)://schema.org/` at `start`; `start` when it is not there.
    static func skippingSchemaURL(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        for url in schemaURLs where start + url.count <= bytes.count && bytes[start..<start + url.count].elementsEqual(url) {
            return start + url.count
        }
        return start
    }

    /// The ASCII letters at `start` (at least one) and the index after them.
    static func letters(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (String, Int)? {
        var end = start
        while end < bytes.count, (bytes[end] | 0x20) >= 0x61, (bytes[end] | 0x20) <= 0x7A { end += 1 }
        guard end > start else { return nil }
        return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), end)
    }

    /// A byte search: most mail has no schema.org markup, and this runs on every message.
    static func contains(_ text: String, _ needle: String) -> Bool {
        (needle == "schema.org" ? schemaOrg : ByteSearch(needle)).occurs(in: text)
    }

    static let schemaOrg = ByteSearch("schema.org")

}

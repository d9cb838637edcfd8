import Foundation
import MIME

/// Domain names cut and trimmed on their bytes when they are ASCII (almost always): the
/// `Character` walks of `split(separator:)`, `replacingOccurrences` and `trimmingCharacters`
/// cost thousands of instructions per call, and vendor identification made dozens per message.
/// Every function answers as the `Character` or Foundation call it stands for; text that is not
/// ASCII goes through that call.
enum DomainLabels {
    /// `domain.split(separator: ".").first`: the first non-empty label.
    static func first(of domain: String) -> Substring? {
        guard isASCII(domain) else { return domain.split(separator: ".").first }
        let utf8 = domain.utf8
        guard let start = utf8.firstIndex(where: { $0 != UInt8(ascii: ".") }) else { return nil }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        return domain[start..<end]
    }

    /// `domain.split(separator: ".").count`: the number of non-empty labels.
    static func count(of domain: String) -> Int {
        guard isASCII(domain) else { return domain.split(separator: ".").count }
        var count = 0
        var previousIsDot = true
        for byte in domain.utf8 {
            let isDot = byte == UInt8(ascii: ".")
            if !isDot, previousIsDot { count += 1 }
            previousIsDot = isDot
        }
        return count
    }

    /// `label.replacingOccurrences(of: "-", with: "")`.
    static func dehyphenated<Label: StringProtocol>(_ label: Label) -> String {
        let utf8 = label.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return label.replacingOccurrences(of: "-", with: "") }
        guard utf8.contains(UInt8(ascii: "-")) else { return String(label) }
        return String(decoding: utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
    }

    /// `text.trimmingCharacters(in: .whitespaces)`. ASCII ends are trimmed of spaces and tabs
    /// (the set's only ASCII members); an end that is not ASCII goes through Foundation.
    static func trimmingBlanks(_ text: String) -> String {
        trimming(text, { $0 == 0x20 || $0 == 0x09 }) ?? text.trimmingCharacters(in: .whitespaces)
    }

    /// `text.trimmingCharacters(in: CharacterSet(charactersIn: members))` for ASCII `members`:
    /// UTF-8 bytes of other characters are never ASCII, so trimming bytes trims the same scalars.
    static func trimming(_ text: String, asciiMembers members: String) -> String {
        let bytes = Array(members.utf8)
        return trimming(text, { bytes.contains($0) }, nonASCIIEnds: true) ?? text.trimmingCharacters(in: CharacterSet(charactersIn: members))
    }

    /// `text` without the bytes `isMember` takes at either end; `nil` when an end is reached
    /// that is not ASCII and `nonASCIIEnds` is false (the set may have members there).
    private static func trimming(_ text: String, _ isMember: (UInt8) -> Bool, nonASCIIEnds: Bool = false) -> String? {
        let utf8 = text.utf8
        guard let start = utf8.firstIndex(where: { !isMember($0) }) else { return "" }
        guard let last = utf8.lastIndex(where: { !isMember($0) }) else { return "" }
        if !nonASCIIEnds, utf8[start] >= 0x80 || utf8[last] >= 0x80 { return nil }
        if start == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return text }
        return String(decoding: utf8[start...last], as: UTF8.self)
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }
}

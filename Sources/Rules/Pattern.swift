import Foundation

/// A regular expression (ICU syntax) compiled once at load time, matched on folded text.
public struct Pattern: Sendable, Hashable, CustomStringConvertible {
    // NSRegularExpression is immutable once built, so sharing it across threads is safe.
    let regex: NSRegularExpression
    public let source: String

    public init(_ source: String) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: source, options: [.caseInsensitive])
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The first match in `text`, if any.
    public func firstMatch(in text: String) -> String? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range, in: text)
        else { return nil }
        return String(text[range])
    }

    public var description: String { source }
    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

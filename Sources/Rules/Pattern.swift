import Intl

/// A regular expression (ICU syntax), compiled once at load time, matched case-insensitively on
/// folded text.
public struct Pattern: Sendable, Hashable, CustomStringConvertible {
    let regex: ICURegex
    public let source: String
    /// The literals every match starts with, when the pattern says so: only the places where
    /// one occurs are tried.
    let starts: LiteralTable?

    public init(_ source: String) throws(ICURegexError) {
        self.source = source
        regex = try ICURegex(source, caseInsensitive: false)
        starts = LeadingLiterals.of(source).map(LiteralTable.init)
    }

    /// One pattern matching wherever any of `patterns` matches (an alternation), so a list of
    /// patterns costs one scan of the text.
    public init?(anyOf patterns: [Pattern]) {
        guard !patterns.isEmpty else { return nil }
        try? self.init(patterns.map { "(?:\($0.source))" }.joined(separator: "|"))
    }

    /// The first match in a prepared text, if any.
    public func firstMatch(in text: UTF16Text) -> String? {
        regex.firstMatch(in: text).map(text.substring)
    }

    /// The first match in a text prepared for many patterns: the same as
    /// ``firstMatch(in:)-(UTF16Text)`` on its UTF-16, trying only where a match can start.
    public func firstMatch(in text: PatternText) -> String? {
        guard let starts else { return firstMatch(in: text.utf16) }
        return regex.firstMatch(in: text.utf16, startingAtOneOf: starts.candidates(in: text)).map(text.utf16.substring)
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: UTF16Text(text)) != nil
    }

    public var description: String { source }
    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

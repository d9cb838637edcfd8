/// The literal texts every match of a regular expression starts with: the regex engine then
/// only needs to try the places where one of them occurs, not every position of the text.
///
/// Conservative: `nil` means "no such guarantee" (the pattern is searched the usual way). The
/// analysis reads the pattern's start: optional `\b`, then a run of literal characters, or a
/// mandatory group each of whose alternatives starts that way (`\b(order|invoice) (number|no)`
/// starts with `order` or `invoice`, each at a word start). For patterns compiled without
/// case folding only (``Pattern`` folds the text instead).
struct LeadingLiterals: Sendable, Equatable {
    /// A text every match starts with, and whether a `\b` comes right before it.
    struct Literal: Sendable, Hashable {
        let text: String
        let afterBoundary: Bool
    }

    let literals: [Literal]

    static func of(_ pattern: String) -> LeadingLiterals? {
        guard let found = alternation(Array(pattern.unicodeScalars)[...]),
            !found.prefixes.isEmpty, !found.prefixes.contains(where: { $0.text.isEmpty })
        else { return nil }
        // Sorted, so the same pattern always gives the same table.
        return LeadingLiterals(literals: found.prefixes.sorted { ($0.text, $0.afterBoundary ? 1 : 0) < ($1.text, $1.afterBoundary ? 1 : 0) })
    }

    /// At most this many literals per pattern: past it, the literals stay shorter.
    static let limit = 64

    /// What a part of a pattern can start with: every match of it starts with one of
    /// `prefixes`; when `whole`, every match is one of them exactly (the part is a finite set
    /// of literal texts, so what follows it extends them).
    private struct Start {
        var prefixes: Set<Literal>
        var whole: Bool
    }

    /// The union of the alternatives' starts; `nil` when one alternative has none.
    private static func alternation(_ scalars: ArraySlice<Unicode.Scalar>) -> Start? {
        var union = Start(prefixes: [], whole: true)
        for branch in RegexSource.splitTopLevel(scalars) {
            guard let start = sequence(branch) else { return nil }
            union.prefixes.formUnion(start.prefixes)
            union.whole = union.whole && start.whole
        }
        return union
    }

    /// The start of a sequence without top-level alternation; `nil` when a match of it may
    /// start with anything (or nothing).
    private static func sequence(_ scalars: ArraySlice<Unicode.Scalar>) -> Start? {
        var index = scalars.startIndex
        var boundary = false
        while index + 1 < scalars.endIndex, scalars[index] == "\\", scalars[index + 1] == "b" {
            boundary = true
            index += 2
        }
        guard index < scalars.endIndex, let start = element(scalars, at: &index) else { return nil }
        var result = Start(prefixes: Set(start.prefixes.map { Literal(text: $0.text, afterBoundary: $0.afterBoundary || boundary) }),
                           whole: start.whole)
        // While what was read is a finite set of texts, what follows extends each of them.
        while result.whole {
            guard index < scalars.endIndex else { return result }
            var next = index
            guard let more = element(scalars, at: &next), more.prefixes.count * result.prefixes.count <= limit else {
                result.whole = false
                break
            }
            var extended: Set<Literal> = []
            for head in result.prefixes {
                for tail in more.prefixes { extended.insert(Literal(text: head.text + tail.text, afterBoundary: head.afterBoundary)) }
            }
            result = Start(prefixes: extended, whole: more.whole)
            index = next
        }
        return result
    }

    /// The start of the element at `index` (a run of literal characters, a literal character
    /// or a group with what quantifies it), moving `index` past it; `nil` when it is anything
    /// else or may be absent.
    private static func element(_ scalars: ArraySlice<Unicode.Scalar>, at index: inout Int) -> Start? {
        if scalars[index] == "(" {
            guard let close = RegexSource.closingParenthesis(scalars, from: index) else { return nil }
            var inner = scalars[(index + 1)..<close]
            if inner.first == "?" {
                // Only a non-capturing group; lookarounds and inline flags are not read.
                guard inner.count >= 2, inner[inner.startIndex + 1] == ":" else { return nil }
                inner = inner.dropFirst(2)
            }
            // A group that may be skipped does not start every match.
            if close + 1 < scalars.endIndex, isOptionalQuantifier(scalars, at: close + 1) { return nil }
            guard var start = alternation(inner) else { return nil }
            if close + 1 < scalars.endIndex, isQuantifier(scalars[close + 1]) { start.whole = false }
            index = close + 1
            return start
        }
        let scalar = scalars[index]
        guard isLiteral(scalar) else { return nil }
        if index + 1 < scalars.endIndex, isOptionalQuantifier(scalars, at: index + 1) { return nil }
        let repeated = index + 1 < scalars.endIndex && isQuantifier(scalars[index + 1])
        if repeated {
            index += 1
            return Start(prefixes: [Literal(text: String(scalar), afterBoundary: false)], whole: false)
        }
        // The run of literal characters up to the next one that is quantified (or anything
        // else) is one text: extending every prefix character by character made a set of
        // texts per character.
        var end = index + 1
        while end < scalars.endIndex, isLiteral(scalars[end]), !(end + 1 < scalars.endIndex && isQuantifier(scalars[end + 1])) {
            end += 1
        }
        let run = String(String.UnicodeScalarView(scalars[index..<end]))
        index = end
        return Start(prefixes: [Literal(text: run, afterBoundary: false)], whole: true)
    }

    private static func isQuantifier(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "?" || scalar == "*" || scalar == "+" || scalar == "{"
    }

    /// `?`, `*`, or a `{0…}` count: what comes before may be absent.
    private static func isOptionalQuantifier(_ scalars: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        switch scalars[index] {
        case "?", "*": return true
        case "{": return index + 1 < scalars.endIndex && scalars[index + 1] == "0" || index + 1 >= scalars.endIndex
        default: return false
        }
    }

    /// Characters that stand for themselves in an ICU pattern (outside a class, without the
    /// comments flag): letters, digits, spaces and a few signs. Everything else ends a run.
    private static func isLiteral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", " ", "-", "'", "#", ",", ":", "/", "&", "@", "%", "!", "\"", "<", ">", "=", "_", ";", "~":
            return true
        default:
            return !scalar.isASCII && scalar.properties.isAlphabetic
        }
    }
}

/// The literal words a regular expression cannot match without: used to skip patterns whose
/// words are absent from a text before running the regex engine.
///
/// Conservative: `nil` means "no such guarantee" (the pattern is always run). The analysis
/// reads the pattern's top level: a mandatory literal run of three or more letters, or a
/// mandatory group each of whose alternatives has one, gives a set of words of which every
/// match contains at least one.
enum RequiredWords {
    static func of(_ pattern: String) -> Set<String>? {
        analyse(Array(pattern.unicodeScalars)[...])
    }

    private static func analyse(_ scalars: ArraySlice<Unicode.Scalar>) -> Set<String>? {
        let branches = RegexSource.splitTopLevel(scalars)
        var union: Set<String> = []
        for branch in branches {
            guard let words = sequence(branch) else { return nil }
            union.formUnion(words)
        }
        return union.isEmpty ? nil : union
    }

    /// The first mandatory word or word group of a sequence without top-level alternation.
    private static func sequence(_ scalars: ArraySlice<Unicode.Scalar>) -> Set<String>? {
        var index = scalars.startIndex
        var run = ""
        func isOptional(at position: Int) -> Bool {
            guard position < scalars.endIndex else { return false }
            let next = scalars[position]
            if next == "?" || next == "*" { return true }
            if next == "{" {
                let digits = scalars[(position + 1)...].prefix { $0 != "," && $0 != "}" }
                return String(String.UnicodeScalarView(digits)) == "0"
            }
            return false
        }
        func flush(optionalLast: Bool) -> Set<String>? {
            var word = run
            if optionalLast, !word.isEmpty { word.removeLast() }
            run = ""
            return word.count >= 3 ? [word] : nil
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.properties.isLowercase || ("a"..."z").contains(scalar) {
                run.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            if let words = flush(optionalLast: isOptional(at: index)) { return words }
            switch scalar {
            case "\\":
                index += 2
            case "[":
                index += 1
                while index < scalars.endIndex, scalars[index] != "]" { index += scalars[index] == "\\" ? 2 : 1 }
                index += 1
            case "(":
                let end = (RegexSource.closingParenthesis(scalars, from: index) ?? scalars.endIndex - 1) + 1
                var inner = scalars[(index + 1)..<max(index + 1, end - 1)]
                if inner.first == "?" {
                    guard inner.count >= 2, inner[inner.startIndex + 1] == ":" else { index = end; continue }  // lookarounds
                    inner = inner.dropFirst(2)
                }
                if !isOptional(at: end), let words = analyse(inner) { return words }
                index = end
            default:
                index += 1
            }
        }
        return flush(optionalLast: false)
    }
}

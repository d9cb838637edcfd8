import Foundation
import Intl

/// One line of a message's text, prepared once: its scalars, its amounts, and its cells
/// (the rendered HTML joins table cells with tabs; plain text aligns columns with runs of
/// spaces).
struct TextLine {
    let text: String
    let scalars: [Unicode.Scalar]
    /// The line case- and accent-folded.
    let folded: String
    /// The folded line for phrase search.
    let key: SearchKey
    /// Amounts with a currency sign, or bare with a fraction (`45,90`), outside parentheses
    /// first; see ``MoneyScanner``.
    let amounts: [MoneyToken]
    /// Amounts inside parentheses (`Total (incl. VAT of £2.17)`).
    let bracketedAmounts: [MoneyToken]

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
        folded = TextFolding.fold(text)
        key = SearchKey(folded: folded)
        var outside: [MoneyToken] = []
        var inside: [MoneyToken] = []
        let depths = Self.parenthesisDepths(scalars)
        for token in MoneyScanner.scan(scalars) where !token.isBare || token.number.fraction.count == 2 {
            if depths[token.range.lowerBound] > 0 { inside.append(token) } else { outside.append(token) }
        }
        amounts = outside
        bracketedAmounts = inside
    }

    /// The text of a scalar range, trimmed.
    func slice(_ range: Range<Int>) -> String { slice(from: range.lowerBound, to: range.upperBound) }

    /// The text between two scalar offsets, trimmed; empty when they cross.
    func slice(from lower: Int, to upper: Int) -> String {
        let start = max(0, min(lower, scalars.count))
        let clamped = start..<max(start, min(scalars.count, upper))
        return String(String.UnicodeScalarView(scalars[clamped])).trimmingCharacters(in: .whitespaces)
    }

    /// The line cut into cells at tabs and runs of two or more spaces (or dot leaders).
    var cells: [String] {
        var result: [String] = []
        var current = ""
        var spaces = 0
        var dots = 0
        func flush() {
            let trimmed = current.trimmingCharacters(in: CharacterSet(charactersIn: " .…·:|"))
            if !trimmed.isEmpty { result.append(trimmed) }
            current = ""
        }
        for scalar in scalars {
            if scalar == "\t" || scalar == "|" {
                flush(); spaces = 0; dots = 0; continue
            }
            if scalar == " " || scalar == "\u{A0}" {
                spaces += 1
                if spaces == 2 { flush() }
                if spaces < 2 { current.unicodeScalars.append(" ") }
                continue
            }
            if scalar == "." || scalar == "…" {
                dots += 1
                if dots == 3 { flush() }
                if dots < 3 { current.unicodeScalars.append(scalar) }
                continue
            }
            spaces = 0
            dots = 0
            current.unicodeScalars.append(scalar)
        }
        flush()
        return result
    }

    static func parenthesisDepths(_ scalars: [Unicode.Scalar]) -> [Int] {
        var depths = [Int](repeating: 0, count: scalars.count + 1)
        var depth = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == "(" || scalar == "[" { depth += 1 }
            depths[index] = depth
            if scalar == ")" || scalar == "]" { depth = max(0, depth - 1) }
        }
        depths[scalars.count] = depth
        return depths
    }

    /// The lines of a text, without blank ones, capped so a huge body stays cheap.
    static func lines(of text: String, limit: Int = 400) -> [TextLine] {
        var result: [TextLine] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            result.append(TextLine(String(line)))
            if result.count >= limit { break }
        }
        return result
    }
}

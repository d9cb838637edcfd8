import Foundation
import Intl

/// One line of a message's text, its derived forms computed on first use: its scalars, its
/// folded text and search key, its amounts, its cells (the rendered HTML joins table cells with
/// tabs; plain text aligns columns with runs of spaces). Most lines of a mail hold no digit and
/// never need their amounts. Used on one thread.
final class TextLine {
    let text: String
    /// Whether a blank line (or the start of the text) comes right before this one: plain text
    /// sets items and other blocks apart with blank lines; rendered HTML has none.
    let startsParagraph: Bool

    init(_ text: String) {
        self.text = text
        startsParagraph = false
    }

    init(_ text: String, startsParagraph: Bool) {
        self.text = text
        self.startsParagraph = startsParagraph
    }

    private(set) lazy var scalars: [Unicode.Scalar] = Self.scalars(of: text)
    /// The line case- and accent-folded.
    private(set) lazy var folded: String = TextFolding.fold(text)
    /// The folded line for phrase search.
    private(set) lazy var key = SearchKey(folded: folded)
    private lazy var foldedScalars: [Unicode.Scalar]? = {
        let folded = Self.scalars(of: self.folded)
        return folded.count == scalars.count ? folded : nil
    }()

    /// How many space-separated words lie between two scalar offsets.
    func wordCount(from lower: Int, to upper: Int) -> Int {
        let start = max(0, min(lower, scalars.count))
        let end = max(start, min(upper, scalars.count))
        var count = 0
        var inWord = false
        for scalar in scalars[start..<end] {
            let space = scalar == " " || scalar == "\t" || scalar == "\u{A0}"
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// The folded text between two offsets of the original line: cut from the folded line when
    /// folding kept one scalar per scalar (nearly always), else folded anew.
    func foldedSlice(from lower: Int, to upper: Int) -> String {
        guard let folded = foldedScalars else { return TextFolding.fold(slice(from: lower, to: upper)) }
        let start = max(0, min(lower, folded.count))
        let range = start..<max(start, min(folded.count, upper))
        return Self.trimmedString(folded[range])
    }

    /// `String(scalars: slice).trimmedWhitespaceLikeFoundation()`, trimmed on the scalars
    /// before the one string is made.
    static func trimmedString(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var first = slice.startIndex
        var last = slice.endIndex
        while first < last, isFoundationWhitespace(slice[first]) { first += 1 }
        while last > first, isFoundationWhitespace(slice[last - 1]) { last -= 1 }
        return String(scalars: slice[first..<last])
    }

    /// The last scalar of ``slice(from:to:)``: the last one between two offsets that is not
    /// whitespace, without making the string.
    func lastScalar(from lower: Int, to upper: Int) -> Unicode.Scalar? {
        let start = max(0, min(lower, scalars.count))
        var end = max(start, min(scalars.count, upper))
        while end > start, isFoundationWhitespace(scalars[end - 1]) { end -= 1 }
        return end > start ? scalars[end - 1] : nil
    }

    /// Whether the line has a digit (ASCII, or a byte of another script's digits).
    private(set) lazy var hasDigit: Bool = {
        var text = self.text
        return text.withUTF8 { $0.contains { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0xD9 || $0 == 0xDB || $0 == 0xEF } }
    }()

    /// Amounts with a currency sign, or bare with a fraction (`45,90`), outside parentheses;
    /// see ``MoneyScanner``.
    var amounts: [MoneyToken] { money.outside }
    /// Amounts inside parentheses (`Total (incl. VAT of £2.17)`).
    var bracketedAmounts: [MoneyToken] { money.inside }

    private lazy var money: (outside: [MoneyToken], inside: [MoneyToken]) = {
        guard hasDigit else { return ([], []) }
        var outside: [MoneyToken] = []
        var inside: [MoneyToken] = []
        // Without an opening bracket every depth is 0: the depths are counted only with one.
        let depths = scalars.contains { $0 == "(" || $0 == "[" } ? Self.parenthesisDepths(scalars) : nil
        for token in MoneyScanner.scan(scalars) where !token.isBare || token.number.fraction.count == 2 {
            if let depths, depths[token.range.lowerBound] > 0 { inside.append(token) } else { outside.append(token) }
        }
        return (outside, inside)
    }()

    /// The text of a scalar range, trimmed.
    func slice(_ range: Range<Int>) -> String { slice(from: range.lowerBound, to: range.upperBound) }

    /// The text between two scalar offsets, trimmed; empty when they cross.
    func slice(from lower: Int, to upper: Int) -> String {
        let start = max(0, min(lower, scalars.count))
        let clamped = start..<max(start, min(scalars.count, upper))
        return Self.trimmedString(scalars[clamped])
    }

    /// The line cut into cells at tabs and runs of two or more spaces (or dot leaders).
    private(set) lazy var cells: [String] = {
        var result: [String] = []
        // A cell's scalars, made a string once trimmed (trimming a string with a Foundation
        // character set made one set per cell and cost more than the rest of the line).
        var current: [Unicode.Scalar] = []
        var spaces = 0
        var dots = 0
        func flush() {
            var start = 0
            var end = current.count
            while start < end, Self.isCellEdge(current[start]) { start += 1 }
            while end > start, Self.isCellEdge(current[end - 1]) { end -= 1 }
            if end > start { result.append(String(scalars: current[start..<end])) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in scalars {
            if scalar == "\t" || scalar == "|" {
                flush(); spaces = 0; dots = 0; continue
            }
            if scalar == " " || scalar == "\u{A0}" {
                spaces += 1
                if spaces == 2 { flush() }
                if spaces < 2 { current.append(" ") }
                continue
            }
            if scalar == "." || scalar == "…" {
                dots += 1
                if dots == 3 { flush() }
                if dots < 3 { current.append(scalar) }
                continue
            }
            spaces = 0
            dots = 0
            current.append(scalar)
        }
        flush()
        return result
    }()

    /// The scalars trimmed from a cell's ends: what `trimmingCharacters(in: " .…·:|")` trims.
    @inline(__always)
    static func isCellEdge(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x2E, 0x2026, 0xB7, 0x3A, 0x7C: return true
        default: return false
        }
    }

    /// `Array(text.unicodeScalars)`, decoded from the UTF-8 into an array allocated once: a
    /// string's UTF-8 is valid, so each lead byte gives its sequence's length, and there are
    /// never more scalars than bytes.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { output, initialized in
                let count = utf8.count
                var index = 0
                var written = 0
                while index < count {
                    let lead = UInt32(utf8[index])
                    let value: UInt32
                    if lead < 0x80 {
                        value = lead
                        index += 1
                    } else if lead < 0xE0, index + 1 < count {
                        value = (lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0, index + 2 < count {
                        value = (lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                        index += 3
                    } else if index + 3 < count {
                        value = (lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                            | UInt32(utf8[index + 3] & 0x3F)
                        index += 4
                    } else {
                        value = 0xFFFD  // never: valid UTF-8 does not end inside a sequence
                        index = count
                    }
                    output[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    written += 1
                }
                initialized = written
            }
        }
    }

    static func parenthesisDepths(_ scalars: [Unicode.Scalar]) -> [Int] {
        var depths = [Int](repeating: 0, count: scalars.count + 1)
        var depth = 0
        for (index, scalar) in scalars.enumerated() {
            // A bracket left open ends at a column's gap (a tab, two spaces): "Kettenschloss (2 Stk.    1    4,99 €"
            // is a name cut at its column's width.
            if depth > 0, scalar == "\t" || (scalar == " " && index > 0 && scalars[index - 1] == " ") { depth = 0 }
            if scalar == "(" || scalar == "[" { depth += 1 }
            depths[index] = depth
            if scalar == ")" || scalar == "]" { depth = max(0, depth - 1) }
        }
        depths[scalars.count] = depth
        return depths
    }

    /// The lines of a text, without blank ones, capped so a huge body stays cheap.
    static func lines(of text: String, limit: Int = 300) -> [TextLine] {
        var result: [TextLine] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            var blank = true
            func take(_ end: Int) {
                var first = start
                var last = end
                while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
                while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
                if first < last {
                    result.append(TextLine(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), startsParagraph: blank))
                    blank = false
                } else {
                    blank = true
                }
            }
            while index < bytes.count, result.count < limit {
                // CRLF ends one line, not two.
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    take(index)
                    index += 2
                    start = index
                    continue
                }
                if bytes[index] == 0x0A || bytes[index] == 0x0D {
                    take(index)
                    start = index + 1
                }
                index += 1
            }
            if result.count < limit, start < bytes.count { take(bytes.count) }
        }
        return result
    }
}

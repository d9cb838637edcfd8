/// An amount found in a line of text: where it is, its number and the currency sign beside it.
public struct MoneyToken: Sendable, Hashable {
    /// Offsets in the line's Unicode scalars, sign and currency included.
    public var range: Range<Int>
    public var negative: Bool
    public var number: DecimalText
    /// The currency sign or code as written (`€`, `$`, `EUR`, `kr`), or `nil` for a bare number.
    public var sign: String?

    /// Whether no currency is written beside the number.
    public var isBare: Bool { sign == nil }

    /// The signed value in minor units of a currency with `digits` minor digits.
    public func minorUnits(digits: Int) -> Int64? {
        number.minorUnits(digits: digits).map { negative ? -$0 : $0 }
    }
}

/// Finds the amounts in a line: `29,99 €`, `$1,234.56`, `EUR 12.50`, `-20,00 €`, `£0.33`,
/// `CHF 1'234.50`, `12€99`, `45,90` (bare, for callers that know the column holds money).
///
/// Numbers glued to letters (`B0CQX7TR41`, `x2`, `5G`), followed by `%` or a unit, or part of a
/// date, a time, a phone number or a reference (`14/09/2025`, `20:15`, `402-7718350`) are not
/// amounts.
public enum MoneyScanner {
    /// The amounts in `line`, left to right.
    public static func scan(_ line: some StringProtocol) -> [MoneyToken] {
        // Every amount has a digit: ASCII, or Arabic-Indic (D9, DB leading bytes) or fullwidth
        // (EF); a text without any such byte has none, and is not split into scalars.
        guard line.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0xD9 || $0 == 0xDB || $0 == 0xEF }) else { return [] }
        return scan(Array(line.unicodeScalars))
    }

    /// The amounts in a line given as Unicode scalars.
    public static func scan(_ line: [Unicode.Scalar]) -> [MoneyToken] {
        var tokens: [MoneyToken] = []
        var index = 0
        while index < line.count {
            guard DecimalText.digitValue(line[index]) != nil else { index += 1; continue }
            let start = index
            var end = numberEnd(line, from: start)
            defer { index = max(end, start + 1) }
            // "12€99": the euro sign as the decimal separator.
            var numberText = String(scalars: line[start..<end])
            var sign: String?
            if end + 3 <= line.count, line[end] == "€", DecimalText.digitValue(line[end + 1]) != nil,
                DecimalText.digitValue(line[end + 2]) != nil,
                end + 3 == line.count || DecimalText.digitValue(line[end + 3]) == nil,
                !numberText.contains(","), !numberText.contains(".")
            {
                numberText += "," + String(scalars: line[(end + 1)..<(end + 3)])
                sign = "€"
                end += 3
            }
            var tokenEnd = end
            // "12,-" and "12.–": whole units.
            if tokenEnd + 1 < line.count, line[tokenEnd] == "," || line[tokenEnd] == ".",
                line[tokenEnd + 1] == "-" || line[tokenEnd + 1] == "\u{2013}" || line[tokenEnd + 1] == "\u{2014}",
                tokenEnd + 2 >= line.count || !isWordScalar(line[tokenEnd + 2])
            {
                tokenEnd += 2
                end = tokenEnd
            }
            var tokenStart = start
            // "DOP 250 g" (a protected origin, then a weight): a code before a measure is no currency,
            // nor before a whole number that a word follows ("DOP 24 mesi", "AOP 18 mois").
            if sign == nil, let before = signBefore(line, at: start),
                before.sign.count != 3 || !(isMeasure(line, at: tokenEnd) || (!numberText.contains(",") && !numberText.contains(".") && isWordAfter(line, at: tokenEnd)))
            {
                sign = before.sign
                tokenStart = before.start
            }
            // "CHF 229.00 CHF 189.00" (a struck price, then the price paid): the sign written before
            // this number and again right before the next one is the next one's.
            if let after = signAfter(line, at: tokenEnd), !(sign == after.sign && numberFollows(line, at: after.end)) {
                // A code after wins over a symbol before: "$14.00 USD".
                if sign == nil || after.sign.count == 3 { sign = after.sign }
                tokenEnd = after.end
            }
            // "-20,00 €", "-£5.00", "£-5.00", "€ -20".
            var negative = false
            if let minus = minusBefore(line, at: tokenStart) {
                negative = true
                tokenStart = minus
                if sign == nil, let before = signBefore(line, at: minus) {
                    sign = before.sign
                    tokenStart = before.start
                }
            }
            // A sign is never shared by two amounts ("12,50 € 24,99"): it belongs to the first.
            if let previous = tokens.last, tokenStart < previous.range.upperBound {
                guard start >= previous.range.upperBound else { continue }
                tokenStart = start
                sign = signAfter(line, at: end)?.sign
                negative = false
            }
            guard isBoundaryBefore(line, at: tokenStart, bare: sign == nil) || isGluedToWord(line, number: start..<end, tokenStart: tokenStart, sign: sign),
                isBoundaryAfter(line, at: tokenEnd, bare: sign == nil)
            else {
                // "x1 120,00 €": a count glued to its sign is no amount, but what follows its
                // space may be one (the space was read as a thousands separator).
                if let space = line[start..<end].firstIndex(where: isSpace) { end = space }
                continue
            }
            guard let number = DecimalText(numberText, minorDigits: nil) else { continue }
            guard number.integer.utf8.count <= 9 else { continue }
            // "Zustellung: Fr., 06.11.": a bare number opening with a zero before another digit is a date's day, no price.
            if sign == nil, line[start] == "0", start + 1 < end, DecimalText.digitValue(line[start + 1]) != nil { continue }
            tokens.append(MoneyToken(range: tokenStart..<tokenEnd, negative: negative, number: number, sign: sign))
        }
        return tokens
    }

    /// The end of a number starting at `start`: digits, and separators followed by a digit
    /// (a space only before a group of exactly three digits).
    static func numberEnd(_ line: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < line.count {
            let scalar = line[index]
            if DecimalText.digitValue(scalar) != nil { index += 1; continue }
            guard DecimalText.isSeparator(scalar), index + 1 < line.count, DecimalText.digitValue(line[index + 1]) != nil else {
                break
            }
            if isSpace(scalar) {
                // Only "1 234": exactly three digits follow, then no more digits.
                var count = 0
                var next = index + 1
                while next < line.count, DecimalText.digitValue(line[next]) != nil { count += 1; next += 1 }
                guard count == 3 else { break }
            }
            index += 1
        }
        return index
    }

    /// Whether a number starts at `index`, one space allowed before it.
    static func numberFollows(_ line: [Unicode.Scalar], at index: Int) -> Bool {
        var cursor = index
        if cursor < line.count, isSpace(line[cursor]) { cursor += 1 }
        return cursor < line.count && DecimalText.digitValue(line[cursor]) != nil
    }

    /// Whether a unit of measure follows `index` (one space allowed): `250 g`, `1,5 kg`, `75 cl`.
    static func isMeasure(_ line: [Unicode.Scalar], at index: Int) -> Bool {
        var cursor = index
        if cursor < line.count, isSpace(line[cursor]) { cursor += 1 }
        var end = cursor
        while end < line.count, end - cursor < 4, line[end].properties.isLowercase { end += 1 }
        guard end > cursor, end == line.count || !line[end].properties.isAlphabetic else { return false }
        return measureUnits.contains(String(scalars: line[cursor..<end]))
    }

    /// A lowercase word right after `index` (past one space): `24 mesi`, `12 mois`.
    static func isWordAfter(_ line: [Unicode.Scalar], at index: Int) -> Bool {
        var cursor = index
        if cursor < line.count, isSpace(line[cursor]) { cursor += 1 }
        return cursor > index && cursor < line.count && line[cursor].properties.isLowercase
    }

    static let measureUnits: Set<String> = ["g", "kg", "mg", "l", "ml", "cl", "dl", "cm", "mm", "m", "km", "w", "kw", "mah", "gb", "go", "tb", "to", "mb"]

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || DecimalText.digitValue(scalar) != nil
    }

    /// Single-character currency signs.
    static let signScalars: Set<Unicode.Scalar> = [
        "€", "£", "$", "¥", "￥", "₹", "₽", "₺", "₩", "₪", "₫", "฿", "₱", "₴", "₦", "₸", "₾", "৳", "円", "元",
    ]

    /// Words that are currency signs.
    static let signWords: Set<String> = [
        "kr", "kr.", "Kr", "Kr.", "zł", "zl", "Kč", "Ft", "lei", "Fr.", "SFr.", "Rs", "Rs.", "лв", "лв.", "руб", "руб.",
        "euro", "euros", "Euro", "Euros", "EURO", "EUROS",
    ]

    /// Whether a word is a currency code or sign word.
    static func isSignWord(_ word: String) -> Bool {
        if signWords.contains(word) { return true }
        return word.utf8.count == 3 && word.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A } && Money.isCurrencyCode(word)
    }

    /// A sign just before `index` (one space allowed between): returns it and where it starts.
    static func signBefore(_ line: [Unicode.Scalar], at index: Int) -> (sign: String, start: Int)? {
        var cursor = index
        if cursor > 0, isSpace(line[cursor - 1]) { cursor -= 1 }
        guard cursor > 0 else { return nil }
        let previous = line[cursor - 1]
        if signScalars.contains(previous) {
            var start = cursor - 1
            // "US$", "C$", "R$", "HK$": letters glued before the dollar.
            if previous == "$" {
                var letters = start
                while letters > 0, line[letters - 1].properties.isUppercase { letters -= 1 }
                if letters < start, start - letters <= 3 {
                    let prefix = String(scalars: line[letters...start])
                    if CurrencyResolver.unambiguous[prefix] != nil { start = letters }
                }
            }
            return (String(scalars: line[start...(cursor - 1)]), start)
        }
        // A word: letters, maybe ending with a dot ("Fr.").
        var wordEnd = cursor
        var wordStart = cursor
        while wordStart > 0, line[wordStart - 1].properties.isAlphabetic || (line[wordStart - 1] == "." && wordStart == wordEnd) {
            wordStart -= 1
        }
        guard wordStart < wordEnd else { return nil }
        if line[wordEnd - 1] == "." && !isSignWord(String(scalars: line[wordStart..<wordEnd])) {
            wordEnd -= 1
        }
        let word = String(scalars: line[wordStart..<wordEnd])
        guard isSignWord(word), wordEnd == cursor else { return nil }
        return (word, wordStart)
    }

    /// A sign just after `index` (one space allowed between): returns it and where it ends.
    static func signAfter(_ line: [Unicode.Scalar], at index: Int) -> (sign: String, end: Int)? {
        var cursor = index
        if cursor < line.count, isSpace(line[cursor]) { cursor += 1 }
        guard cursor < line.count else { return nil }
        if signScalars.contains(line[cursor]) { return (String(line[cursor]), cursor + 1) }
        var wordEnd = cursor
        while wordEnd < line.count, line[wordEnd].properties.isAlphabetic { wordEnd += 1 }
        guard wordEnd > cursor else { return nil }
        var word = String(scalars: line[cursor..<wordEnd])
        if wordEnd < line.count, line[wordEnd] == ".", isSignWord(word + ".") {
            word += "."
            wordEnd += 1
        }
        guard isSignWord(word) else { return nil }
        if wordEnd < line.count, line[wordEnd].properties.isAlphabetic || DecimalText.digitValue(line[wordEnd]) != nil {
            return nil
        }
        return (word, wordEnd)
    }

    /// Where a minus sign just before `index` starts (`-20,00 €`, `- 5.00`), if any.
    /// A bracket or a quote closing a name (`(2 pcs)`, `28"`, `« Tome 1 »`).
    static let closingMarks: Set<Unicode.Scalar> = [")", "\"", "\u{201D}", "\u{BB}", "\u{2019}"]

    static func minusBefore(_ line: [Unicode.Scalar], at index: Int) -> Int? {
        var cursor = index
        if cursor > 0, isSpace(line[cursor - 1]) { cursor -= 1 }
        guard cursor > 0, ["-", "\u{2212}", "\u{2013}"].contains(line[cursor - 1]) else { return nil }
        let minus = cursor - 1
        // "402-7718350", "17-18 Feb", "08:30 - 10:05": a dash after a word or number is not a minus.
        if minus > 0, isWordScalar(line[minus - 1]) { return nil }
        // "Casque Noir - 79,99 €", `Dętka 28" - 29,90 zł`: a dash set apart between a name and its price is a separator.
        if cursor < index {
            var before = minus
            while before > 0, isSpace(line[before - 1]) { before -= 1 }
            if before > 0, before < minus, isWordScalar(line[before - 1]) || closingMarks.contains(line[before - 1]) { return nil }
            // "1 ex. - 22,50 EUR", "2 Stk. - 9,90 €": after an abbreviation's dot too.
            if before > 1, before < minus, line[before - 1] == ".", line[before - 2].properties.isAlphabetic { return nil }
        }
        if minus > 1, isSpace(line[minus - 1]), DecimalText.digitValue(line[minus - 2]) != nil { return nil }
        return minus
    }

    /// "ternera27,00€", "Box£24.50", "1 szt.29,99 zł": an amount glued to the word before it, as
    /// text made of a layout's cells without their spaces prints it. Only with its currency, its
    /// cents and no space inside the number (`x1 120,00 €` is a count, then an amount); bare,
    /// only after a count and its sign (`3x3,57`; `12x0,75 l` is a pack's measure).
    static func isGluedToWord(_ line: [Unicode.Scalar], number: Range<Int>, tokenStart: Int, sign: String?) -> Bool {
        guard tokenStart > 0, number.count >= 4 else { return false }
        let previous = line[tokenStart - 1]
        let afterCount = (previous == "x" || previous == "×") && tokenStart > 1 && DecimalText.digitValue(line[tokenStart - 2]) != nil
        let afterWord = previous.properties.isAlphabetic
            || (previous == "." && tokenStart > 1 && line[tokenStart - 2].properties.isAlphabetic)
        guard afterCount || (sign != nil && afterWord) else { return false }
        let end = number.upperBound
        guard DecimalText.digitValue(line[end - 1]) != nil, DecimalText.digitValue(line[end - 2]) != nil,
            line[end - 3] == "," || line[end - 3] == "."
        else { return false }
        return !line[number].contains(where: isSpace)
    }

    static func isBoundaryBefore(_ line: [Unicode.Scalar], at index: Int, bare: Bool) -> Bool {
        guard index > 0 else { return true }
        let previous = line[index - 1]
        if isWordScalar(previous) { return false }
        // "Tiny Rainbow.........$10": dot leaders up to a sign.
        if previous == ".", !bare, index > 1, line[index - 2] == "." { return true }
        if ["/", "#", "_", "@", "+", "-", "."].contains(previous) { return false }
        if previous == ":" || previous == "," {
            // "20:15", "1,2": part of a time or a list of numbers.
            if index > 1, DecimalText.digitValue(line[index - 2]) != nil { return false }
        }
        return true
    }

    /// Words saying the price before them is for one (`per stuk`, `je Stück`, `each`).
    static let eachWords: Set<String> = ["per", "je", "each", "ea", "cad", "pro"]

    static func isBoundaryAfter(_ line: [Unicode.Scalar], at index: Int, bare: Bool) -> Bool {
        guard index < line.count else { return true }
        let next = line[index]
        if isWordScalar(next) { return false }
        // "£1.99/month": a price per period.
        if next == "/", !bare, index + 1 < line.count, line[index + 1].properties.isAlphabetic { return true }
        if ["/", "%", "#", "_", "@", "°", "\u{2030}"].contains(next) { return false }
        if next == ":" || next == "-" || next == "." || next == "," || next == "h" {
            if index + 1 < line.count, DecimalText.digitValue(line[index + 1]) != nil { return false }
        }
        if bare {
            // "412 kWh", "30 L", "2 m", "24 mois": a number followed by a word is a measure.
            var cursor = index
            if cursor < line.count, isSpace(line[cursor]) { cursor += 1 }
            if cursor < line.count, line[cursor].properties.isAlphabetic, !["x", "X", "×"].contains(line[cursor]) {
                // "7,00 per stuk", "4,50 je Stück", "3.20 each": a price for one.
                var end = cursor
                while end < line.count, end - cursor < 8, line[end].properties.isAlphabetic { end += 1 }
                let word = String(scalars: line[cursor..<end]).lowercased()
                return (end == line.count || !line[end].properties.isAlphabetic) && eachWords.contains(word)
            }
            if cursor < line.count, line[cursor] == "%" { return false }
        }
        return true
    }
}

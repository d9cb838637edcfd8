import Foundation
import Intl

/// Counts written on item lines: before a price (`2 x 59,99 €`), before or after a name
/// (`2× Pizza`, `Linen shirt × 2`, `Name (2)`), in a cell of their own (`x1`) or after a label
/// (`Qté : 3`, `Menge: 1`).
extension TextItemReader {
    /// "… 2 x " or "2 passagers x " right before an amount: the count and where it starts.
    static func quantityBefore(_ scalars: [Unicode.Scalar]) -> (Int, Int)? {
        var index = scalars.count
        while index > 0, MoneyScanner.isSpace(scalars[index - 1]) { index -= 1 }
        // "2 @ $54.99", "6 Flaschen à 12,90 €": the sign may be "at".
        guard index > 0, ["x", "X", "×", "*", "@", "à"].contains(scalars[index - 1]) else { return nil }
        // With "at", the count opens the line (its name is on the line above): in "Chain / 126 links
        // @ $54.99", 126 is a size.
        let atSign = scalars[index - 1] == "@" || scalars[index - 1] == "à"
        index -= 1
        guard index == 0 || !MoneyScanner.isWordScalar(scalars[index - 1]) || DecimalText.digitValue(scalars[index - 1]) != nil else {
            return nil
        }
        while index > 0, MoneyScanner.isSpace(scalars[index - 1]) { index -= 1 }
        // One word may name what is counted: "2 passagers x", "3 nuits x".
        var named = false
        var word = index
        // "2 szt. ×", "2 ex. à": a count's abbreviated unit word keeps its dot.
        if word > 1, scalars[word - 1] == ".", scalars[word - 2].properties.isAlphabetic { word -= 1 }
        let unitEnd = word
        while word > 0, scalars[word - 1].properties.isAlphabetic { word -= 1 }
        if word < index, word > 0, MoneyScanner.isSpace(scalars[word - 1]) {
            var digits = word - 1
            while digits > 0, MoneyScanner.isSpace(scalars[digits - 1]) { digits -= 1 }
            if digits > 0, DecimalText.digitValue(scalars[digits - 1]) != nil { index = digits; named = true }
        }
        var start = index
        while start > 0, DecimalText.digitValue(scalars[start - 1]) != nil { start -= 1 }
        let digitsStart = start
        // The word counted, when one is (folded once, read below).
        let unit = named ? TextFolding.fold(String(scalars: scalars[word..<unitEnd])) : ""
        // "4 Laugenbrezeln        à 0,95 €": a word that counts nothing, a column's gap after it, is the
        // item's name in a column of its own ("6 Flaschen à 12,90 €" counts bottles of the item above).
        if named, scalars[..<digitsStart].allSatisfy({ MoneyScanner.isSpace($0) }), unitEnd + 2 <= scalars.count,
            MoneyScanner.isSpace(scalars[unitEnd]), MoneyScanner.isSpace(scalars[unitEnd + 1])
        {
            if !ItemVocabulary.countUnitWords.contains(unit), !ItemVocabulary.perUnitWords.contains(unit), !ItemVocabulary.containerWords.contains(unit) {
                return nil
            }
        }
        // "    x2  @ 3,20 €": the count marked by its sign, opening the line.
        if start > 0, scalars[start - 1] == "x" || scalars[start - 1] == "×", start == 1 || MoneyScanner.isSpace(scalars[start - 2]),
            scalars[..<(start - 1)].allSatisfy({ MoneyScanner.isSpace($0) })
        {
            start -= 1
        }
        guard digitsStart < index, index - digitsStart <= 4, start == 0 || !MoneyScanner.isWordScalar(scalars[start - 1]) else { return nil }
        guard let count = Int(String(scalars: scalars[digitsStart..<index])), count > 0 else { return nil }
        if atSign, !scalars[..<start].allSatisfy({ MoneyScanner.isSpace($0) }) {
            // "Le Grand Meaulnes · 2 ex. à 4,20 €": a count with its own unit word after a separator;
            // "Mince Pies, box of 6      2 @ €9.50": a count in a column of its own;
            // "Earl Grey 100g: 1 @ €8.75": a bare count after the name's colon.
            let counted = !named || ItemVocabulary.countUnitWords.contains(unit) || ItemVocabulary.perUnitWords.contains(unit)
            let column = !named && start >= 2 && MoneyScanner.isSpace(scalars[start - 1]) && MoneyScanner.isSpace(scalars[start - 2])
            let afterColon = !named && start >= 3 && MoneyScanner.isSpace(scalars[start - 1]) && scalars[start - 2] == ":"
                && !MoneyScanner.isSpace(scalars[start - 3])
            guard counted && dashSeparated(scalars, before: start) || column || afterColon else { return nil }
        }
        return (count, start)
    }

    /// "2 x Pizza", "2x Pizza", "2 × Pizza", "2  Burger" (a count column) at the start.
    static func leadingQuantity(_ text: String) -> (Int, String)? {
        let trimmed = stripBullet(text.trimmedSpaces())
        // "[2] Title", "(2) Title".
        if let open = trimmed.first, open == "[" || open == "(", let close = trimmed.firstIndex(of: open == "[" ? "]" : ")"),
            let count = Int(trimmed[trimmed.index(after: trimmed.startIndex)..<close]), (1...9_999).contains(count)
        {
            let rest = trimmed[trimmed.index(after: close)...].trimmedSpaces()
            if rest.unicodeScalars.contains(where: \.properties.isAlphabetic) { return (count, rest) }
        }
        let scalars = Array(trimmed.unicodeScalars)
        // "x2 Hachis parmentier", "×3 Bagel": the sign glued before the count (a lowercase x, so
        // "X5 Pro" stays a name).
        if let first = scalars.first, first == "x" || first == "×" {
            var end = 1
            while end < scalars.count, end <= 2, DecimalText.digitValue(scalars[end]) != nil { end += 1 }
            if end > 1, end < scalars.count, MoneyScanner.isSpace(scalars[end]), let count = Int(String(scalars: scalars[1..<end])),
                (1...99).contains(count)
            {
                // "x250 g": a measure, not a count.
                let rest = String(scalars: scalars[end...]).trimmedSpaces()
                let firstWord = rest.prefix { !$0.isWhitespace }.lowercased()
                if let opening = rest.unicodeScalars.first, opening.properties.isAlphabetic, !MoneyScanner.measureUnits.contains(firstWord) {
                    return (count, rest)
                }
            }
        }
        var index = 0
        while index < scalars.count, DecimalText.digitValue(scalars[index]) != nil { index += 1 }
        // Up to 12 digits are read, so an absurd count rejects the line instead of joining its name.
        guard index > 0, index <= 12, let count = Int(String(scalars: scalars[..<index])) else { return nil }
        var cursor = index
        var spaces = 0
        while cursor < scalars.count, MoneyScanner.isSpace(scalars[cursor]) { cursor += 1; spaces += 1 }
        if cursor < scalars.count, ["x", "X", "×"].contains(scalars[cursor]), cursor + 1 < scalars.count, MoneyScanner.isSpace(scalars[cursor + 1]) {
            cursor += 1
            while cursor < scalars.count, MoneyScanner.isSpace(scalars[cursor]) { cursor += 1 }
        } else if spaces == 1, let (unitEnd, _) = countUnitWord(scalars, from: cursor) {
            // "2 pz Latte fresco", "3 szt. Kubek": the count with its unit word.
            cursor = unitEnd
        } else if spaces == 1, count <= 99, let nameStart = containerOpening(scalars, from: cursor) {
            // "3 botellas de Ultreia 2022", "2 bottles of Claret": the count of containers of the goods named after.
            cursor = nameStart
        } else if spaces < 2 {
            return nil
        }
        let rest = String(scalars: scalars[cursor...])
        guard rest.unicodeScalars.contains(where: \.properties.isAlphabetic) else { return nil }
        return (count, rest)
    }

    /// "2Organic Whole Milk 1L": a count of one or two digits glued to a capitalised name (cells
    /// printed without their spaces); "3D Printer", "4K TV" are names.
    static func gluedLeadingCount(_ text: String) -> (Int, String)? {
        // Most names do not open with a digit: nothing to cut.
        guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }), first.isASCII,
            DecimalText.digitValue(first) != nil
        else { return nil }
        let all = Array(text.trimmedSpaces().unicodeScalars)
        var digits = 0
        while digits < all.count, digits < 3, all[digits].isASCII, DecimalText.digitValue(all[digits]) != nil { digits += 1 }
        guard digits >= 1, digits <= 2, all.count > digits + 1, all[digits].properties.isUppercase, all[digits + 1].properties.isLowercase,
            let count = Int(String(scalars: all[..<digits])), (1...99).contains(count)
        else { return nil }
        return (count, String(scalars: all[digits...]))
    }

    /// A cell of one to three digits alone (a count column's cell): `6`, `12`.
    static func bareCount(_ cell: String) -> Int? {
        let text = cell.trimmedSpaces()
        guard !text.isEmpty, text.utf8.count <= 3, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let count = Int(text), (1...999).contains(count)
        else { return nil }
        return count
    }

    /// A cell that is only a count: `1`, `x2`, `× 3`, `2 x`.
    static func standaloneQuantity(_ cell: String) -> Int? {
        var text = cell.trimmedSpaces()
        for marker in ["x", "X", "×"] {
            if text.hasPrefix(marker) { text = String(text.dropFirst()) }
            if text.hasSuffix(marker) { text = String(text.dropLast()) }
        }
        text = text.trimmedSpaces()
        guard text.count <= 4, let count = Int(text), (1...9_999).contains(count) else { return nil }
        return count
    }

    /// A count with its multiplication sign, alone (`x2`, `× 3`, `2x`); a bare number is none.
    static func markedQuantity(_ text: String) -> Int? {
        let trimmed = text.trimmedSpaces()
        guard let first = trimmed.unicodeScalars.first, let last = trimmed.unicodeScalars.last else { return nil }
        let signs: Set<Unicode.Scalar> = ["x", "X", "×"]
        guard signs.contains(first) || signs.contains(last) else { return nil }
        return standaloneQuantity(trimmed)
    }

    /// A count in brackets ending a name, with a multiplication sign: `(x2 passengers)` (a marked
    /// count, then what it counts) or `(2 adults × 39 €)` (a count, what it counts, then the unit
    /// price). A pack size (`(6 x 0,75 l)`, `(2 pcs)`) is none.
    static func bracketedCount(_ name: String) -> (count: Int, each: MoneyToken?, rest: String)? {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
        let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
        let words = inside.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2, words.count <= 6 else { return nil }
        let rest = name[..<open].trimmedSpaces()
        guard !rest.isEmpty else { return nil }
        func isSign(_ word: String) -> Bool { word == "x" || word == "×" || word == "X" }
        func isWord(_ word: String) -> Bool { word.unicodeScalars.allSatisfy(\.properties.isAlphabetic) }
        // "(x2 passeggeri)": the marked count, then only words.
        if let count = markedQuantity(words[0]), !(Int(words[0]) != nil), words.dropFirst().allSatisfy(isWord) {
            return (count, nil, rest)
        }
        // "(2 adultes × 39 €)": a count, at most two words, the sign, then one amount with its currency.
        guard let count = Int(words[0]), (1...99).contains(count), let sign = words.firstIndex(where: isSign), sign >= 1, sign <= 3,
            words[1..<sign].allSatisfy(isWord)
        else { return nil }
        let priced = MoneyScanner.scan(words[(sign + 1)...].joined(separator: " "))
        guard priced.count == 1, let each = priced.first, !each.isBare, !each.negative else { return nil }
        return (count, each, rest)
    }

    /// `qty: 2`, `quantite : 1`, `menge: 1` in folded text.
    static func labelledQuantity(_ folded: String) -> Int? {
        let words = Words(folded).items
        for (index, word) in words.enumerated() where ItemVocabulary.quantityLabels.contains(word) {
            // "1 szt. × 179,00 zł", "2 pcs 15 €": after a count, a unit word is no label.
            if index > 0, Int(words[index - 1]) != nil, countUnitLabels.contains(word) { continue }
            if index + 1 < words.count, let count = Int(words[index + 1]), (1...9_999).contains(count) { return count }
            // "Quantité commandée : 2", "Quantity ordered: 3": the label and the word saying ordered.
            if index + 2 < words.count, ItemVocabulary.orderedWords.contains(words[index + 1]), let count = Int(words[index + 2]),
                (1...9_999).contains(count)
            {
                return count
            }
            // "Nombre de places : 3", "Number of tickets: 2": a linking word and what is counted between.
            if index + 3 < words.count, linkingWords.contains(words[index + 1]), Int(words[index + 2]) == nil,
                let count = Int(words[index + 3]), (1...99).contains(count)
            {
                return count
            }
        }
        // "Q.té : 3": an abbreviation cut by its dot.
        for index in words.indices.dropLast(2) where words[index] == "q" && ["te", "ta", "ty"].contains(words[index + 1]) {
            if let count = Int(words[index + 2]), (1...9_999).contains(count) { return count }
        }
        return nil
    }

    /// Count labels that are also the unit written after a count (`Szt. 2`, `2 szt.`).
    static let countUnitLabels: Set<String> = ["szt", "pcs", "pieces", "units", "pz", "pezzi", "stuck", "stk", "uds", "unidades", "st"]

    /// The words between a count's label and what it counts (`nombre de places`, `number of tickets`).
    static let linkingWords: Set<String> = ["de", "des", "of", "der", "di", "dei", "degli", "van", "d"]

    /// "Name (2)" → (2, "Name").
    static func trailingBracketQuantity(_ name: String) -> (Int, String)? {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
        var inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
        // "(x1)", "(×2)", "(2x)".
        if let first = inside.first, first == "x" || first == "×" { inside = inside.dropFirst() }
        if let last = inside.last, last == "x" || last == "×" { inside = inside.dropLast() }
        guard inside.count <= 4, let count = Int(inside), (1...9_999).contains(count) else { return nil }
        return (count, name[..<open].trimmedSpaces())
    }

    /// "Charger 65W Sold by: Anker Qty: 2" → "Charger 65W": a name ends where the item's
    /// details start (an attribute or quantity label followed by a colon).
    static func cutAtAttributes(_ name: String) -> String {
        guard name.containsByte(0x3A) else { return name }
        let words = name.spaceSeparatedWords()
        guard words.count > 1 else { return name }
        for index in 1..<words.count {
            let folded = Words(TextFolding.fold(String(words[index]))).items.first ?? ""
            let labelled = words[index].hasSuffix(":") || (index + 1 < words.count && words[index + 1].hasPrefix(":"))
                || (index + 1 < words.count && words[index + 1].hasSuffix(":"))
            guard labelled, ItemVocabulary.attributeLabels.contains(folded) || ItemVocabulary.quantityLabels.contains(folded) else { continue }
            let cut = name[..<words[index].startIndex].trimmedSpaces()
            return cut.isEmpty ? name : cleanName(cut)
        }
        return name
    }

    /// "Blumenerde 40 l · Menge 4", "Il nome della rosa, Umberto Eco (Qtà 1)", "Mug – Qty: 2" → the count
    /// and the name before its label: a count's label and the count close the name.
    static func trailingLabelledCount(_ name: String) -> (Int, String)? {
        var words = name.spaceSeparatedWords()
        guard words.count >= 3, let last = words.last else { return nil }
        let bracketed = last.hasSuffix(")")
        let countText = last.trimmingCharacters(in: CharacterSet(charactersIn: ":)"))
        guard countText.utf8.count <= 4, let count = Int(countText), (1...9_999).contains(count) else { return nil }
        words.removeLast()
        // "Qty : 2": the colon spaced from its label.
        if words.last == ":" { words.removeLast() }
        guard words.count >= 2, let label = words.last, !bracketed || label.hasPrefix("(") else { return nil }
        let folded = Words(TextFolding.fold(String(label))).items
        guard (folded.count == 1 && ItemVocabulary.quantityWords.contains(folded[0]))
            || (folded.count == 2 && ItemVocabulary.quantityPhrases.contains(folded))
        else { return nil }
        let rest = cleanName(String(name[..<label.startIndex]))
        return hasWords(rest) ? (count, rest) : nil
    }

    /// "Linen shirt × 2", "Mug x 3" → (2, "Linen shirt").
    static func trailingTimesQuantity(_ name: String) -> (Int, String)? {
        let scalars = Array(name.unicodeScalars)
        var end = scalars.count
        var start = end
        while start > 0, DecimalText.digitValue(scalars[start - 1]) != nil { start -= 1 }
        guard start < end, end - start <= 4, let count = Int(String(scalars: scalars[start..<end])),
            (1...9_999).contains(count)
        else { return nil }
        end = start
        while end > 0, MoneyScanner.isSpace(scalars[end - 1]) { end -= 1 }
        guard end > 0, ["x", "X", "×"].contains(scalars[end - 1]) else { return nil }
        end -= 1
        guard end > 0, MoneyScanner.isSpace(scalars[end - 1]) else { return nil }
        let rest = String(scalars: scalars[..<end]).trimmedSpaces()
        guard rest.unicodeScalars.contains(where: \.properties.isAlphabetic) else { return nil }
        return (count, rest)
    }

    /// A count written after a name in the name's own cell: glued to its sign (`Pizza
    /// Margherita 2x`), or with a unit word in brackets (`Gyoza (2 St.)`). Without brackets,
    /// `Cotton pads 80 pcs` names a pack: see `trailingBareCount`.
    static func trailingCount(_ name: String) -> (Int, String)? {
        if let found = trailingTimesQuantity(name) { return found }
        var words = name.spaceSeparatedWords()
        guard words.count >= 2, let last = words.last else { return nil }
        var count: Int?
        if last.hasSuffix(")"), let open = name.lastIndex(of: "("), name[open...].utf8.count <= 14 {
            // "(2 pce)", "(1x)": the brackets hold the count alone.
            let inside = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            if let found = countedQuantity(inside) ?? glued(inside) {
                let rest = name[..<open].trimmedSpaces()
                return hasWords(rest) ? (found, rest) : nil
            }
            return nil
        }
        if let found = glued(String(last)) {
            count = found
            words.removeLast()
        }
        guard let count, let first = words.first, let end = words.last?.endIndex else { return nil }
        let rest = String(name[first.startIndex..<end])
        return hasWords(rest) ? (count, rest) : nil
    }

    /// `2x`, `2×`: a count glued to its sign.
    private static func glued(_ word: String) -> Int? {
        guard let sign = word.unicodeScalars.last, sign == "x" || sign == "×" || sign == "X" else { return nil }
        let digits = word.unicodeScalars.dropLast()
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ DecimalText.digitValue($0) != nil }),
            let count = Int(String(String.UnicodeScalarView(digits))), (1...9_999).contains(count)
        else { return nil }
        return count
    }

    /// Whether a name left after its count still names something (three letters at least).
    private static func hasWords(_ text: String) -> Bool {
        text.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3
    }

    /// "Hollow Knight 1", "Toaster 1 pce": a bare count (or one with its unit word) at the end
    /// of a name, `nil` when the name does not end so. It is a count only where the rows around
    /// end so too (a pack's size ends one name, not most of them with `1`).
    static func trailingBareCount(_ name: String) -> (Int, String)? {
        var words = name.spaceSeparatedWords()
        if words.count >= 3, countedQuantity(words.suffix(2).joined(separator: " ")) != nil {
            words.removeLast()
        }
        guard words.count >= 2, let last = words.last, last.utf8.count <= 2, last.allSatisfy(\.isASCII),
            let count = Int(last), (1...99).contains(count), let first = words.first
        else { return nil }
        let rest = String(name[first.startIndex..<words[words.count - 2].endIndex])
        return hasWords(rest) ? (count, rest) : nil
    }

    /// The count on the line under a quantity label alone on its line (`Quantité :` over `2`,
    /// as a definition list renders), `nil` otherwise.
    static func countBelowLabel(_ lines: [TextLine], at index: Int) -> Int? {
        let line = lines[index]
        guard index + 1 < lines.count, !line.hasDigit, line.text.utf8.count <= 40, line.text.hasSuffix(":") else { return nil }
        let words = Words(line.folded)
        guard words.count >= 1, words.count <= 4, let first = words.items.first, ItemVocabulary.quantityLabels.contains(first)
            || words.items.last.map(ItemVocabulary.quantityLabels.contains) == true
        else { return nil }
        return standaloneQuantity(lines[index + 1].text)
    }

    /// "Kaleido tray S, mint / 3 pcs", "La sombra del viento · 2 uds.": a count with its unit word
    /// (or its label) in the last of a name's segments cut by a spaced `/`, `·`, `•` or dash; `nil` when
    /// the name does not end so.
    static func separatedCount(_ name: String) -> (Int, String)? {
        guard let (count, rest) = lastSegmentCount(name) ?? hyphenSegmentCount(name) else { return nil }
        return hasWords(rest) ? (count, rest) : nil
    }

    /// "Krem Soft 200 ml - 1 szt.": a count with its unit word after a spaced hyphen closing the
    /// name (a hyphen alone cuts many names, so only a count's segment with its unit word).
    static func hyphenSegmentCount(_ name: String) -> (Int, String)? {
        guard name.containsBytes(" - "), let cut = name.range(of: " - ", options: .backwards) else { return nil }
        let last = name[cut.upperBound...].trimmedSpaces()
        guard last.utf8.count <= 12, let count = countedQuantity(last) else { return nil }
        return (count, name[..<cut.lowerBound].trimmedSpaces())
    }

    /// The count in the last of a text's segments cut by a spaced `/`, `·`, `•` or dash (`e/o · 2 copie`),
    /// and the segments before it; `nil` when the text does not end so.
    static func lastSegmentCount(_ name: String) -> (Int, String)? {
        // Most names hold none of the separators' bytes (`/`, or the first byte of `·`, `•`, `—`, `–`).
        guard name.utf8.contains(where: { $0 == 0x2F || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        // Where each segment starts and ends in the text, cut at every separator.
        var bounds: [(Range<String.Index>)] = []
        var start = name.startIndex
        while let cut = segmentSeparators.compactMap({ name.range(of: $0, range: start..<name.endIndex) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            bounds.append(start..<cut.lowerBound)
            start = cut.upperBound
        }
        guard !bounds.isEmpty else { return nil }
        bounds.append(start..<name.endIndex)
        func segment(_ range: Range<String.Index>) -> String {
            name[range].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "/·•—–")).trimmedSpaces()
        }
        var segments = bounds.filter { !segment($0).isEmpty }
        // "Art.-Nr. 11020 · 2 Stück · je 24,00 €": a word saying the price is for each closes the line.
        if segments.count >= 3, let last = segments.last, ["je", "each", "a", "per", "pro", "cad"].contains(TextFolding.fold(segment(last))) {
            segments.removeLast()
        }
        guard segments.count >= 2, let lastRange = segments.last else { return nil }
        let last = segment(lastRange)
        guard last.utf8.count <= 16, let count = countedQuantity(last) ?? labelledQuantity(TextFolding.fold(last)) else { return nil }
        // The text before the count's segment, as written (its own separators kept).
        let rest = name[..<segments[segments.count - 2].upperBound].trimmedSpaces()
        return (count, String(rest))
    }

    /// What sets a name's segments apart: a spaced slash, middle dot, bullet, or dash (`Portachiavi
    /// — 2 pz — 28,00 €`).
    static let segmentSeparators = [" / ", " · ", " • ", " — ", " – "]

    /// A count's unit word (`pz`, `szt.`, `pcs`, `Stk.`) starting at `start`, then spaces and a
    /// letter: where the name after it starts, `nil` for any other word.
    static func countUnitWord(_ scalars: [Unicode.Scalar], from start: Int) -> (Int, String)? {
        var end = start
        while end < scalars.count, end - start <= 6, scalars[end].properties.isAlphabetic { end += 1 }
        guard end > start, end - start <= 5 else { return nil }
        let word = TextFolding.fold(String(scalars: scalars[start..<end]))
        guard ItemVocabulary.countUnitWords.contains(word) || ["pcs", "pc", "stk", "szt", "stuck", "pezzi", "ud"].contains(word), word != "u" else { return nil }
        var cursor = end
        if cursor < scalars.count, scalars[cursor] == "." { cursor += 1 }
        guard cursor < scalars.count, MoneyScanner.isSpace(scalars[cursor]) else { return nil }
        while cursor < scalars.count, MoneyScanner.isSpace(scalars[cursor]) { cursor += 1 }
        guard cursor < scalars.count, scalars[cursor].properties.isAlphabetic else { return nil }
        return (cursor, word)
    }

    /// "Kong Classic Dog Toy, LargeQty: 1": a capitalised count's label glued to the name before it
    /// (spans printed without their space), then a colon and the count ending the line: the count
    /// and the name. `nil` for any other line.
    static func gluedQuantityLabel(_ text: String) -> (Int, String)? {
        // Most lines hold no colon: looked for on the bytes first.
        guard text.utf8.contains(0x3A), let colon = text.lastIndex(of: ":"), let count = Int(text[text.index(after: colon)...].trimmedSpaces()),
            (1...999).contains(count)
        else { return nil }
        let head = text[..<colon].trimmedSpaces()
        for label in gluedLabels where head.hasSuffix(label) {
            let name = head.dropLast(label.count)
            guard let before = name.last, before.isLetter || before.isNumber, before.isLowercase || before.isNumber else { continue }
            return hasWords(String(name)) ? (count, String(name)) : nil
        }
        return nil
    }

    /// Count labels as shops capitalise them, in the 7 languages.
    static let gluedLabels: [String] = [
        "Qty", "Quantity", "Qté", "Quantité", "Menge", "Anzahl", "Cantidad", "Quantità", "Qtà", "Aantal", "Ilość", "Szt",
    ]

    /// "- MARNI Borsa in pelle, 1 pz.", "Cocotte en fonte 24 cm - Qté 1", "Miel de châtaignier, pot 500 g —
    /// quantité 2": a count closing an item's line after a separator (a dash, a comma, a middle dot or a
    /// bar), with its unit word, its label or its sign; the name before it. `nil` for any other line.
    static func separatedTrailingCount(_ text: String) -> (count: Int, name: String)? {
        let trimmed = text.trimmedSpaces()
        let bytes = Array(trimmed.utf8)
        guard bytes.count <= 200, bytes.count >= 6 else { return nil }
        // The last separator, found on the bytes (this runs on many lines): " - ", ", ", " | ", " · ",
        // " – ", " — ". What follows it is short and holds a digit.
        var cutStart = -1
        var cutEnd = -1
        var index = bytes.count - 1
        while index >= 1, bytes.count - index <= 24 {
            let byte = bytes[index]
            if byte == 0x20 {
                let previous = bytes[index - 1]
                if previous == 0x2C { cutStart = index - 1; cutEnd = index + 1; break }
                if index >= 2, bytes[index - 2] == 0x20, previous == 0x2D || previous == 0x7C { cutStart = index - 2; cutEnd = index + 1; break }
                if index >= 3, bytes[index - 3] == 0x20, bytes[index - 2] == 0xC2, previous == 0xB7 { cutStart = index - 3; cutEnd = index + 1; break }
                if index >= 4, bytes[index - 4] == 0x20, bytes[index - 3] == 0xE2, bytes[index - 2] == 0x80, previous == 0x93 || previous == 0x94 {
                    cutStart = index - 4
                    cutEnd = index + 1
                    break
                }
            }
            index -= 1
        }
        guard cutStart > 0, bytes[cutEnd...].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let cut = trimmed.utf8.index(trimmed.utf8.startIndex, offsetBy: cutStart)..<trimmed.utf8.index(trimmed.utf8.startIndex, offsetBy: cutEnd)
        let segment = String(trimmed[cut.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        let words = Words(TextFolding.fold(segment)).items
        guard (1...3).contains(words.count) else { return nil }
        let count = countedQuantity(segment) ?? markedQuantity(segment)
            ?? (ItemVocabulary.quantityLabels.contains(words[0]) ? labelledQuantity(TextFolding.fold(segment)) : nil)
        guard let count else { return nil }
        let name = cleanName(String(trimmed[..<cut.lowerBound]))
        guard hasWords(name), !ItemVocabulary.isNonItemName(name), labelValue(name) == nil else { return nil }
        return (count, name)
    }

    /// Whether the next line counts and prices the item named above it (`1 ud x 2,85 €   2,85 €`,
    /// `Artikel 71046, Anzahl 1, Preis 29,90 €`).
    static func countedPriceFollows(_ lines: [TextLine], after index: Int, resolver: CurrencyResolver) -> Bool {
        guard index + 1 < lines.count, !lines[index + 1].amounts.isEmpty else { return false }
        let next = lines[index + 1]
        if labelledQuantity(next.folded) != nil { return true }
        guard let read = read(next, resolver: resolver) else { return false }
        return read.name.isEmpty && read.quantityStated
    }
}

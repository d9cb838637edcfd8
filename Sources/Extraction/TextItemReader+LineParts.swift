import Foundation
import Intl

/// The parts of an item line that `read(_:resolver:)` tells apart: counts at the name's edges or
/// in fields, a unit price's label, a position or reference column before the name.
extension TextItemReader {
    /// "Qté : 1 - Casque vélo, taille M/L - ": a count's label, its count and a dash opening the
    /// text; the count, its field (`Qté: 1`) and the name after the dash.
    static func labelledCountThenDash(_ text: String) -> (count: Int, field: String, name: String)? {
        guard let (label, value) = labelValue(text.trimmedSpaces()), ItemVocabulary.quantityLabels.contains(label.lastWordOrSelf) else { return nil }
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(digits), (1...999).contains(count) else { return nil }
        let after = value.dropFirst(digits.count)
        guard let dash = after.first(where: { $0 != " " }), ["-", "–", "—"].contains(dash), after.hasPrefix(" ") else { return nil }
        let name = after.drop { $0 == " " }.dropFirst().trimmedSpaces()
        guard name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 else { return nil }
        return (count, "\(label): \(count)", name)
    }

    /// A count marked by its sign and a dash after it, nothing else (`x2 — `, `× 3 - `).
    static func dashedCount(_ text: String) -> Int? {
        let trimmed = text.trimmedSpaces()
        guard trimmed.utf8.count <= 12, let last = trimmed.unicodeScalars.last, last == "-" || last == "–" || last == "—" else { return nil }
        return markedQuantity(String(trimmed.unicodeScalars.dropLast()))
    }

    /// Where the label of a unit price written right before it starts, after words naming the item
    /// (`… x2 prezzo cad. 18,90 €`, `… Einzelpreis 4,50 €`, `… prix unitaire 9,90 €`), or `nil`.
    static func unitPriceLabelStart(_ line: TextLine, before end: Int) -> Int? {
        let scalars = line.scalars
        var starts: [Int] = []
        var index = end
        while starts.count < 2 {
            while index > 0, MoneyScanner.isSpace(scalars[index - 1]) || scalars[index - 1] == ":" { index -= 1 }
            if index > 0, scalars[index - 1] == "." { index -= 1 }
            let wordEnd = index
            while index > 0, scalars[index - 1].properties.isAlphabetic { index -= 1 }
            guard index < wordEnd, index == 0 || MoneyScanner.isSpace(scalars[index - 1]) else { break }
            starts.append(index)
        }
        if starts.count == 2, line.wordCount(from: 0, to: starts[1]) > 0 {
            let two = Words(line.foldedSlice(from: starts[1], to: end)).items
            if two.count == 2, ItemVocabulary.unitPhrases.contains(two)
                || ItemVocabulary.priceWords.contains(two[0])
                    && (ItemVocabulary.eachWords.contains(two[1]) || ["unitaire", "unitario", "unitaria", "unit", "jednostkowa"].contains(two[1]))
            {
                return starts[1]
            }
        }
        guard let last = starts.first, line.wordCount(from: 0, to: last) > 0 else { return nil }
        let one = line.foldedSlice(from: last, to: end).trimmed { !$0.properties.isAlphabetic }
        return ItemVocabulary.eachWords.contains(one) || ["einzelpreis", "stuckpreis", "stukprijs"].contains(one) ? last : nil
    }

    /// A cell holding only a count's label and the count, no colon between (`Anzahl 1`, `Qty 2`,
    /// `Cantidad 3`).
    static func bareLabelledCount(_ cell: String) -> Int? {
        guard cell.utf8.count <= 16, !cell.utf8.contains(0x3A), cell.unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }) else {
            return nil
        }
        let words = Words(TextFolding.fold(cell)).items
        guard words.count == 2, ItemVocabulary.quantityWords.contains(words[0]), let count = Int(words[1]), (1...9_999).contains(count) else {
            return nil
        }
        return count
    }

    /// Whether an amount's minus is a dash set apart by spaces after a segment holding the item's
    /// count with its unit word (`Krem 200 ml - 1 szt. - 17,49 zł`, `…, 1 szt.  - 1 049,00 zł`).
    static func isSeparatingDash(_ line: TextLine, _ amount: MoneyToken) -> Bool {
        let scalars = line.scalars
        let start = amount.range.lowerBound
        guard start > 0, start + 1 < scalars.count, ["-", "–", "—"].contains(scalars[start]), MoneyScanner.isSpace(scalars[start + 1]),
            MoneyScanner.isSpace(scalars[start - 1])
        else { return false }
        let before = line.slice(from: 0, to: start).trimmedSpaces()
        let segment = before.components(separatedBy: " - ").last.flatMap { $0.components(separatedBy: ", ").last } ?? before
        return countedQuantity(segment.trimmedSpaces()) != nil
    }

    /// A number of one or two digits closing a text after one space, a word of letters before it
    /// (`Cinnamon bun 4`): the count and the rest; `nil` otherwise (`Band 2`, `Kid Vaaya 2` are the
    /// caller's to tell by the sums or the list).
    static func closingBareCount(_ text: String) -> (Int, String)? {
        let trimmed = text.trimmedSpaces()
        let digits = trimmed.utf8.reversed().prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard (1...2).contains(digits.count), let count = Int(String(decoding: digits.reversed(), as: UTF8.self)), count >= 1 else { return nil }
        let rest = String(decoding: trimmed.utf8.dropLast(digits.count), as: UTF8.self)
        guard rest.hasSuffix(" "), !rest.hasSuffix("  "), let before = rest.unicodeScalars.dropLast().last, before.properties.isAlphabetic || before == ")" else {
            return nil
        }
        let name = rest.trimmedSpaces()
        return name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 ? (count, name) : nil
    }

    /// A number of one or two digits opening a text, a word of letters after one space
    /// (`3 Leche semidesnatada`): the count and the rest; `nil` otherwise.
    static func openingCount(_ text: String) -> (Int, String)? {
        let trimmed = text.trimmedSpaces()
        let digits = trimmed.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard (1...2).contains(digits.count), let count = Int(String(decoding: digits, as: UTF8.self)), count >= 1 else { return nil }
        let rest = String(decoding: trimmed.utf8.dropFirst(digits.count), as: UTF8.self)
        guard rest.hasPrefix(" "), let next = rest.unicodeScalars.dropFirst().first, next.properties.isAlphabetic else { return nil }
        let name = rest.trimmedSpaces()
        return name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 ? (count, name) : nil
    }

    /// The text after a numbered row's position (`3.  Kolumbia …`, `12)  Tea towel …`: one or two digits, a
    /// dot or a bracket, spaces, then a letter); `nil` when the text does not open so. `2.5 kg` has none.
    static func afterPositionMarker(_ text: String) -> String? {
        let trimmed = text.trimmedSpaces()
        let digits = trimmed.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard (1...2).contains(digits.count) else { return nil }
        let rest = trimmed.utf8.dropFirst(digits.count)
        guard let mark = rest.first, mark == 0x2E || mark == 0x29, rest.dropFirst().first == 0x20 else { return nil }
        let after = String(decoding: rest.dropFirst(), as: UTF8.self).trimmedSpaces()
        guard let opening = after.unicodeScalars.first, opening.properties.isAlphabetic else { return nil }
        return after
    }

    /// A count of packs of a measure alone in a cell (`2 x 500 g`, `3 × 1 kg`): the count; `nil` for any other cell.
    static func packCount(_ cell: String) -> Int? {
        guard let (count, rest) = leadingQuantity(cell), let first = rest.unicodeScalars.first, DecimalText.digitValue(first) != nil,
            rest.utf8.count <= 10, MoneyScanner.scan(rest).allSatisfy(\.isBare)
        else { return nil }
        return count
    }

    /// The text after a first column of six digits or more (a reference, too long for a count)
    /// set apart by two spaces or more from words; `nil` when the text does not open so.
    static func afterCodeColumn(_ text: String) -> String? {
        let trimmed = text.trimmedSpaces()
        // "Ref. 69584211  Perceuse…", "Art.-Nr. 78123  Brotkasten Emaille": a labelled reference column.
        if let first = trimmed.unicodeScalars.first, first.properties.isAlphabetic, trimmed.containsBytes("  "), let gap = trimmed.range(of: "  ") {
            let reference = trimmed[..<gap.lowerBound]
            let words = reference.split(separator: " ")
            guard words.count == 2, let label = Words(TextFolding.fold(String(words[0])), maximumCount: 1).items.first,
                referenceFirstWords.contains(label), words[1].unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }),
                !words[1].contains(where: \.isLowercase)
            else { return nil }
            // Not "Réf. 82145563        Quantité : 1     Prix unitaire : 89,90 €": the item's details, no name.
            let after = trimmed[gap.upperBound...].trimmedSpaces()
            guard labelValue(after) == nil, labelledQuantity(TextFolding.fold(after)) == nil else { return nil }
            return after.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 ? after : nil
        }
        let digits = trimmed.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard digits.count >= 6, digits.count <= 20 else { return nil }
        let rest = trimmed.utf8.dropFirst(digits.count)
        guard rest.starts(with: [0x20, 0x20]) || rest.first == 0x09 else { return nil }
        let after = String(decoding: rest, as: UTF8.self).trimmedSpaces()
        return after.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 ? after : nil
    }

    /// A line opening with its only amount, a name after it (`£9.50 1 × Chicken Tikka Masala`,
    /// `22,00 EUR  Le Mage du Kremlin (x1)`), written name first: the price column comes first in
    /// some shops' tables. `nil` for any other line.
    static func priceFirstRotated(_ line: TextLine, _ amount: MoneyToken) -> TextLine? {
        guard !amount.isBare, line.slice(from: 0, to: amount.range.lowerBound).unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "-" || $0 == "•" }) else {
            return nil
        }
        let rest = line.slice(from: amount.range.upperBound, to: line.scalars.count).trimmedSpaces()
        guard rest.unicodeScalars.lazy.filter(\.properties.isAlphabetic).count >= 6, rest.contains(" ") else { return nil }
        return TextLine(rest + "    " + line.slice(from: amount.range.lowerBound, to: amount.range.upperBound))
    }

    /// The name before a count's label followed by its count (`Kit Roland TD-07KV Q.tà 1 €` →
    /// `Kit Roland TD-07KV`), `nil` when no such label follows the name's first word.
    static func nameBeforeQuantityLabel(_ name: String) -> String? {
        let words = name.spaceSeparatedWords()
        guard words.count >= 3 else { return nil }
        for index in 1..<(words.count - 1) {
            let label = Words(TextFolding.fold(String(words[index]))).items
            let isLabel = (label.count == 1 && ItemVocabulary.quantityWords.contains(label[0]))
                || (label.count == 2 && ItemVocabulary.quantityPhrases.contains(label))
            guard isLabel, Int(words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: ":"))) != nil else { continue }
            let cut = cleanName(String(name[..<words[index].startIndex]))
            return hasWordsBeforeLabel(cut) ? cut : nil
        }
        return nil
    }

    private static func hasWordsBeforeLabel(_ text: String) -> Bool {
        text.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3
    }
}

import Intl

/// Lines that hold an item's price apart from its name: one price alone, a struck-out or former
/// price, a price before a rate, a price said to be each one's.
extension TextItemReader {
    /// The amount of a line that holds nothing but one price (`12,90 €`, `- $18.98`).
    static func lonePrice(_ line: TextLine) -> MoneyToken? {
        guard line.hasDigit, line.amounts.count == 1, let token = line.amounts.first, !token.negative, line.bracketedAmounts.isEmpty else {
            return nil
        }
        let outside = line.scalars[..<token.range.lowerBound] + line.scalars[token.range.upperBound...]
        return outside.contains(where: MoneyScanner.isWordScalar) ? nil : token
    }

    /// The lines with a count's label followed by the count and the price read as one number
    /// (`Vendu par Cdiscount · Qté : 1 219,99 €` is one at 219,99 €, not 1 219,99 €) set apart.
    static func withLabelledCountsApart(_ lines: [TextLine]) -> [TextLine] {
        var result: [TextLine]?
        for (index, line) in lines.enumerated() where line.hasDigit && line.text.containsByte(0x3A) {
            guard let token = line.amounts.first, !token.isBare,
                let space = line.scalars[token.range].firstIndex(where: MoneyScanner.isSpace),
                space - token.range.lowerBound <= 3, line.scalars[token.range.lowerBound..<space].allSatisfy({ DecimalText.digitValue($0) != nil }),
                let colon = line.scalars[..<token.range.lowerBound].lastIndex(of: ":"),
                line.slice(from: colon + 1, to: token.range.lowerBound).isEmpty,
                let label = Words(line.foldedSlice(from: 0, to: colon)).items.last, ItemVocabulary.quantityLabels.contains(label)
            else { continue }
            var scalars = line.scalars
            scalars.insert(" ", at: space)
            if result == nil { result = lines }
            result?[index] = TextLine(String(String.UnicodeScalarView(scalars)), startsParagraph: line.startsParagraph)
        }
        return result ?? lines
    }

    /// The lines with a name's struck-out price cut off: a name ending with a word for a former price
    /// and that price (`Weekday Rio wide leg jeans - WAS £60.00`, `Wollmantel statt 129,00 €`, `Robe
    /// lin au lieu de 89,00 €`, `Giacca prima 120,00 €`), over the lower price paid alone on the next
    /// line, is the name alone; the price under it closes the item. Other lines are kept as they are.
    static func withoutFormerPrices(_ lines: [TextLine]) -> [TextLine] {
        var result: [TextLine]?
        for index in lines.indices.dropLast() {
            let line = lines[index]
            guard line.hasDigit, line.amounts.count == 1, let old = line.amounts.first, !old.isBare, !old.negative,
                line.slice(from: old.range.upperBound, to: line.scalars.count).trimmedSpaces().isEmpty,
                let paid = lonePrice(lines[index + 1]), let a = old.number.minorUnits(digits: 3),
                let b = paid.number.minorUnits(digits: 3), b < a
            else { continue }
            var words = line.slice(from: 0, to: old.range.lowerBound).spaceSeparatedWords()
            let folded = words.suffix(3).map { TextFolding.fold(String($0)) }
            guard let marker = formerPriceMarkers.first(where: { words.count > $0.count && folded.suffix($0.count).elementsEqual($0) }) else { continue }
            words.removeLast(marker.count)
            let name = cleanName(words.joined(separator: " "))
            guard name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 else { continue }
            if result == nil { result = lines }
            result?[index] = TextLine(name, startsParagraph: line.startsParagraph)
        }
        return result ?? lines
    }

    /// Words before a former price (folded), in the 7 languages.
    static let formerPriceMarkers: [[String]] = [
        ["was"], ["previously"], ["rrp"], ["statt"], ["anstatt"], ["uvp"], ["avant"], ["au", "lieu", "de"], ["prima"], ["invece", "di"],
        ["antes"], ["en", "lugar", "de"], ["voorheen"], ["zamiast"], ["przed", "obnizka"], ["poprzednio"],
    ]

    /// The line's price before its price per unit or measure, nothing else on the line
    /// (`19,90 € 9,95 € / unité`, `8,40 € 24,00 €/kg`) under an item's name and count; `nil` otherwise.
    static func priceBeforeRate(_ line: TextLine) -> MoneyToken? {
        guard line.amounts.count == 2, line.bracketedAmounts.isEmpty, !line.amounts.contains(where: \.negative) else { return nil }
        let (first, rate) = (line.amounts[0], line.amounts[1])
        guard !first.isBare, !isPerMeasure(line, first), isPerMeasure(line, rate) else { return nil }
        let before = line.scalars[..<first.range.lowerBound] + line.scalars[first.range.upperBound..<rate.range.lowerBound]
        return before.contains(where: MoneyScanner.isWordScalar) ? nil : first
    }

    /// The price paid on a line of two prices alone, a struck-out one then a lower one
    /// (`14,99 € 11,99 €` under an item's name and count); `nil` for any other line.
    static func struckOutPrice(_ line: TextLine) -> MoneyToken? {
        guard line.hasDigit, line.amounts.count == 2, line.bracketedAmounts.isEmpty else { return nil }
        let (old, paid) = (line.amounts[0], line.amounts[1])
        guard !old.negative, !paid.negative, !old.isBare, !paid.isBare, old.sign == paid.sign,
            let a = old.number.minorUnits(digits: 3), let b = paid.number.minorUnits(digits: 3), b < a,
            !(line.scalars[..<old.range.lowerBound] + line.scalars[old.range.upperBound..<paid.range.lowerBound] + line.scalars[paid.range.upperBound...])
                .contains(where: MoneyScanner.isWordScalar)
        else { return nil }
        return paid
    }

    /// The amount of a line holding one price and a word saying it is for each unit (`$34.00 each`,
    /// `14,99 € / unité`, `je 9,90 €`).
    static func eachPrice(_ line: TextLine) -> MoneyToken? {
        guard line.hasDigit, line.amounts.count == 1, let token = line.amounts.first, !token.negative, line.bracketedAmounts.isEmpty else {
            return nil
        }
        let outside = String(String.UnicodeScalarView(line.scalars[..<token.range.lowerBound] + line.scalars[token.range.upperBound...]))
        let words = Words(TextFolding.fold(outside)).items
        guard words.count == 1 || (words.count == 2 && ItemVocabulary.perUnitWords.contains(words[1])) else { return nil }
        return ItemVocabulary.eachWords.contains(words[0]) || ItemVocabulary.perUnitWords.contains(words[0]) ? token : nil
    }
}

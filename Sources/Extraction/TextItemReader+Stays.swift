import Foundation
import Intl

/// A stay priced by the night in plain text: `€118.00 x 3 nights   €354.00`, `95,00 € x 3 nuits 285,00 €`.
extension TextItemReader {
    /// The stay a nightly rate's line prices (`€118.00 x 3 nights   €354.00`): its nights as the
    /// count, the rate as the unit price, the line's total; named by the lines above it
    /// (`stayName`). `nil` for any other line.
    static func nightlyRate(_ lines: [TextLine], at index: Int, resolver: CurrencyResolver) -> ItemCandidate? {
        let line = lines[index]
        guard (1...2).contains(line.amounts.count), let rate = line.amounts.first, !rate.isBare, !rate.negative,
            line.slice(from: 0, to: rate.range.lowerBound).unicodeScalars.allSatisfy({ $0.properties.isWhitespace })
        else { return nil }
        let end = line.amounts.count == 2 ? line.amounts[1].range.lowerBound : line.scalars.count
        let words = Words(line.foldedSlice(from: rate.range.upperBound, to: end)).items
        guard words.count == 3, words[0] == "x", let nights = Int(words[1]), (1...365).contains(nights),
            HTMLTableReader.nightWords.contains(words[2]), let name = stayName(lines, before: index, nights: nights)
        else { return nil }
        var item = ItemCandidate(name: name, quantity: nights, unitPrice: OrderSummary.amount(rate, resolver: resolver))
        if line.amounts.count == 2 { item.lineTotal = OrderSummary.amount(line.amounts[1], resolver: resolver) }
        item.quantityStated = true
        return item
    }

    /// The stay's name above its nightly rate: the line counting the same nights (`Entire rental
    /// unit · 3 nights`) names it by the title right over it (`Lisbon · Bright loft in Alfama`), or,
    /// under a field or a heading, by its own part before the nights (`Studio vue lac · 3 nuits · …`).
    static func stayName(_ lines: [TextLine], before index: Int, nights: Int) -> String? {
        for above in stride(from: index - 1, through: max(0, index - 8), by: -1) {
            let parts = lines[above].text.components(separatedBy: " · ").map { $0.trimmedSpaces() }
            guard let position = parts.firstIndex(where: { part in
                let words = Words(TextFolding.fold(part)).items
                return words.count == 2 && Int(words[0]) == nights && HTMLTableReader.nightWords.contains(words[1])
            }) else { continue }
            if above > 0 {
                let title = lines[above - 1]
                if title.amounts.isEmpty, !title.text.trimmedSpaces().isEmpty, labelValue(title.text) == nil, !title.text.contains(":"),
                    PendingName(title) != nil
                {
                    return cleanName(title.text)
                }
            }
            guard position > 0 else { return nil }
            let name = cleanName(parts[position - 1])
            return name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 ? name : nil
        }
        return nil
    }
}

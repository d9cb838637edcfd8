import Intl

/// Rows without a header read cell by cell: a parcel's unpriced row, a price cell, a product's
/// card (name, details and price in one cell).
extension HTMLTableReader {
    /// A parcel's row without a price: a name cell (its first line; variant lines under it) and
    /// a count cell (`Qté 2`, `x1`, `2`). A field's row (`Number of packages | 1`) is none.
    static func unpricedItem(name nameCell: Cell, count countCell: Cell) -> ItemCandidate? {
        guard countCell.lines.count == 1, let rawName = nameCell.lines.first, MoneyScanner.scan(rawName).allSatisfy(\.isBare) else { return nil }
        let countText = countCell.flat
        let folded = TextFolding.fold(countText)
        guard let count = TextItemReader.standaloneQuantity(countText)
            ?? (Words(folded).count <= 3 ? TextItemReader.labelledQuantity(folded) : nil)
        else { return nil }
        let name = TextItemReader.cleanName(rawName)
        let words = Words(TextFolding.fold(name))
        // No amount, so no summary row: only a summary word first says the row is none (`Tageslinsen Total 1` is goods).
        guard let first = words.items.first, name.count <= 200, !rawName.hasSuffix(":"),
            TextItemReader.labelValue(rawName) == nil || TextItemReader.isTitleWithColon(rawName),
            !ItemVocabulary.isNonItemName(name), SummaryLabel.kind(ofFolded: first) == nil, !TextItemReader.fieldWords.contains(first),
            !ItemVocabulary.quantityLabels.contains(first), words.count > 3 || !words.containsAny(TextItemReader.parcelWords)
        else { return nil }
        return ItemCandidate(name: name, quantity: count)
    }

    /// A parcel's card beside its picture: a name line counted at its end by a times sign (`Taie
    /// d'oreiller 65x65 × 2`), variant lines under it, no price. `nil` for any other cell.
    static func countedNameCard(_ cell: Cell) -> ItemCandidate? {
        guard let first = cell.lines.first, cell.lines.count <= 3, MoneyScanner.scan(cell.flat).allSatisfy(\.isBare),
            first.unicodeScalars.contains(where: { $0 == "×" || $0 == "x" }),
            let (count, rest) = TextItemReader.trailingTimesQuantity(first.trimmedSpaces())
        else { return nil }
        let name = TextItemReader.cleanName(rest)
        guard name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3, !ItemVocabulary.isNonItemName(name),
            !TextItemReader.isChargeName(name, counted: true), TextItemReader.labelValue(name) == nil
        else { return nil }
        var item = ItemCandidate(name: name, quantity: count)
        item.quantityStated = true
        return item
    }

    /// A row of one short cell that is only a count with its unit word or label (`2 unidades`,
    /// `Qty: 3`, `x2`), `nil` for any other row.
    static func countRow(_ row: [Cell]) -> Int? {
        let filled = row.filter { !$0.lines.isEmpty }
        guard filled.count == 1, !filled[0].hasTable, filled[0].lines.count == 1, filled[0].flat.utf8.count <= 24,
            MoneyScanner.scan(filled[0].flat).allSatisfy(\.isBare)
        else { return nil }
        let text = filled[0].flat
        if let count = TextItemReader.countedQuantity(text) { return count }
        let folded = TextFolding.fold(text)
        guard Words(folded).count <= 3 else { return nil }
        return TextItemReader.labelledQuantity(folded) ?? TextItemReader.markedQuantity(text)
    }

    /// The name a row of one short cell gives the count and price row under it: one line with
    /// letters, no amount, no summary's, list heading's or field's words; `nil` for any other row.
    static func titleRow(_ row: [Cell]) -> String? {
        let filled = row.filter { !$0.lines.isEmpty }
        guard filled.count == 1, !filled[0].hasTable, !filled[0].wrapped, filled[0].lines.count == 1, let text = filled[0].lines.first,
            text.utf8.count <= 200, MoneyScanner.scan(text).allSatisfy(\.isBare), !text.hasSuffix(":")
        else { return nil }
        let name = TextItemReader.cleanName(text)
        let folded = TextFolding.fold(name)
        guard name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3, SummaryLabel.kind(ofFolded: folded) == nil,
            !ItemVocabulary.isNonItemName(folded: folded, text: name), !ItemVocabulary.isListHeading(Words(folded).items),
            !ItemRegions.isRecommendationHeading(folded: folded), TextItemReader.labelValue(name) == nil
        else { return nil }
        return name
    }

    /// A row of a count alone in its cell (`Qté 1`, `x2`, `3 pcs`, `2`) and a price cell: the count
    /// and the price of the item named in the row above. `nil` for any other row.
    static func countPriceRow(_ row: [Cell]) -> (Int, MoneyToken)? {
        var filled = row.filter { !$0.lines.isEmpty }
        // "Art.-Nr. 71234 | Anzahl 3 | je 19,90 €": the article number's cell before the count's.
        if filled.count == 3, filled[0].lines.count == 1, TextItemReader.isReferenceLine(filled[0].flat) { filled.removeFirst() }
        // "Vendu par Cdiscount · Qté : 1": a seller's segment beside the count makes a longer cell.
        guard filled.count == 2, !row.contains(where: { $0.hasTable || $0.wrapped }), filled[0].lines.count == 1,
            filled[0].flat.utf8.count <= 60, MoneyScanner.scan(filled[0].flat).allSatisfy(\.isBare),
            filled[1].lines.count == 1, isPriceCell(filled[1])
        else { return nil }
        let text = filled[0].flat
        let folded = TextFolding.fold(text)
        let short = text.utf8.count <= 24
        guard let count = short ? TextItemReader.standaloneQuantity(text) ?? TextItemReader.countedQuantity(text)
            ?? (Words(folded).count <= 3 ? TextItemReader.labelledQuantity(folded) : nil) ?? segmentCount(folded) : segmentCount(folded)
        else { return nil }
        // "<s>299,99 €</s> 219,99 €": a struck-out price before the one paid.
        let tokens = MoneyScanner.scan(filled[1].flat).filter { !$0.isBare }
        guard let token = tokens.last, !token.negative, tokens.count == 1 || (tokens.count == 2 && isLower(token, than: tokens[0])) else { return nil }
        return (count, token)
    }

    /// "env. 400 g · Qté 1", "Größe M | Menge: 2": the labelled count in one of a cell's
    /// segments set apart by a middle dot or a bar (a weight or a variant beside it).
    static func segmentCount(_ text: String) -> Int? {
        guard text.contains("·") || text.contains("|") else { return nil }
        for segment in text.split(whereSeparator: { $0 == "·" || $0 == "|" }) {
            let part = TextFolding.fold(String(segment))
            if Words(part).count <= 3, let count = TextItemReader.labelledQuantity(part) { return count }
        }
        return nil
    }

    /// A row of a count against a unit price (`2 x £34.50`) and a price cell that it makes
    /// (`£69.00`): the count, the unit price and the line's total; `nil` for any other row.
    /// The count may be a labelled segment of its own (`Quantità 3 · prezzo unitario 32,50 € | 97,50 €`).
    static func countEachTotalRow(_ row: [Cell]) -> (Int, MoneyToken, MoneyToken)? {
        let filled = row.filter { !$0.lines.isEmpty }
        guard filled.count == 2, !row.contains(where: { $0.hasTable || $0.wrapped }), filled[0].lines.count == 1,
            filled[1].lines.count == 1, filled[0].flat.utf8.count <= 48
        else { return nil }
        let scalars = Array(filled[0].flat.unicodeScalars)
        let eachTokens = MoneyScanner.scan(scalars).filter { !$0.isBare }
        let totalTokens = MoneyScanner.scan(filled[1].flat).filter { !$0.isBare }
        // "2 pz. × <s>€ 21,90</s> € 17,52 (-20%)": a struck-out unit price before the one paid, a note on it after.
        guard let each = eachTokens.last, let opening = eachTokens.first, eachTokens.count == 1 || (eachTokens.count == 2 && isLower(each, than: opening)),
            totalTokens.count == 1, let total = totalTokens.first, !each.negative, !total.negative,
            isBracketedNoteOrNothing(String(scalars: scalars[each.range.upperBound...])),
            let count = countBefore(opening, in: scalars) ?? (eachTokens.count == 1 ? segmentCount(TextFolding.fold(filled[0].flat)) : nil),
            let a = each.number.minorUnits(digits: 3), let b = total.number.minorUnits(digits: 3), a * Int64(count) == b
        else { return nil }
        return (count, each, total)
    }

    /// "2 x " opening a cell, right before its unit price.
    private static func countBefore(_ price: MoneyToken, in scalars: [Unicode.Scalar]) -> Int? {
        guard let (count, start) = TextItemReader.quantityBefore(Array(scalars[..<price.range.lowerBound])),
            scalars[..<start].allSatisfy({ MoneyScanner.isSpace($0) })
        else { return nil }
        return count
    }

    /// Whether an amount is lower than another (a price paid after a struck-out one).
    static func isLower(_ token: MoneyToken, than other: MoneyToken) -> Bool {
        guard let a = token.number.minorUnits(digits: 3), let b = other.number.minorUnits(digits: 3) else { return false }
        return a < b
    }

    /// Nothing but spaces, or a short note in brackets (`(-20%)`).
    static func isBracketedNoteOrNothing(_ text: String) -> Bool {
        let trimmed = text.trimmedSpaces()
        return trimmed.isEmpty || (trimmed.utf8.count <= 16 && trimmed.hasPrefix("(") && trimmed.hasSuffix(")"))
    }

    /// A row of one short cell holding a count and the price of one unit (`Quantità 2 · 10,35 € cad.`,
    /// `Qty 3 × £4.50`, `2 x 12,90 €`): the count and that price; `nil` for any other row.
    static func countEachRow(_ row: [Cell]) -> (Int, MoneyToken)? {
        let filled = row.filter { !$0.lines.isEmpty }
        guard filled.count == 1, !filled[0].hasTable, !filled[0].wrapped, filled[0].lines.count == 1 else { return nil }
        return countEachLine(filled[0].flat)
    }

    /// A short line holding a count and the price of one unit (`2 x 12,90 €`, `Qty 3 × £4.50`,
    /// `Quantità 2 · 10,35 € cad.`): the count and that price; `nil` for any other line.
    static func countEachLine(_ text: String) -> (Int, MoneyToken)? {
        guard text.utf8.count <= 60 else { return nil }
        let scalars = Array(text.unicodeScalars)
        let tokens = MoneyScanner.scan(scalars).filter { !$0.isBare }
        guard tokens.count == 1, let token = tokens.first, !token.negative else { return nil }
        let before = Array(scalars[..<token.range.lowerBound])
        let beforeWords = Words(TextFolding.fold(String(scalars: before)))
        let afterWords = Words(TextFolding.fold(String(scalars: scalars[token.range.upperBound...])))
        guard beforeWords.count <= 4, afterWords.count <= 2 else { return nil }
        // "2 x 12,90 €": the count against the price says it is the unit's.
        if let (count, _) = TextItemReader.quantityBefore(before), afterWords.isEmpty { return (count, token) }
        guard let count = TextItemReader.labelledQuantity(beforeWords.items.joined(separator: " ")) else { return nil }
        let perUnit = ItemVocabulary.perUnitWords.union(ItemVocabulary.eachWords)
        let saysEach = (!afterWords.isEmpty && afterWords.items.allSatisfy { perUnit.contains($0) || $0 == "l" })
            || beforeWords.items.last.map(ItemVocabulary.eachWords.contains) == true
        return saysEach ? (count, token) : nil
    }

    /// An item given its count and unit price from the row under it: its price is the line's
    /// when the count times the unit price makes it.
    static func counted(_ item: ItemCandidate, count: Int, each: Amount) -> ItemCandidate {
        var result = item
        result.quantity = count
        result.quantityStated = true
        guard let price = item.price, let currency = price.currency ?? each.currency,
            let line = price.minorUnits(in: currency), let unit = each.minorUnits(in: currency)
        else { return result }
        if abs(unit * Int64(count) - line) <= 1 {
            result.unitPrice = each
            result.lineTotal = price
            result.price = nil
        } else if unit == line {
            result.unitPrice = each
            result.price = nil
        }
        return result
    }

    /// A cell holding an amount with a sign and at most two words besides (`11,99 € l'unité`).
    static func isPriceCell(_ cell: Cell) -> Bool {
        let scalars = Array(cell.text.unicodeScalars)
        let tokens = MoneyScanner.scan(scalars).filter { !$0.isBare }
        guard !tokens.isEmpty else { return false }
        guard cell.text.utf8.count > 24 else { return true }
        var rest = 0
        var start = 0
        for token in tokens {
            rest += Words(TextFolding.fold(String(scalars: scalars[start..<token.range.lowerBound]))).count
            start = token.range.upperBound
        }
        rest += Words(TextFolding.fold(String(scalars: scalars[start...]))).count
        return rest <= 2
    }

    /// A cell whose every amount is a price per measure (`0,420 kg à 39,00 €/kg`, `2,49 € / L`).
    static func isRateCell(_ cell: Cell) -> Bool {
        guard cell.text.utf8.contains(0x2F) else { return false }
        let line = TextLine(cell.text)
        let tokens = line.amounts.filter { !$0.isBare }
        return !tokens.isEmpty && tokens.allSatisfy { TextItemReader.isPerMeasure(line, $0) }
    }

    /// A cell that is a product's card: a name line without an amount, then a line of its price alone.
    static func isProductCard(_ cell: Cell) -> Bool {
        guard cell.lines.count >= 2, cell.lines.count <= 6, let first = cell.lines.first, MoneyScanner.scan(first).isEmpty,
            first.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3
        else { return false }
        return cell.lines.dropFirst().contains { line in
            TextItemReader.lonePrice(TextLine(line)).map { !$0.isBare } ?? false
        }
    }

    /// One cell holding a product's lines: its name first, its price on a later line
    /// (`Anker Charger 65W` / `Sold by: Anker` / `Qty: 2` / `$35.99`).
    static func blockItem(_ cell: Cell, resolver: CurrencyResolver) -> ItemCandidate? {
        let lines = cell.lines
        guard lines.count >= 2, lines.count <= 6 else { return nil }
        let first = lines[TextItemReader.nameLineIndex(lines)]
        guard MoneyScanner.scan(first).allSatisfy(\.isBare) else { return nil }
        let name = TextItemReader.cleanName(first)
        guard name.count <= 200, !first.hasSuffix(":"),
            TextItemReader.labelValue(first) == nil || TextItemReader.isRoute(first) || TextItemReader.isTitleWithColon(first),
            !ItemVocabulary.isNonItemName(name), SummaryLabel.kind(of: name) == nil
        else { return nil }
        let priced = lines.dropFirst().compactMap { line -> (String, MoneyToken)? in
            let tokens = MoneyScanner.scan(line).filter { !$0.isBare }
            return tokens.count == 1 || tokens.count == 2 ? (line, tokens[tokens.count - 1]) : nil
        }
        // A parcel's content without prices: the name and its labelled quantity (`Quantité: 2`).
        if priced.isEmpty, let count = lines.dropFirst().lazy.compactMap(countLine).first {
            return ItemCandidate(name: name, quantity: count)
        }
        guard priced.count == 1, let (priceLine, token) = priced.first, !token.negative else { return nil }
        // The price line carries only the price (and maybe a label such as "Price:").
        let label = Words(TextFolding.fold(String(priceLine.unicodeScalars.prefix(token.range.lowerBound))))
        guard label.count <= 2, SummaryLabel.kind(ofFolded: label.items.joined(separator: " ")) == nil else { return nil }
        var candidate = ItemCandidate(name: name, quantity: 1)
        candidate.quantity = lines.dropFirst().lazy.compactMap(countLine).first ?? 1
        candidate.price = OrderSummary.amount(token, resolver: resolver)
        // "3 x 8,99 €": the count written against the unit price.
        if let (count, _) = TextItemReader.quantityBefore(Array(priceLine.unicodeScalars.prefix(token.range.lowerBound))) {
            candidate.quantity = count
            candidate.unitPrice = candidate.price
            candidate.price = nil
            candidate.quantityStated = true
        }
        return candidate
    }
}

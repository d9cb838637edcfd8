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

import HTML
import Intl

/// Item tables without a header row: a name and its amounts on a row, or a title row over a row of
/// counts and prices, detail rows between them.
extension HTMLTableReader {
    /// "2/2", "1 / 3" in a quantity column: the count delivered or picked out of the count ordered
    /// (a grocer's receipt), the first when it is not more than the second; `nil` for any other text.
    static func deliveredCount(_ text: String) -> Int? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { $0.trimmedSpaces() }
        guard parts.count == 2, parts.allSatisfy({ (1...3).contains($0.utf8.count) && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let delivered = Int(parts[0]), let ordered = Int(parts[1]), delivered >= 1, delivered <= ordered
        else { return nil }
        return delivered
    }

    /// A row of counts and prices that names no item, under the title row that does: "Daft Punk -
    /// Discovery" over "Qté 1 | 34,99 €" (a count and a price), "Wildflower Gin 70cl" over
    /// "2 x £34.50 | £69.00" (the count against the unit price, then the line's total).
    static func itemNamedAbove(_ row: [Cell], above: [Cell], resolver: CurrencyResolver) -> ItemCandidate? {
        var item: ItemCandidate
        if let (count, token) = countPriceRow(row) {
            item = ItemCandidate(name: "", quantity: count, price: OrderSummary.amount(token, resolver: resolver))
        } else if let (count, each, total) = countEachTotalRow(row) {
            item = ItemCandidate(name: "", quantity: count)
            item.unitPrice = OrderSummary.amount(each, resolver: resolver)
            item.lineTotal = OrderSummary.amount(total, resolver: resolver)
        } else {
            return nil
        }
        guard let title = titleRow(above) else { return nil }
        item.name = title
        item.quantityStated = true
        item.namedAbove = true
        // "1 x Superior Double Room" over "2 nights x € 112 | € 224": the room counted in its title is the
        // item; the nights under it make its price for the stay, no count.
        if let (count, rest) = TextItemReader.timesPrefix(title), let first = row.first(where: { !$0.lines.isEmpty }),
            countsNights(first.text), let total = item.lineTotal ?? item.price
        {
            item.name = TextItemReader.cleanName(rest)
            item.quantity = count
            item.lineTotal = total
            item.unitPrice = count == 1 ? total : nil
            item.price = nil
        }
        return item
    }

    /// Whether a cell opens with a count of nights (`2 nights x € 112`, `3 nuits x 89 €`, `2 Nächte à 95 €`).
    static func countsNights(_ text: String) -> Bool {
        let words = Words(TextFolding.fold(text)).items
        guard words.count >= 2, Int(words[0]) != nil else { return false }
        return nightWords.contains(words[1])
    }

    /// Nights, in the 7 languages.
    static let nightWords: Set<String> = [
        "night", "nights", "nuit", "nuits", "nacht", "nachte", "noche", "noches", "notte", "notti", "nachten", "noc", "noce", "nocy",
    ]

    /// A row of one short cell that is an item's detail: a variant (`Negro · M`, `Khaki / 32x32`), a
    /// reference (`Ref. 2010/210`), an attribute (`Taille : 38`), or a reference then its variant
    /// (`Ref. 2010/210 · NEGRO · M`).
    static func isDetailRow(_ row: [Cell]) -> Bool {
        let filled = row.filter { !$0.lines.isEmpty }
        guard filled.count == 1, !filled[0].hasTable, filled[0].lines.count == 1, let text = filled[0].lines.first, text.utf8.count <= 80 else {
            return false
        }
        if TextItemReader.isVariantLine(text) || TextItemReader.isDetailName(text) { return true }
        // Split only a text holding a separator (`·` as U+00B7 or its canonical twin U+0387, or `|`).
        guard text.containsByte(0x7C) || text.containsBytes("\u{B7}") || text.containsBytes("\u{387}") else { return false }
        let segments = text.split(whereSeparator: { $0 == "·" || $0 == "|" })
        return segments.count >= 2 && TextItemReader.isReferenceLine(segments[0].trimmedSpaces())
    }

    /// The first run of consecutive rows of a name cell and one amount cell (`Forfait … | 29,99 €`):
    /// it ends at the first row that is no item, and the rows after it are not read.
    static func headerlessItems(_ rows: [[Cell]], resolver: CurrencyResolver) -> [ItemCandidate] {
        var items: [ItemCandidate] = []
        // The row of the last item read, while only its detail rows follow it.
        var lastItemRow = -1
        // The row above, past spacers (`Daft Punk - Discovery (2LP)` over `Qté 1 | 34,99 €`), and the one
        // above it.
        var rowAbove: [Cell]?
        var rowOverAbove: [Cell]?
        for (index, row) in rows.enumerated() {
            // A spacer or divider row between two items does not end the run.
            if row.allSatisfy({ $0.lines.isEmpty && !$0.hasTable }) { continue }
            // "ABRIGO LANA" over "Ref. 2010/210 · NEGRO · M" over "1 unidad | 69,95 EUR": the title is the row
            // above the reference or variant row.
            let above = rowAbove.flatMap { isDetailRow($0) ? rowOverAbove : $0 }
            (rowOverAbove, rowAbove) = (rowAbove, row)
            if let above, let item = itemNamedAbove(row, above: above, resolver: resolver) {
                items.append(item)
                lastItemRow = index
                if items.count >= maximumItems { break }
                continue
            }
            // "Crema mani | 20,70 €" over "Quantità 2 · 10,35 € cad.": the count and the unit price under
            // the item's row; its price is then the line's.
            if let last = items.indices.last, lastItemRow >= 0, index - lastItemRow <= 3, !items[last].quantityStated,
                let (count, each) = countEachRow(row)
            {
                items[last] = counted(items[last], count: count, each: OrderSummary.amount(each, resolver: resolver))
                lastItemRow = -1
                continue
            }
            // "Camiseta básica | 25,90 EUR" over "Blanco · M" and "2 unidades": a count on a row of its
            // own among the item's detail rows is the item's (its price then the line's, as the sums say).
            if let last = items.indices.last, lastItemRow >= 0, index - lastItemRow <= 3, !items[last].quantityStated,
                let count = countRow(row)
            {
                items[last].quantity = count
                items[last].quantityStated = true
                lastItemRow = -1
                continue
            }
            if let cards = cardItems(row, resolver: resolver) {
                items += cards
                if items.count >= maximumItems { break }
                continue
            }
            if var item = headerlessItem(row, resolver: resolver) {
                // "1x Apple MacBook Air 13"" over "Mitternacht | CHF 1'349.00": a counted title over its variant and price.
                if !item.quantityStated, let above, let title = titleRow(above), let (count, name) = TextItemReader.timesPrefix(title),
                    item.name.spaceSeparatedWords().count <= 3, item.name.utf8.count < name.utf8.count
                {
                    item.name = TextItemReader.cleanName(name)
                    item.quantity = count
                    item.quantityStated = true
                    item.namedAbove = true
                }
                items.append(item)
                lastItemRow = index
                if items.count == maximumItems { break }
            } else if !items.isEmpty, isSectionHeading(row) {
                // "Still to come", "Colis 2": a heading between two groups of the order's rows.
                continue
            } else if !items.isEmpty, isChargeBetweenItems(row), index + 1 < rows.count, headerlessItem(rows[index + 1], resolver: resolver) != nil {
                // "2 | Pfand | 6,60 €" under each bottle's row: the deposit charged with the item
                // above, no item, and no end of the run when an item's row follows.
                continue
            } else if !items.isEmpty || opensTotals(row) {
                // A subtotal or total before any item: the table is the order's totals block, and
                // the charges under it (`Pfand | 0,25 €`) are no items.
                break
            }
        }
        return withTrailingCounts(items)
    }

    /// Whether a price cell's words say its one amount is each unit's: `je 16,99 €`, `£4.00 each`,
    /// `9,90 € / unité`, `cad. 3,50 €`.
    static func saysEach(_ text: String, around token: MoneyToken) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let before = Words(TextFolding.fold(String(String.UnicodeScalarView(scalars[..<token.range.lowerBound])))).items
        let after = Words(TextFolding.fold(String(String.UnicodeScalarView(scalars[token.range.upperBound...])))).items
        guard before.count + after.count <= 2 else { return false }
        if let word = before.last, ItemVocabulary.eachWords.contains(word) { return true }
        if let word = after.first, ItemVocabulary.eachWords.contains(word) || ItemVocabulary.perUnitWords.contains(word) { return true }
        return false
    }

    static func headerlessItem(_ row: [Cell], resolver: CurrencyResolver) -> ItemCandidate? {
        // A wrapped table's lines are read under a header only: without one, its rows are read on their own.
        guard !row.contains(where: { $0.hasTable || $0.wrapped }) else { return nil }
        let filled = row.filter { !$0.lines.isEmpty }
        if filled.count == 1 {
            // "[image] | Housse de couette 240x220 × 1 / Terracotta": a parcel's card, counted in its name.
            return blockItem(filled[0], resolver: resolver) ?? (row.count >= 2 ? countedNameCard(filled[0]) : nil)
        }
        guard row.count >= 2 else { return nil }
        guard filled.count >= 2, let last = filled.last, last.lines.count <= 2, last.flat.utf8.count <= 60 else { return nil }
        // Cards side by side (`Watering can` over `£18.00`, `Plant mister` over `£9.50`): a grid of
        // products, each cell its own, not one item's row.
        // (Counted in one pass: a lazy filter's prefix tested each cell up to three times.)
        var cards = 0
        for cell in filled where isProductCard(cell) {
            cards += 1
            if cards == 2 { return nil }
        }
        // The price cell holds little else than its amount; a name may hold one (`Chèque-cadeau 20 €`).
        // "Comté AOP 24 mois | 0,420 kg à 39,00 €/kg | 16,38 €": a price per measure before the last
        // cell is no price cell (in the last, `8,99 zł / szt.`, `27,99 €/mois`, it is the item's price).
        let moneyCells = filled.filter { isPriceCell($0) && ($0.column == last.column || !isRateCell($0)) }
        // "Mochi mangue | x1 | Gratuit": a gift's row, its price cell a word meaning zero, its count in a cell.
        let free = moneyCells.isEmpty && filled.count >= 3 ? freeAmount(last.text) : nil
        if moneyCells.isEmpty, filled.count == 2 { return unpricedItem(name: filled[0], count: filled[1]) }
        let lastTokens = MoneyScanner.scan(last.text)
        let token = lastTokens.last(where: { !$0.isBare })
        if free == nil {
            guard moneyCells.count == 1, moneyCells[0].column == last.column, last.lines.count <= 2, let token, !token.negative else { return nil }
            // "Totale ordine  182,97 €" in the last cell: a summary's box beside the order's fields.
            if SummaryLabel.kind(ofFolded: TextFolding.fold(String(String.UnicodeScalarView(last.text.unicodeScalars.prefix(token.range.lowerBound))))) != nil {
                return nil
            }
        }
        // "2× | Pizza Margherita | 19,00 €": a count in a cell of its own before the name.
        // "1 pcs | Wireless earbuds | 499 Kč": a count with its unit word too.
        let leadingCount = filled.count >= 3
            ? TextItemReader.standaloneQuantity(filled[0].text) ?? TextItemReader.countedQuantity(filled[0].text) : nil
        let nameCell = filled[leadingCount == nil ? 0 : 1]
        guard !nameCell.lines.isEmpty else { return nil }
        let rawName = nameCell.lines[TextItemReader.nameLineIndex(nameCell.lines)]
        var name = TextItemReader.cleanName(rawName)
        // "Nems porc x4 | x2 | 5,90 €": a count in a cell of its own after the name; the name's
        // own "x4" is part of it (four pieces), not the count.
        // "Papier toilette x 12 | Qté : 1 | 6,95 €": a labelled count in its cell too.
        let countCell = leadingCount == nil
            ? filled.dropFirst().dropLast().lazy.compactMap {
                TextItemReader.standaloneQuantity($0.text) ?? TextItemReader.countedQuantity($0.text)
                    ?? ($0.lines.count == 1 && $0.flat.utf8.count <= 24 ? TextItemReader.labelledQuantity(TextFolding.fold($0.text)) : nil)
            }.first : nil
        var statedQuantity = leadingCount ?? countCell
        // Whether the name's cell opens with its count: its first word may then say payment.
        var countedName = false
        if statedQuantity == nil, let (count, rest) = TextItemReader.timesPrefix(rawName) {
            // "2 × Earl Grey Imperial | €9,90": the count written before the name, in its cell.
            statedQuantity = count
            name = TextItemReader.cleanName(rest)
            countedName = true
        } else if statedQuantity == nil, let (count, rest) = TextItemReader.leadingQuantity(rawName) {
            // "2 ud. Pago de Carraovejas 2021 | 97,00 €": the count with its unit word before the name
            // (a winery's name whose first word says payment, counted, is goods).
            statedQuantity = count
            name = TextItemReader.cleanName(rest)
            countedName = true
        } else if statedQuantity == nil, let (count, rest) = TextItemReader.trailingCount(name) {
            statedQuantity = count
            name = rest
        } else if statedQuantity == nil, let (count, rest) = TextItemReader.trailingLabelledCount(name) {
            // "Blumenerde 40 l · Menge 4 | 31,96 €": the count after its label, closing the name's cell.
            statedQuantity = count
            name = rest
        } else if statedQuantity == nil, name.hasSuffix(")"), let open = name.lastIndex(of: "("),
            let (count, rest) = TextItemReader.trailingCount(name[..<open].trimmedSpaces())
        {
            // "Pâtée 85 g x2 (Lot de 12)": the count before the pack's description in brackets.
            statedQuantity = count
            name = rest + " " + name[open...]
        }
        // "Billet aller (2 adultes × 39 €) | 78,00 €": the count in brackets, and its unit price.
        var bracketed: (count: Int, each: MoneyToken?, rest: String)?
        if statedQuantity == nil, let found = TextItemReader.bracketedCount(name) {
            bracketed = found
            statedQuantity = found.count
            name = found.rest
        }
        if free != nil, statedQuantity == nil, filled.count < 3 { return nil }
        // "Adulto – Standard | 2 x 59,90 €": the count written against the unit price, in the price's cell.
        let countAtPrice = statedQuantity == nil && last.lines.count == 1
            ? token.flatMap { TextItemReader.quantityBefore(Array(last.text.unicodeScalars.prefix($0.range.lowerBound)))?.0 } : nil
        // "Qty 3 · $24.95": the count after its label, before the price in the price's cell.
        var labelledAtPrice: Int?
        if statedQuantity == nil, countAtPrice == nil, last.lines.count == 1, let token {
            let before = String(String.UnicodeScalarView(last.text.unicodeScalars.prefix(token.range.lowerBound)))
            labelledAtPrice = TextItemReader.labelledQuantity(TextFolding.fold(before))
        }
        let middleCount: Int? = filled.dropFirst().dropLast().lazy.compactMap {
            TextItemReader.standaloneQuantity($0.text) ?? TextItemReader.labelledQuantity(TextFolding.fold($0.text))
        }.first
        // "2 billet(s)" over "96,00 €": the count with its unit word on a line of the price's cell.
        let countInPriceCell: Int? = last.lines.count == 2 ? last.lines.lazy.compactMap(TextItemReader.countedQuantity).first : nil
        // "Taralli pugliesi, 3 x 250 g" over "2 x 4,90 €" in the name's cell, "9,80 €" in the price's:
        // the count against the unit price under the name; the price cell then holds the line's total.
        let eachUnderName: (Int, MoneyToken)? = statedQuantity == nil && countAtPrice == nil && labelledAtPrice == nil
            ? nameCell.lines.dropFirst().lazy.compactMap(countEachLine).first : nil
        let countUnderName = nameCell.lines.dropFirst().lazy.compactMap(countLine).first
        let counted = statedQuantity ?? countAtPrice ?? labelledAtPrice ?? countUnderName ?? eachUnderName?.0 ?? middleCount ?? countInPriceCell
        if free != nil, counted == nil { return nil }
        // "Pattern: The Calder Cardigan (PDF) × 1": a title whose one-word label has a colon, counted in its own cell.
        let countedTitle = statedQuantity != nil && TextItemReader.isTitleWithColon(rawName, minimumLabelWords: 1)
        // "Art.-Nr. 71234 | Anzahl 1 | 64,00 €": an article number names no item.
        guard !rawName.hasSuffix(":"), countedName || !ItemVocabulary.isNonItemName(name), !TextItemReader.isChargeName(name, counted: counted != nil),
            !TextItemReader.isReferenceLine(rawName),
            TextItemReader.labelValue(rawName) == nil || TextItemReader.isRoute(rawName) || TextItemReader.isTitleWithColon(rawName) || countedTitle
        else { return nil }
        let quantity = counted ?? 1
        var candidate = ItemCandidate(name: name, quantity: quantity)
        candidate.quantityStated = counted != nil
        if counted == nil, nameCell.lines.count >= 2, let loose = nameCell.lines.dropFirst().lazy.compactMap(bareCount).first {
            candidate.looseCount = loose
        }
        if let free {
            candidate.price = free
            return candidate
        }
        guard let token else { return nil }
        // "23,98 €" over "11,99 € l'unité": the line's price, then the unit's.
        if last.lines.count == 2, let lineToken = MoneyScanner.scan(last.lines[0]).last(where: { !$0.isBare }),
            Words(TextFolding.fold(last.lines[1])).containsAny(ItemVocabulary.perUnitWords),
            let unitToken = MoneyScanner.scan(last.lines[1]).first(where: { !$0.isBare })
        {
            candidate.lineTotal = OrderSummary.amount(lineToken, resolver: resolver)
            candidate.unitPrice = OrderSummary.amount(unitToken, resolver: resolver)
            return candidate
        }
        candidate.price = OrderSummary.amount(token, resolver: resolver)
        if countAtPrice != nil, counted == countAtPrice {
            candidate.unitPrice = candidate.price
            candidate.price = nil
        } else if last.lines.count == 1, saysEach(last.text, around: token) {
            // "Menge: 2 | je 16,99 €", "2 | £4.00 each": the price cell says the price is each unit's.
            candidate.unitPrice = candidate.price
            candidate.price = nil
        } else if let countCell, counted == countCell, leadingCount == nil {
            // "Huile de lavande, 10 ml | x2 | 15,90 €": a count in a cell of its own, apart from the price
            // (`ItemPricing.lean`: when the sums cannot settle it, such a price is mostly the line's).
            candidate.countApart = true
        } else if statedQuantity == nil, countAtPrice == nil, labelledAtPrice == nil, let count = countUnderName, counted == count {
            // "Training Sports Bra / Size: S / Qty: 2 | £44.00": the count under the name, apart from the price, likewise.
            candidate.countApart = true
        }
        if let (count, each) = eachUnderName, counted == count {
            candidate = HTMLTableReader.counted(candidate, count: count, each: OrderSummary.amount(each, resolver: resolver))
        }
        if let each = bracketed?.each, let price = candidate.price, let a = each.number.minorUnits(digits: 3),
            let b = price.number.minorUnits(digits: 3), a * Int64(candidate.quantity) == b
        {
            candidate.unitPrice = OrderSummary.amount(each, resolver: resolver)
            candidate.lineTotal = price
            candidate.price = nil
        }
        return candidate
    }
}

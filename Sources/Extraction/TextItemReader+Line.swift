import Foundation
import Intl

/// One plain-text line read as an item: its count, unit price or line total, and its name cells.
extension TextItemReader {
    /// Reads one line as an item, or `nil` when it is none. An empty name means the line holds
    /// only a quantity and a price (its name is on the line above).
    static func read(_ line: TextLine, resolver: CurrencyResolver) -> ItemCandidate? {
        // "je 9,90 EUR   gesamt 19,80 EUR" under its name: the unit price and the line's total, the
        // count their quotient.
        if line.amounts.count == 2, opensWithUnitPrice(line), !line.amounts.contains(where: \.negative) {
            let unit = OrderSummary.amount(line.amounts[0], resolver: resolver)
            let total = OrderSummary.amount(line.amounts[1], resolver: resolver)
            var count = 1
            if let a = unit.number.minorUnits(digits: 3), let b = total.number.minorUnits(digits: 3), a > 0, b % a == 0, (1...999).contains(b / a) {
                count = Int(b / a)
            }
            return ItemCandidate(name: "", quantity: count, unitPrice: unit, lineTotal: total)
        }
        if line.amounts.isEmpty { return bracketedUnitPriceItem(line, resolver: resolver) }
        // "1 x Display 1.44\" TFT (@ $14.95 each)": a size in the name, the price in brackets.
        if !line.bracketedAmounts.isEmpty, line.amounts.allSatisfy(\.isBare), let item = bracketedUnitPriceItem(line, resolver: resolver) { return item }
        var amounts = itemAmounts(line)
        // "Monitor Dell 27", 1 szt.  - 1 049,00 zł": a dash between segments, not a minus sign.
        for index in amounts.indices where amounts[index].negative && isSeparatingDash(line, amounts[index]) {
            amounts[index].negative = false
        }
        guard let first = amounts.first, let last = amounts.last else { return nil }
        if amounts.contains(where: \.negative) { return nil }
        // "  Black Friday Deal: was $399.99" under an item: the price it had before, no item.
        if amounts.count == 1, line.slice(from: last.range.upperBound, to: line.scalars.count).isEmpty {
            let before = Words(line.foldedSlice(from: 0, to: first.range.lowerBound)).items
            if formerPriceMarkers.contains(where: { before.count > $0.count && before.suffix($0.count).elementsEqual($0) }) { return nil }
        }
        // "£9.50 1 × Chicken Tikka Masala", "EUR 18,05 Il nome della rosa": the price in a first column.
        if amounts.count == 1, let rotated = priceFirstRotated(line, first) { return read(rotated, resolver: resolver) }
        // Text after the last amount: "HT", "TTC", "each" are fine; a sentence is not an item.
        var tail = Words(TextFolding.fold(line.slice(from: last.range.upperBound, to: line.scalars.count)))
        // "2 x 72,45 €   (dont éco-participation 0,12 €)": what the price includes, in brackets after it.
        if let open = line.scalars[last.range.upperBound...].firstIndex(of: "("),
            let word = Words(line.foldedSlice(from: open + 1, to: line.scalars.count), maximumCount: 1).items.first,
            OrderSummary.includedWords.contains(word)
        {
            tail = Words(TextFolding.fold(line.slice(from: last.range.upperBound, to: open)))
        }
        // "Nastro manubrio in sughero x2 25,80 (12,90 cad.)": the unit price in brackets after the line's total.
        var bracketedUnit: MoneyToken?
        if amounts.count == 1, let open = line.scalars[last.range.upperBound...].firstIndex(of: "("),
            let each = line.bracketedAmounts.first(where: { $0.range.lowerBound > open }),
            let word = Words(line.foldedSlice(from: each.range.upperBound, to: line.scalars.count), maximumCount: 1).items.first,
            ItemVocabulary.eachWords.contains(word) || ItemVocabulary.perUnitWords.contains(word)
        {
            tail = Words(TextFolding.fold(line.slice(from: last.range.upperBound, to: open)))
            bracketedUnit = each
        }
        // "6 Flaschen à 12,90 € 17,20 €/l": the price per measure after it is no sentence.
        if line.amounts.contains(where: { $0.range.lowerBound >= last.range.upperBound && isPerMeasure(line, $0) }) {
            tail = Words(tail.items.filter { Int($0) == nil }.joined(separator: " "))
        } else if let measure = line.bracketedAmounts.first(where: { $0.range.lowerBound >= last.range.upperBound && isPerMeasure(line, $0) }),
            let open = line.scalars[last.range.upperBound..<measure.range.lowerBound].lastIndex(where: { $0 == "(" || $0 == "[" })
        {
            // "6 Flaschen à 12,90 € (17,20 €/l)": in brackets, the words before them only.
            tail = Words(TextFolding.fold(line.slice(from: last.range.upperBound, to: open)))
        }
        // "14,90 €   en stock", "8,90 € à commander": whether the item is in stock; "13,60 € (-20 %)": its discount.
        let tailText = line.slice(from: last.range.upperBound, to: line.scalars.count)
        if tail.count > 0, ItemVocabulary.availabilityPhrases.contains(tail.items)
            || tailText.hasPrefix("(") && tailText.hasSuffix(")") && isDiscountNote(Substring(tailText.dropFirst().dropLast()))
        {
            tail = Words(items: [])
        }
        let tailWords: Set<String> = ["ht", "ttc", "per", "par", "pro", "l", "la", "le", "incl", "inkl", "net", "brut", "ex", "usd", "eur", "gbp", "vat", "tva", "mwst"]
        // "49 kr/st", "7,00 per stuk": the price of one.
        if tail.count > 2 || (tail.count > 0 && !tail.items.allSatisfy({
            tailWords.contains($0) || ItemVocabulary.perUnitWords.contains($0) || ItemVocabulary.countUnitWords.contains($0)
        })) {
            return nil
        }
        let perUnit = amounts.count == 1 && (tail.containsAny(ItemVocabulary.perUnitWords) || tail.containsAny(ItemVocabulary.countUnitWords))
        var scalars = Array(line.scalars[..<first.range.lowerBound])
        // "x2 — 58,00 €" under its name: a marked count, a dash, the price (the sums tell unit or line).
        if amounts.count == 1, !perUnit, let count = dashedCount(String(scalars: scalars)) {
            var candidate = ItemCandidate(name: "", quantity: count, price: OrderSummary.amount(first, resolver: resolver))
            candidate.quantityStated = true
            return candidate
        }
        // "Bioderma Atoderm Crema 500 ml x2 prezzo cad. 18,90 € 37,80 €": the unit price's label after the name and count.
        if amounts.count >= 2, let start = unitPriceLabelStart(line, before: first.range.lowerBound) { scalars = Array(scalars[..<start]) }
        var quantity: Int?
        var unit: Amount?
        var lineTotal: Amount?
        var price: Amount?
        // A count against a single amount, after a name: the amount may be the unit price
        // (`2 x 59,99 €`) or the line's total (`3x3,57`); the order's sums tell which.
        var countAgainstOneAmount = false

        // "2 x 59,99 €": the quantity is written against the unit price.
        if let (count, start) = quantityBefore(scalars) {
            quantity = count
            countAgainstOneAmount = amounts.count == 1 && !perUnit
            scalars = Array(scalars[..<start])
            unit = OrderSummary.amount(first, resolver: resolver)
            if amounts.count > 1 { lineTotal = OrderSummary.amount(last, resolver: resolver) }
            // "1 x 24,90 € 14,94 € 14,94 €": a struck-out unit price, then the one paid, then the line's total.
            if amounts.count == 3, let a = first.number.minorUnits(digits: 3), let b = amounts[1].number.minorUnits(digits: 3),
                let c = last.number.minorUnits(digits: 3), b * Int64(count) == c, a * Int64(count) != c, b < a
            {
                unit = OrderSummary.amount(amounts[1], resolver: resolver)
            }
            // "2 × 17,00 € 13,60 € (-20 %)": under the unit price, a lower one is no line's total but the unit's price paid.
            if amounts.count == 2, count > 1, let a = first.number.minorUnits(digits: 3), let b = last.number.minorUnits(digits: 3), b < a {
                unit = OrderSummary.amount(last, resolver: resolver)
                lineTotal = nil
            }
        } else if amounts.count == 2, let count = standaloneQuantity(line.slice(from: first.range.upperBound, to: last.range.lowerBound).trimmed { $0 == "=" || $0.properties.isWhitespace }) {
            // "$20.00 x 2 = $40.00" too.
            // "EUR 14,25    2    EUR 28,50": the count between the unit price and the line's total.
            quantity = count
            unit = OrderSummary.amount(first, resolver: resolver)
            lineTotal = OrderSummary.amount(last, resolver: resolver)
        } else if amounts.count >= 2 {
            // "Place Rennes → Nantes   23,00 €   …": two amounts without a count: unit then line.
            price = OrderSummary.amount(first, resolver: resolver)
            lineTotal = OrderSummary.amount(last, resolver: resolver)
        } else if perUnit {
            unit = OrderSummary.amount(first, resolver: resolver)
        } else {
            price = OrderSummary.amount(first, resolver: resolver)
        }
        if let each = bracketedUnit {
            unit = OrderSummary.amount(each, resolver: resolver)
            lineTotal = OrderSummary.amount(first, resolver: resolver)
            price = nil
            countAgainstOneAmount = false
        }
        var nameText = String(scalars: scalars)
        // "82344710  Perceuse visseuse sans fil   1": a reference column before the name is no count.
        if let rest = afterCodeColumn(nameText) { nameText = rest }
        // "3.  Kolumbia Huila 250 g mielona 1   45,00 zł   45,00 zł": a numbered row's position is no count.
        if let rest = afterPositionMarker(nameText) { nameText = rest }
        // Leading "2 x ", "2x ", "2  " (a count column).
        var countedFirst = false
        var countOpensLine = false
        if quantity == nil, let (count, rest) = leadingQuantity(nameText) ?? gluedLeadingCount(nameText) {
            quantity = count
            nameText = rest
            countedFirst = true
        } else if let count = quantity, let (opening, rest) = leadingQuantity(nameText), opening == count {
            // "2 x   Royal Canin Sterilised 10 kg   2 x 62,99 €": the count column, repeated before the unit price.
            nameText = rest
        }
        // Whether the count is written apart from the price: by its label (`Qté : 2`), or in brackets (`(3)`).
        var countApart = false
        // `Ilość: 2 - Dętka Schwalbe SV17 28" - 29,90 zł`: a count's field, a dash, then the name.
        if quantity == nil, let (count, _, rest) = labelledCountThenDash(nameText) {
            quantity = count
            nameText = rest
            countApart = true
        }
        // Cells: "name | Taille : 38 | x1", "name   1", "name   Achat"; a code column before the name
        // ("9788845292613    Il nome della rosa") is no name.
        var cells = TextLine(nameText).cells.filter { !$0.isEmpty }
        // "  1    6   Riesling trocken   16,90 EUR": a position column, then the count column.
        if countedFirst, cells.count >= 2, let count = bareCount(cells[0]), cells[1].unicodeScalars.contains(where: \.properties.isAlphabetic) {
            quantity = count
            cells.removeFirst()
        }
        if cells.count >= 2, isCode(cells[0]), cells.dropFirst().contains(where: { $0.contains(" ") }) { cells.removeFirst() }
        // Whether a count times the first amount makes the last one (a unit price and its line's total).
        func makesLineTotal(_ count: Int) -> Bool {
            guard amounts.count >= 2, let a = first.number.minorUnits(digits: 3), let b = last.number.minorUnits(digits: 3) else { return false }
            return a > 0 && a * Int64(count) == b
        }
        var nameCells: [String] = []
        for cell in cells {
            // "1    Hafenmischung 500g    2    12,90 EUR   25,80 EUR" under `Pos. Artikel Anzahl`: the
            // first number was the position, the count the one its unit price times makes the total.
            if countedFirst, let count = quantity, let later = standaloneQuantity(cell), !nameCells.isEmpty, later != count,
                makesLineTotal(later), !makesLineTotal(count)
            {
                quantity = later
                if unit == nil, price != nil { (unit, price) = (price, nil) }
                continue
            }
            if quantity == nil, let count = standaloneQuantity(cell) { quantity = count; continue }
            // "(x2)" in a cell of its own after the name.
            if quantity == nil, cell.hasPrefix("("), cell.hasSuffix(")"), cell.utf8.count <= 8,
                let count = markedQuantity(String(cell.dropFirst().dropLast()))
            {
                quantity = count
                continue
            }
            // "1,19 € / L": a price per measure stands in no name.
            if cell.utf8.count <= 24, MoneyScanner.scan(cell).contains(where: { !$0.isBare }),
                cell.unicodeScalars.lazy.filter(\.properties.isAlphabetic).count <= 4
            {
                continue
            }
            if let (label, _) = labelValue(cell), ItemVocabulary.quantityLabels.contains(label.lastWordOrSelf),
                let count = labelledQuantity(TextFolding.fold(cell))
            {
                if quantity == nil { countApart = true }
                quantity = quantity ?? count
                // "Bougie Figuier — Qté : 3": the name before the label stays.
                let before = cutAtAttributes(cell)
                if before != cell, !before.isEmpty { nameCells.append(before) }
                continue
            }
            // "Anzahl 1  Victorinox Huntsman   CHF 54.90", "Qty 2   Tea towel   £8.00": a count's label
            // without its colon, in a cell of its own before the name.
            if nameCells.isEmpty, let count = bareLabelledCount(cell) {
                if quantity == nil { countApart = true }
                quantity = quantity ?? count
                continue
            }
            if quantity == nil, let count = countedQuantity(cell) { quantity = count; continue }
            if let (label, _) = labelValue(cell), ItemVocabulary.attributeLabels.contains(label.firstWordOrSelf) { continue }
            nameCells.append(cell)
        }
        // "3 Leche semidesnatada 1 L    0,94   2,82": a count opening the name, the unit price times it
        // the line's total.
        if quantity == nil, amounts.count == 2, let opening = nameCells.first, let (count, rest) = openingCount(opening), makesLineTotal(count) {
            quantity = count
            nameCells[0] = rest
            countOpensLine = true
            if unit == nil, price != nil { (unit, price) = (price, nil) }
        }
        // "Komijnekaas Leidse 40+   2 x 500 g   à 9,25   18,50": a count of packs of a measure in a cell after the
        // name, the unit price times it the line's total.
        if quantity == nil, amounts.count == 2, nameCells.count >= 2,
            let count = nameCells.dropFirst().lazy.compactMap(packCount).first, count > 1, makesLineTotal(count)
        {
            quantity = count
            nameCells.removeAll { packCount($0) == count }
            if unit == nil, price != nil { (unit, price) = (price, nil) }
        }
        // "Chambre à air 700x25C valve Presta 2 7,90 € 15,80 €": a count closing the name, the unit price times it the
        // line's total; with one price (`Cinnamon bun 4 £14.40`) it is kept for the list to settle.
        var closing: (count: Int, name: String)?
        if quantity == nil, nameCells.count == 1, let (count, rest) = closingBareCount(nameCells[0]) {
            if amounts.count == 2, makesLineTotal(count) {
                quantity = count
                nameCells[0] = rest
                if unit == nil, price != nil { (unit, price) = (price, nil) }
            } else if amounts.count == 1 {
                closing = (count, cleanName(rest))
            }
        }
        // "1 Pizza Grande Pepperoni   15,99 €": a bare count one space before a capital, kept for the list to settle.
        var opening: (count: Int, name: String)?
        if quantity == nil, nameCells.count == 1, let (count, rest) = openingCount(nameCells[0]),
            rest.unicodeScalars.first?.properties.isUppercase == true
        {
            opening = (count, cleanName(rest))
        }
        var labelledInName = false
        if quantity == nil, let count = labelledQuantity(TextFolding.fold(nameText)) {
            quantity = count
            labelledInName = true
            countApart = true
        }
        var name = nameCells.first.map { cleanName(stripBullet($0)) } ?? ""
        // "Ariel Pods Color 36 stk.      99,00 kr.": the cell lost the dot of the abbreviation ending the name.
        if !name.isEmpty, !name.hasSuffix("."), endsWithAbbreviation(name + "."), line.text.contains(name + ".") { name += "." }
        // "Roland TD-07KV Q.tà 1 €": the name ends where its count's label starts.
        if labelledInName, let cut = nameBeforeQuantityLabel(name) {
            name = cut
        } else if labelledInName, let (_, rest) = trailingLabelledCount(name) {
            // "Il nome della rosa, Umberto Eco (Qtà 1)": the label and its count in brackets.
            name = rest
        }
        // "iPhone 17 256 Go (1)", "Linen shirt × 2": a count at the end.
        if quantity == nil, let (count, rest) = trailingBracketQuantity(name) {
            quantity = count
            name = rest
            countApart = true
        } else if quantity == nil, let (count, rest) = trailingTimesQuantity(name) {
            quantity = count
            name = rest
        }
        // "Kaleido tray S, mint / 3 pcs / 129 kr.", "La sombra del viento · 2 uds. · 10,95 €": the count in
        // a segment of its own, between separators.
        if quantity == nil, let (count, rest) = separatedCount(name) {
            quantity = count
            name = rest
        }
        // "Billet aller (2 adultes × 39 €)   78,00 €", "Prima (x2 passeggeri)   € 139,80": the count in
        // brackets, with what it counts, and the unit price when its count times it makes the line's price.
        if quantity == nil, amounts.count == 1, let bracketed = bracketedCount(name) {
            quantity = bracketed.count
            name = bracketed.rest
            if let each = bracketed.each.map({ OrderSummary.amount($0, resolver: resolver) }), let paid = price ?? unit,
                let a = each.number.minorUnits(digits: 3), let b = paid.number.minorUnits(digits: 3), a * Int64(bracketed.count) == b
            {
                unit = each
                lineTotal = paid
                price = nil
            } else if let paid = unit, !perUnit {
                price = paid
                unit = nil
            }
        }
        name = cutAtAttributes(name)
        // "Cat. no. 123/4567    1    £89.99", "Vendu et expédié par Fnac    2    7,50 €": the count and
        // price of the item named on the line above.
        if isDetailName(name) {
            if isWeighedDetail(name) || isStayPrice(name) { quantity = quantity ?? 1 }
            name = ""
        }
        // "  802.758.87    2 x 59,99 €    119,98 €" under "KALLAX Étagère…": an article number alone where the name would stand.
        if quantity != nil, isCode(name), !name.unicodeScalars.contains(where: \.properties.isAlphabetic) { name = "" }
        // "3   Geschenkverpackung   1   2,00 €   2,00 €": a counted line named by a charge's word first is a charge.
        if !name.isEmpty, ItemVocabulary.isNonItemName(name) || isChargeName(name, counted: quantity != nil || isCountedItemLine(line)) { return nil }
        // "Panier osier (emballage cadeau)   x 1   6,00 €   6,00 €": gift packaging, even counted and priced as goods;
        // "Consigne bouteilles bière (6 x 0,20 €)   1   1,20 €": a deposit, likewise.
        if !name.isEmpty, name.utf8.count <= 60 {
            let folded = TextFolding.fold(name)
            if SummaryLabel.isGiftExtra(folded: folded) || SummaryLabel.isDeposit(folded: folded) { return nil }
        }
        guard let count = quantity ?? (name.isEmpty ? nil : 1), (1...9_999).contains(count) else { return nil }
        // "Herzlichen Dank für Ihre Bestellung … beläuft sich auf 265,70 EUR.": a sentence (its key
        // is folded only for a long name).
        if name.utf8.count >= 24, opensWithThanks(line) { return nil }
        if countAgainstOneAmount, !name.isEmpty, count > 1 {
            price = unit
            unit = nil
        }
        var candidate = ItemCandidate(name: name, quantity: count, unitPrice: unit, lineTotal: lineTotal, price: price)
        // "Scarf   1   34,99 €   24,99 €": for one, a lower second amount is the price paid after a struck-out one.
        if count == 1, let first = price, let second = lineTotal, readingSecondPrice(second, of: ItemCandidate(name: name, quantity: 1, price: first)).price == second {
            candidate.price = nil
            candidate.unitPrice = second
        }
        candidate.quantityStated = quantity != nil
        candidate.countApart = countApart && price != nil
        candidate.openingCount = opening
        candidate.countOpensLine = countOpensLine
        candidate.closingCount = closing
        return candidate
    }
}

import Intl

/// A second price line under an item already priced by a line of its own: the price cell of a
/// layout often holds two amounts, one per line.
extension TextItemReader {
    /// The item once a lone price on the line right under its own lone price is read:
    /// `34,99 €` over `24,99 €` is a struck-out price over the price paid (the lower one wins);
    /// `11,99 €` over `23,98 €` for two is the unit price over the line's total. Any other pair
    /// leaves the item as it was.
    static func readingSecondPrice(_ second: Amount, of item: ItemCandidate) -> ItemCandidate {
        guard let first = item.price, item.unitPrice == nil, item.lineTotal == nil, !second.negative,
            first.currency == second.currency || first.currency == nil || second.currency == nil,
            let a = first.number.minorUnits(digits: 3), let b = second.number.minorUnits(digits: 3)
        else { return item }
        var result = item
        if item.quantity > 1, a * Int64(item.quantity) == b {
            result.unitPrice = first
            result.lineTotal = second
            result.price = nil
        } else if b < a {
            result.price = second
        }
        return result
    }

    /// The item once a count and unit price line (`2 × 14,99 €`) under its lone price is read:
    /// the lone price was the line's total when the count is the item's and the product matches.
    static func readingCountedPrice(_ counted: ItemCandidate, of item: ItemCandidate) -> ItemCandidate? {
        guard counted.name.isEmpty, counted.quantityStated, counted.quantity == item.quantity, counted.lineTotal == nil,
            let unit = counted.unitPrice, let first = item.price, item.unitPrice == nil, item.lineTotal == nil,
            let a = first.number.minorUnits(digits: 3), let b = unit.number.minorUnits(digits: 3),
            b * Int64(item.quantity) == a
        else { return nil }
        var result = item
        result.unitPrice = unit
        result.lineTotal = first
        result.price = nil
        return result
    }

    /// Whether a line without amounts ends with a summary label (`Total de la commande`,
    /// `Expédiée à    Total`): the lone amount on the next line is the summary's, no item's.
    static func labelsSummaryAmount(_ line: TextLine) -> Bool {
        guard line.amounts.isEmpty, let last = line.cells.last else { return false }
        let folded = TextFolding.fold(last)
        let words = Words(folded)
        guard !words.isEmpty, words.count <= 6 else { return false }
        guard let kind = SummaryLabel.kind(ofFolded: folded) else { return false }
        return kind == .total || kind == .subtotal || kind == .refund
    }

    /// Whether an item line's name reads as the details of a name above it: a labelled detail
    /// (`Mahlgrad: ganze Bohne`, `Farbe: Rot`; a label of one or two words before a colon, not a
    /// title's such as `The Witcher 3: Wild Hunt`), an attribute's word and value (`Size M`), or
    /// parts between middle dots (`Nintendo Switch · Download`, `Monthly · Renews 14 April 2025`).
    static func isDetailLabelled(_ name: String) -> Bool {
        if name.contains(" · ") || isLabelRun(name) { return true }
        // "Size M", "Taille 38", "Colour Oatmeal": an attribute's word and its value, without a colon.
        if opensWithAttribute(name), Words(TextFolding.fold(name)).count <= 3 { return true }
        guard name.utf8.contains(0x3A), let (label, _) = labelValue(name), Words(label).count <= 2 else { return false }
        return !isTitleWithColon(name)
    }

    /// A run of an item's labels and their values set apart by commas (`Artikel 33221, Anzahl 1,
    /// Preis`, `Réf. 4410, Qté 2, Prix`, `SKU 88-1, Qty 1`): every segment opens with a word of a
    /// reference, a count, a price or an attribute. A name's commas part words of its own.
    static func isLabelRun(_ name: String) -> Bool {
        guard name.utf8.count <= 120, name.utf8.contains(0x2C) else { return false }
        let segments = name.split(separator: ",")
        guard segments.count >= 2 else { return false }
        return segments.allSatisfy { segment in
            guard let first = Words(TextFolding.fold(String(segment)), maximumCount: 1).items.first else { return false }
            return labelRunWords.contains(first)
        }
    }

    static let labelRunWords: Set<String> = referenceFirstWords.union(ItemVocabulary.quantityLabels).union(ItemVocabulary.priceWords)
        .union(ItemVocabulary.unitWords).union(ItemVocabulary.attributeLabels).union(ItemVocabulary.lineTotalWords)
        .union(["artikel", "article", "articulo", "articolo", "artykul", "item", "pos", "position"])

    /// Whether a line is a further row of the fields table above it: a label cell of up to three
    /// words without figures and one value cell, under rows of that shape that start at an
    /// order's field (`Numéro de commande    2948173650`, `Vendeur    GameZone_Lille`).
    static func continuesFields(_ lines: [TextLine], at index: Int) -> Bool {
        guard index > 0, isFieldShaped(lines[index]) else { return false }
        var row = index - 1
        while row >= 0, row >= index - 4 {
            if isOrderField(lines[row]) { return true }
            guard isFieldShaped(lines[row]) else { return false }
            row -= 1
        }
        return false
    }

    /// A label cell of up to three words without figures and one value cell that is no count.
    static func isFieldShaped(_ line: TextLine) -> Bool {
        guard line.text.utf8.count <= 120 else { return false }
        let cells = line.cells
        guard cells.count == 2, !cells[0].unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }),
            Words(TextFolding.fold(cells[0])).count <= 3, standaloneQuantity(cells[1]) == nil
        else { return false }
        return true
    }

    /// Zero for an item's price line whose value is a word meaning free (`Each: Free`,
    /// `Prix unitaire : Offert`): a price label, then only that word.
    static func freeItemPrice(_ line: TextLine) -> Amount? {
        guard let (label, value) = labelValue(line.text) else { return nil }
        let words = Words(label)
        guard SummaryLabel.isItemPrice(folded: label) || words.containsAny(ItemVocabulary.priceWords)
            || words.containsAny(ItemVocabulary.unitWords) || words.containsPhrase(ItemVocabulary.unitPhrases)
        else { return nil }
        return HTMLTableReader.freeAmount(value)
    }

    /// "1 @ FREE", "2 x Gratuit", "1× gratis": a count, its sign and a word meaning free, alone on
    /// a line under a name: that item's count, priced zero.
    static func countedFreePrice(_ line: TextLine) -> (Int, Amount)? {
        let parts = line.text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count == 2 || parts.count == 3, let free = HTMLTableReader.freeAmount(parts[parts.count - 1]) else { return nil }
        let countText = parts.count == 3 ? parts[0] + parts[1] : parts[0]
        guard let sign = countText.last, ["x", "X", "×", "@"].contains(sign), let count = Int(countText.dropLast()),
            (1...999).contains(count)
        else { return nil }
        return (count, free)
    }

    /// Whether an amount stands glued to an `x` glued to a digit (`28x1.40`, `2x20`): a size.
    static func isGluedDimension(_ line: TextLine, _ token: MoneyToken) -> Bool {
        let start = token.range.lowerBound
        guard start >= 2, ["x", "X", "×"].contains(line.scalars[start - 1]) else { return false }
        return DecimalText.digitValue(line.scalars[start - 2]) != nil
    }

    /// Whether a bare number follows a number and a times sign set apart by spaces (`28 x 1,50`).
    static func isSpacedDimension(_ line: TextLine, _ token: MoneyToken) -> Bool {
        let start = token.range.lowerBound
        guard start >= 4, line.scalars[start - 1] == " ", ["x", "X", "×"].contains(line.scalars[start - 2]), line.scalars[start - 3] == " " else { return false }
        return DecimalText.digitValue(line.scalars[start - 4]) != nil
    }
}

/// A counted name whose unit price is written in brackets after it.
extension TextItemReader {
    /// "4 x Pneu Hiver 205/55 R16 (89,90 € pièce)", "Contenu : 3 x Château … (21,50 € l'unité)", "2 x Mug
    /// (each £8.00)": a count, a name, then in closing brackets its unit price, said to be the unit's by a
    /// word before it (`je`, `each`, `à`) or after it (`pièce`, `l'unité`, `Stück`, `per stuk`, `cad.`).
    /// The bracket is no part of the name; `nil` for any other line.
    static func bracketedUnitPriceItem(_ line: TextLine, resolver: CurrencyResolver) -> ItemCandidate? {
        guard line.amounts.allSatisfy(\.isBare), line.bracketedAmounts.count == 1, let token = line.bracketedAmounts.first, !token.isBare, !token.negative,
            let open = line.scalars[..<token.range.lowerBound].lastIndex(of: "("),
            let close = line.scalars[token.range.upperBound...].firstIndex(of: ")"),
            line.slice(from: close + 1, to: line.scalars.count).unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "." })
        else { return nil }
        let before = Words(line.foldedSlice(from: open + 1, to: token.range.lowerBound)).items
        let after = Words(line.foldedSlice(from: token.range.upperBound, to: close)).items
        // "- Pneu Michelin Power Cup 700x28 × 2 (59,99 €)": a parcel's line, the count after the name
        // by its times sign, the price alone in brackets (the sums, if any, tell unit or line).
        // "- 1 x Thermo-Isolierflasche, 1 l (17,99 €)": the count before the name, likewise.
        if before.isEmpty, after.isEmpty, let (count, rest) = trailingTimesQuantity(cleanName(line.slice(from: 0, to: open)))
            ?? timesPrefix(line.slice(from: 0, to: open))
        {
            let name = cleanName(rest)
            guard name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 else { return nil }
            var item = ItemCandidate(name: name, quantity: count, price: OrderSummary.amount(token, resolver: resolver))
            item.quantityStated = true
            return item
        }
        // "- Lave-linge 9 kg (1 x 599,99 €)", "LEGO Technic 42143 (1 stuk, € 349,99)": the count, then the
        // price, in the brackets closing the line.
        if after.isEmpty || after.allSatisfy(ItemVocabulary.perUnitWords.contains), let (count, each) = bracketedCountBefore(before, line.slice(from: open + 1, to: token.range.lowerBound)) {
            let name = cleanName(line.slice(from: 0, to: open))
            guard name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3, !ItemVocabulary.isNonItemName(name),
                !isChargeName(name, counted: true), !SummaryLabel.isDeposit(folded: TextFolding.fold(name))
            else { return nil }
            let amount = OrderSummary.amount(token, resolver: resolver)
            var item = ItemCandidate(name: name, quantity: count)
            if each || count == 1 { item.unitPrice = amount } else { item.price = amount }
            item.quantityStated = true
            item.countApart = !each
            return item
        }
        let linking: Set<String> = ["a", "at", "zu", "per", "par", "pro", "por", "la", "l", "le", "the", "za", "al", "de"]
        guard before.count <= 2, after.count <= 3, before.allSatisfy({ linking.contains($0) || ItemVocabulary.eachWords.contains($0) }),
            after.allSatisfy({ linking.contains($0) || ItemVocabulary.perUnitWords.contains($0) || ItemVocabulary.eachWords.contains($0) }),
            before.contains(where: ItemVocabulary.eachWords.contains) || after.contains(where: { ItemVocabulary.perUnitWords.contains($0) || ItemVocabulary.eachWords.contains($0) })
        else { return nil }
        var text = line.slice(from: 0, to: open)
        // "Contenu : 3 x …": a label of a word or two before the count.
        if let colon = text.firstIndex(of: ":"), Words(TextFolding.fold(String(text[..<colon]))).count <= 2 {
            let rest = text[text.index(after: colon)...].trimmedSpaces()
            if rest.unicodeScalars.first.map({ DecimalText.digitValue($0) != nil }) == true { text = rest }
        }
        guard let (count, rest) = leadingQuantity(text) else { return nil }
        let name = cleanName(rest)
        guard name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 else { return nil }
        var item = ItemCandidate(name: name, quantity: count, unitPrice: OrderSummary.amount(token, resolver: resolver))
        item.quantityStated = true
        return item
    }

    /// The price of an extra ordered with the item above (`+ Supplément bacon   1,50 €`, `+ Extra Käse 1,00 €`):
    /// a line opening with a plus sign, a few words, then one price ending it; `nil` for any other line.
    static func addOnPrice(_ line: TextLine) -> MoneyToken? {
        guard line.hasDigit, line.amounts.count == 1, let price = line.amounts.first, !price.negative, !price.isBare else { return nil }
        let before = line.slice(from: 0, to: price.range.lowerBound).trimmedSpaces()
        guard before.hasPrefix("+"), line.slice(from: price.range.upperBound, to: line.scalars.count).trimmedSpaces().isEmpty else { return nil }
        let words = before.dropFirst().trimmedSpaces()
        guard words.utf8.count <= 60, words.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 else { return nil }
        return price
    }

    /// The item with an extra's price added to the price its line states (its one price, or its unit
    /// price and line total for one unit, or its line total); `nil` when the sum cannot be made.
    static func withAddOn(_ extra: Amount, _ item: ItemCandidate) -> ItemCandidate? {
        func sum(_ amount: Amount) -> Amount? {
            guard !amount.negative, amount.currency == extra.currency || amount.currency == nil || extra.currency == nil,
                let a = amount.number.minorUnits(digits: 2), let b = extra.number.minorUnits(digits: 2)
            else { return nil }
            let text = Money.decimalString(a + b, digits: 2)
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            return Amount(number: DecimalText(integer: parts[0], fraction: parts.count > 1 ? parts[1] : ""), currency: amount.currency ?? extra.currency)
        }
        var result = item
        if let price = item.price {
            guard let added = sum(price) else { return nil }
            result.price = added
        } else if item.quantity == 1, let unit = item.unitPrice {
            guard let added = sum(unit) else { return nil }
            result.unitPrice = added
            if let line = item.lineTotal { result.lineTotal = sum(line) }
        } else if let line = item.lineTotal {
            guard let added = sum(line) else { return nil }
            result.lineTotal = added
            result.unitPrice = nil
        } else {
            return nil
        }
        return result
    }

    /// The words before a bracketed price that count the item (folded `before`, as written
    /// `raw`): one count, with its unit word or label (`1 stuk,`, `2 pz.`, `Qté 2`), or against the
    /// price by a sign (`2 x`, `3 ×`, `2 @`, `2 à`, then the price is the unit's: `each`). `nil` for
    /// any other words (a pack's size, a date).
    static func bracketedCountBefore(_ before: [String], _ raw: String) -> (count: Int, each: Bool)? {
        guard (1...4).contains(before.count) else { return nil }
        var count: Int?
        var each = raw.unicodeScalars.contains { $0 == "×" || $0 == "@" }
        for word in before {
            if let number = Int(word), word.utf8.count <= 3 {
                guard count == nil, (1...999).contains(number) else { return nil }
                count = number
            } else if word == "x" || word == "a" || word == "at" || ItemVocabulary.eachWords.contains(word) {
                guard count != nil else { return nil }
                each = true
            } else if !(ItemVocabulary.quantityWords.contains(word) || ItemVocabulary.countUnitWords.contains(word)
                || ItemVocabulary.perUnitWords.contains(word))
            {
                return nil
            }
        }
        return count.map { ($0, each) }
    }
}

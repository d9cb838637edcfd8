import Intl

/// A line that may name the item whose price comes on a later line, with the count written
/// before it (`2× Menú Whopper`).
struct PendingName {
    var text: String
    var quantity: Int?
    /// Whether the line surely names an item (a count before it, a route): the detail lines
    /// under it (`Extra: Jalapeños`, `Fr, 07.03.2025 · ICE 517`) do not replace it.
    var strong: Bool
    /// Whether the line reads as a variant (`Khaki / 32x32`, `Blanc / M`): short parts between slashes.
    var variant: Bool
    /// Whether the line is the first name of a block (after a blank line, a closed item, or a
    /// line that is no name): the name lines under it are its details (`2 litre pot`, `Taille L`).
    var opensBlock = false
    /// Whether a line that is no name nor detail came after it: the next name replaces it.
    var sealed = false
    /// The paragraph (run of lines between blank lines) it stands in.
    var paragraph = 0
    /// Whether it is the first line of its paragraph.
    var opensParagraph = false
    /// Whether it stands right under the line that closed the item before it, or under a line
    /// that ended a block (an order's field): the short name lines under it, up to the next
    /// count or price, are its details (`Midnight`, `Occasion - Comme neuf`).
    var afterItem = false
    /// The spaces its line opens with, and the line's index.
    var indent = 0
    var line = -1

    /// `departsBelow`: a departure's line (`Salida 05/02 08:00  Llegada 10:30`) follows the
    /// line, so places set apart by a dash (`AVE Madrid - Barcelona, Básico`) make a route too.
    init?(_ line: TextLine, departsBelow: Bool = false) {
        let route = TextItemReader.isRoute(line.text) || (departsBelow && TextItemReader.isDashRoute(line.text))
        guard route || (TextItemReader.isNameLike(line) && !TextItemReader.isProse(line) && !TextItemReader.isOrderField(line)
            && !TextItemReader.isColumnHeadingLine(line))
        else {
            return nil
        }
        self.init(line.text, route: route)
        // "Kettenschloss (2 Stück)        2": a parcel's aligned count column.
        if !strong, !route, let (name, count) = TextItemReader.countColumn(line) {
            text = name
            quantity = count
            strong = true
            variant = false
        } else if quantity == nil, !route, line.amounts.isEmpty, let (count, name) = TextItemReader.hyphenSegmentCount(line.text) {
            // "Odkurzacz Xiaomi Robot Vacuum S20+ biały - 1 szt.": a parcel's line, its count with its unit word after a dash.
            text = TextItemReader.cleanName(name)
            quantity = count
            strong = true
            variant = false
        }
    }

    /// A title with a colon opening a paragraph (`The Witcher 3: Wild Hunt`, `Gödel, Escher,
    /// Bach: An Eternal Golden Braid`): a name when its label is no field's (`Order ID: …`). A
    /// label of one word (`Cadeau : Trousse de toilette`) only where the caller knows the line
    /// opens an item's block.
    init?(title line: TextLine, minimumLabelWords: Int = 2) {
        guard line.amounts.isEmpty, TextItemReader.isTitleWithColon(line.text, minimumLabelWords: minimumLabelWords) else { return nil }
        self.init(line.text, route: false)
    }

    private init?(_ written: String, route: Bool) {
        // "  Ref. 69584211  Perceuse-visseuse sans fil": a reference's column before the name.
        let line = route ? written : TextItemReader.afterCodeColumn(written) ?? written
        text = TextItemReader.cleanName(line)
        quantity = nil
        if !route, let (count, rest) = TextItemReader.timesPrefix(line), TextItemReader.timesPrefix(Self.lastPart(of: rest)) == nil {
            // "2x USB-C, 1x USB-A" lists a product's ports, it counts no item.
            quantity = count
            text = TextItemReader.cleanName(rest)
        } else if !route, let (count, rest) = TextItemReader.unitCountPrefix(line) {
            // "1 Stück  Harley Benton CST-24T", "2 pcs Tea towel": the count with its unit word.
            quantity = count
            text = TextItemReader.cleanName(rest)
        } else if !route, let (count, rest) = TextItemReader.trailingBracketQuantity(text) ?? TextItemReader.trailingTimesQuantity(text) {
            // "Moka Express 6 tazze (x1)", "Socks x 2".
            quantity = count
            text = TextItemReader.cleanName(rest)
        }
        guard text.unicodeScalars.contains(where: \.properties.isAlphabetic) else { return nil }
        strong = route || quantity != nil
        variant = !strong && TextItemReader.isVariantLine(text)
    }

    /// The text after the last comma or slash (`1x USB-A` in `2x USB-C, 1x USB-A`).
    private static func lastPart(of text: String) -> String {
        guard let separator = text.lastIndex(where: { $0 == "," || $0 == "/" || $0 == "+" }) else { return "" }
        return String(text[text.index(after: separator)...])
    }

    /// Whether this name takes the place of `current` as the name of the item being read. A
    /// counted name always does; in plain text a new paragraph starts
    /// a new item; the first name of a block keeps its place against the detail lines under it;
    /// otherwise the later line names the item (headings and prose come before names), unless
    /// it is a variant line.
    func replaces(_ current: PendingName?, paragraphs: Bool) -> Bool {
        guard let current else { return true }
        if strong { return true }
        // A route or a counted name outlives its detail lines and the next paragraph (a fare
        // under its journey); not an order's fields after it.
        if current.strong { return current.sealed && paragraphs && opensParagraph && paragraph != current.paragraph }
        if current.sealed { return true }
        // "iCloud+" over "iCloud+ 200 GB (Monthly)": a line that repeats the one above and goes on
        // names the item, the shorter one was its heading.
        if TextItemReader.extendsLine(text, current.text) { return true }
        // A variant line (`Khaki / 32x32`, `Gray · L`), or a short line (`Midnight`) under a name
        // right after a closed item, details that name whatever the blank lines between them; a
        // longer line under a heading there (`Arriving Friday`) names the next item.
        if variant || (current.afterItem && text.utf8.count < current.text.utf8.count && Words(TextFolding.fold(text)).count <= 3) {
            return false
        }
        if paragraphs, paragraph != current.paragraph { return true }
        // "DIOR" over "Rouge Dior - Rouge à lèvres": a brand in capitals over the product's name.
        if TextItemReader.isBrandLine(current.text, over: text, then: nil) { return true }
        if current.opensBlock { return false }
        return !variant
    }
}

extension TextItemReader {
    /// Whether a line is a text table's column headings (`Articolo   Sku   Qtà   Subtotale`, `Product   Qty
    /// Price`): three cells or more without digits, all but one naming a column, a name's among them and
    /// a count's or a price's. Such a line names no item.
    static func isColumnHeadingLine(_ line: TextLine) -> Bool {
        guard !line.hasDigit, line.text.utf8.count <= 160 else { return false }
        let cells = line.cells.filter { !$0.isEmpty }
        guard cells.count >= 3 else { return false }
        let columns = cells.compactMap(ItemVocabulary.column(ofHeader:))
        guard columns.count >= 3, columns.count >= cells.count - 1, columns.contains(.name) else { return false }
        return columns.contains { $0 != .name && $0 != .sku }
    }

    /// What the one price of the lines under the first column heading is, when the heading names
    /// only a line total (`Aantal  Product  Bedrag`) or only a unit price (`Qty  Item  Unit price`).
    static func headingReading(_ lines: [TextLine]) -> ItemPricing.Reading? {
        guard let heading = lines.first(where: isColumnHeadingLine) else { return nil }
        let columns = Set(heading.cells.compactMap(ItemVocabulary.column(ofHeader:)))
        if columns.contains(.lineTotal), !columns.contains(.unitPrice), !columns.contains(.price) { return .line }
        if columns.contains(.unitPrice), !columns.contains(.lineTotal) { return .unit }
        return nil
    }

    /// "2× Pizza", "2 x Pizza", "3x Pizza": a count marked by a times sign before a name.
    static func timesPrefix(_ text: String) -> (Int, String)? {
        let scalars = Array(stripBullet(text.trimmedSpaces()).unicodeScalars)
        var index = 0
        while index < scalars.count, index < 4, DecimalText.digitValue(scalars[index]) != nil { index += 1 }
        guard index > 0, let count = Int(String(String.UnicodeScalarView(scalars[..<index]))), (1...999).contains(count) else { return nil }
        var cursor = index
        while cursor < scalars.count, MoneyScanner.isSpace(scalars[cursor]) { cursor += 1 }
        guard cursor + 1 < scalars.count, ["x", "X", "×"].contains(scalars[cursor]), !MoneyScanner.isWordScalar(scalars[cursor + 1]) else {
            return nil
        }
        let rest = String(String.UnicodeScalarView(scalars[(cursor + 1)...])).trimmedSpaces()
        guard rest.unicodeScalars.contains(where: \.properties.isAlphabetic) else { return nil }
        return (count, rest)
    }

    /// Whether a line opens with a quantity label and its count (`Quantity: 1 …`, `Qté : 2 …`).
    static func opensWithQuantity(_ line: TextLine) -> Bool {
        let words = Words(line.folded, maximumCount: 3).items
        guard words.count >= 2 else { return false }
        if ItemVocabulary.quantityLabels.contains(words[0]) { return Int(words[1]) != nil }
        return words.count >= 3 && words[0] == "q" && ["te", "ta", "ty"].contains(words[1]) && Int(words[2]) != nil
    }

    /// Whether the summary amounts read on line `index` are only charges (shipping, fees), no
    /// total, subtotal, tax or refund.
    static func chargeOnly(_ summary: OrderSummary, at index: Int) -> Bool {
        summaryLine(summary, at: index, onlyOf: [.shipping, .fee])
    }

    /// Whether the summary read the line at `index`, and read only amounts of these kinds on it.
    static func summaryLine(_ summary: OrderSummary, at index: Int, onlyOf kinds: Set<SummaryKind>) -> Bool {
        let read = summary.lines.lazy.filter { $0.line == index }.map(\.kind)
        return !read.isEmpty && read.allSatisfy(kinds.contains)
    }

    /// Whether an item line with its count written (`1 szt. × 24,50 zł`), or a count's own line
    /// (`Quantity: 2`), comes within the six lines after `index`, before any line of the order's summary.
    static func countedItemFollows(_ lines: [TextLine], after index: Int, resolver: CurrencyResolver) -> Bool {
        for next in (index + 1)..<min(lines.count, index + 7) where lines[next].hasDigit {
            // "Quantity: 2" on its own line, as item cards write their count.
            if lines[next].amounts.isEmpty {
                if opensWithQuantity(lines[next]) { return true }
                continue
            }
            guard SummaryLabel.kind(ofFolded: lines[next].folded) == nil else { return false }
            if let candidate = read(lines[next], resolver: resolver), candidate.quantityStated { return true }
        }
        return false
    }

    /// "2 AH Halfvolle melk, 1,5 L   2,78" / "1 Jong belegen kaas   4,99" / "3 Hak Bruine bonen   4,47": when
    /// every item of a list (three or more, their counts not read) opens its name with a number
    /// of one or two digits and a word, a count column stands before the names; each price is the
    /// count's or the unit's, as the order's sums decide. A single "7 Up" or "3 Musketeers" keeps its name.
    static func withCountColumn(_ items: [ItemCandidate]) -> [ItemCandidate] {
        guard items.count >= 3, items.allSatisfy({ !$0.quantityStated && $0.quantity == 1 && $0.price != nil && $0.unitPrice == nil && $0.lineTotal == nil })
        else { return items }
        let opened = items.compactMap { openingCount($0.name) }
        guard opened.count == items.count, opened.contains(where: { $0.0 > 1 }) else { return items }
        return zip(items, opened).map { item, opening in
            var counted = item
            counted.quantity = opening.0
            counted.name = opening.1
            counted.quantityStated = true
            return counted
        }
    }

    /// Whether a line opening with a count and a name, priced, comes within the six lines after
    /// `index` before any line of the order's summary (the next item of a count column's list).
    static func countOpenedItemFollows(_ lines: [TextLine], after index: Int, resolver: CurrencyResolver) -> Bool {
        for next in (index + 1)..<min(lines.count, index + 7) where lines[next].hasDigit {
            guard SummaryLabel.kind(ofFolded: lines[next].folded) == nil else { return false }
            if let candidate = read(lines[next], resolver: resolver), openingCount(candidate.name) != nil { return true }
        }
        return false
    }

    /// "1 Stück  Harley Benton", "3 szt. Kubek": a count and its unit word opening a name (not
    /// `St.`, which opens a street's or a saint's name). `nil` for any other text.
    static func unitCountPrefix(_ text: String) -> (Int, String)? {
        let scalars = Array(stripBullet(text).unicodeScalars)
        var digits = 0
        while digits < scalars.count, digits < 4, scalars[digits].isASCII, DecimalText.digitValue(scalars[digits]) != nil { digits += 1 }
        guard digits > 0, digits < scalars.count, MoneyScanner.isSpace(scalars[digits]),
            let count = Int(String(String.UnicodeScalarView(scalars[..<digits]))), (1...999).contains(count)
        else { return nil }
        var start = digits
        while start < scalars.count, MoneyScanner.isSpace(scalars[start]) { start += 1 }
        guard let (nameStart, word) = countUnitWord(scalars, from: start), word != "st" else { return nil }
        return (count, String(String.UnicodeScalarView(scalars[nameStart...])))
    }

    /// Whether a line opens with an amount said to be each unit's, then more amounts: a price's
    /// label and a unit's word after the amount (`Prix : 24,99 € / unité — Total : 49,98 €`), or
    /// a word saying each before it (`je 9,90 EUR   gesamt 19,80 EUR`): an item's prices.
    static func opensWithUnitPrice(_ line: TextLine) -> Bool {
        let amounts = line.amounts
        guard amounts.count >= 2, let first = amounts.first, !first.isBare else { return false }
        let label = Words(line.foldedSlice(from: 0, to: first.range.lowerBound))
        guard label.count >= 1, label.count <= 3 else { return false }
        if label.items.last.map(ItemVocabulary.eachWords.contains) == true { return true }
        guard label.containsAny(ItemVocabulary.priceWords) else { return false }
        let after = Words(line.foldedSlice(from: first.range.upperBound, to: amounts[1].range.lowerBound)).items
        return after.first.map(ItemVocabulary.perUnitWords.contains) ?? false
    }

    /// An item's detail line: its quantity, then its labelled prices
    /// (`Quantity: 1   Unit price: £32.95   Total: £32.95`); the name is the caller's.
    static func detailLine(_ line: TextLine, resolver: CurrencyResolver) -> ItemCandidate? {
        guard !line.amounts.isEmpty, !line.amounts.contains(where: \.negative), opensWithQuantity(line) || opensWithUnitPriceLabel(line),
            let count = labelledQuantity(line.folded), !namesAfterCount(line)
        else { return nil }
        var candidate = ItemCandidate(name: "", quantity: count)
        var start = 0
        for (position, token) in line.amounts.enumerated() {
            var label = Words(line.foldedSlice(from: start, to: token.range.lowerBound))
            start = token.range.upperBound
            let amount = OrderSummary.amount(token, resolver: resolver)
            // "Quantity: 2 · £12.00 each £24.00": the word after an amount saying each is that amount's.
            let next = position + 1 < line.amounts.count ? line.amounts[position + 1].range.lowerBound : line.scalars.count
            let following = Words(line.foldedSlice(from: token.range.upperBound, to: next), maximumCount: 1).items.first
            if let word = following, ItemVocabulary.eachWords.contains(word) || ItemVocabulary.perUnitWords.contains(word) {
                candidate.unitPrice = amount
                continue
            }
            if position > 0, let first = label.items.first, ItemVocabulary.eachWords.contains(first) || ItemVocabulary.perUnitWords.contains(first) {
                label = Words(items: Array(label.items.dropFirst()))
            }
            if label.containsAny(ItemVocabulary.unitWords) || label.containsPhrase(ItemVocabulary.unitPhrases) {
                candidate.unitPrice = amount
            } else if label.containsAny(ItemVocabulary.lineTotalWords) {
                candidate.lineTotal = amount
            } else {
                candidate.price = amount
            }
        }
        // "Qty: 2  Price: £3.50  Total: £7.00": beside a line total, the other price is the unit's.
        if candidate.unitPrice == nil, candidate.lineTotal != nil, let price = candidate.price {
            candidate.unitPrice = price
            candidate.price = nil
        }
        return candidate
    }

    /// Whether a line opening with a count's label names its item in the next cell, before the
    /// price (`Anzahl 1   Victorinox Huntsman, rot   CHF 54.90`, `- Cantidad: 1 | Kingston FURY |
    /// 104,99 €`): an item's line, no detail line.
    static func namesAfterCount(_ line: TextLine) -> Bool {
        guard let first = line.amounts.first else { return false }
        let before = line.slice(from: 0, to: first.range.lowerBound)
        var cells = TextLine(before).cells.filter { !$0.isEmpty }
        // "Ilość: 1 - Kask rowerowy Kellys Dare II - 219,00 zł": the count's field, a dash, the name.
        if cells.count == 1, let split = labelledCountThenDash(before) { cells = [split.field, split.name] }
        guard cells.count >= 2 else { return false }
        let opening = stripBullet(cells[0])
        let words = Words(TextFolding.fold(cells[1]))
        if isLabelledCountCell(opening) {
            // Not "Qté : 2   P.U. : 1,98 €", "Qté : 1   (au lieu de 39,00 €) 29,00 €", "Cantidad: 1 | P.V.P. 26,95 €":
            // the next cell is a name of two words or more, one a word, no price's label, and no other colon
            // comes before the price.
            let colons = line.slice(from: 0, to: first.range.lowerBound).utf8.lazy.filter { $0 == 0x3A }.count
            guard colons == 1, words.count >= 2, words.items.contains(where: { $0.count >= 3 }), !words.containsPhrase(ItemVocabulary.unitPhrases),
                cells[1].unicodeScalars.first?.properties.isAlphabetic == true
            else { return false }
        } else if bareLabelledCount(opening) == nil {
            return false
        }
        // Not "Anzahl 1   Einzelpreis 299,00 €": a price's label after the count.
        let priceLabel = words.containsAny(ItemVocabulary.priceWords) || words.containsAny(ItemVocabulary.unitWords)
            || words.containsAny(ItemVocabulary.lineTotalWords)
        guard !cells[1].utf8.contains(0x3A), words.count > 2 || !priceLabel else { return false }
        return cells[1].unicodeScalars.contains(where: \.properties.isAlphabetic)
    }

    /// A cell holding only a count's label, its colon and the count (`Cantidad: 1`, `Qté : 2`).
    static func isLabelledCountCell(_ cell: String) -> Bool {
        guard cell.utf8.count <= 20, let (label, value) = labelValue(cell), ItemVocabulary.quantityLabels.contains(label.lastWordOrSelf) else { return false }
        return bareCount(value) != nil
    }

    /// Whether a line opens with a unit price's label and its amount, a count's label after it
    /// (`Unit price: £14.90  Quantity: 2  Subtotal: £29.80`, `Prix unitaire : 9,90 €  Qté : 3`,
    /// `Prix : 3,20 € · Quantité : 2`).
    static func opensWithUnitPriceLabel(_ line: TextLine) -> Bool {
        guard let first = line.amounts.first, !first.isBare else { return false }
        let label = Words(line.foldedSlice(from: 0, to: first.range.lowerBound))
        guard label.count >= 1, label.count <= 3 else { return false }
        // "Prix : 3,20 € · Quantité : 2 · Total : 6,40 €": a price's word, the count's label after it, says the unit's price too.
        guard label.containsAny(ItemVocabulary.unitWords) || label.containsPhrase(ItemVocabulary.unitPhrases)
            || label.containsAny(ItemVocabulary.priceWords)
        else { return false }
        // The first word after the amount, past a separator (`·`, `|`) that reads as a word of its own.
        let after = Words(line.foldedSlice(from: first.range.upperBound, to: line.scalars.count), maximumCount: 3).items
        return after.first(where: { $0.unicodeScalars.contains { $0.properties.isAlphabetic } }).map(ItemVocabulary.quantityLabels.contains) ?? false
    }

    /// A label and its value in two cells of a line (`Article | Chemise en lin`, a two-column
    /// table rendered without a colon): a label of up to three words without digits, and a
    /// value that is no label itself (`Article | Prix` is a header row).
    static func cellLabelValue(_ line: TextLine) -> (label: String, value: String)? {
        let cells = line.cells
        // "Item   The Legend of Zelda: Echoes of Wisdom": a colon in the value's cell is the title's.
        guard cells.count == 2, !cells[0].contains(":") else { return nil }
        let words = Words(TextFolding.fold(cells[0]))
        guard !words.isEmpty, words.count <= 3, !cells[0].unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }),
            !ItemVocabulary.isNonItemName(cells[1])
        else { return nil }
        return (words.items.joined(separator: " "), cells[1])
    }

    /// The items without those after a run of name-over-count blocks that are single priced
    /// lines without a count (`Kurier DPD  0,00 zł` under `Name` / `4,49 zł x 12 = 53,88 zł`
    /// blocks): the layout changed, and the lines are the order's charges and totals.
    /// Items whose names all open with a bare count one space before a capital (`1 Pizza Grande
    /// Pepperoni`, `2 Frites`, `1 Cookies x4`): a count column printed without its gap, so the count is
    /// the item's and what follows it, a pack's `x4` included, the name. Counts running 1, 2, 3… are a
    /// position column's, and one item alone proves nothing (`3 Musketeers`). Items whose line opened
    /// with a count read as such (`4 Laugenbrezeln   à 0,95 €   3,80 €`) count among them.
    static func withOpeningCounts(_ items: [ItemCandidate]) -> [ItemCandidate] {
        // Each name still opens with its count (a journey's route named above its fare line, `1 Erwachsener`, does not).
        guard items.count >= 2, items.contains(where: { $0.openingCount != nil }), items.allSatisfy({ item in
            if item.countOpensLine { return true }
            guard let opening = item.openingCount, let (count, _) = openingCount(item.name) else { return false }
            return count == opening.count
        }) else { return items }
        let counts = items.compactMap { $0.openingCount?.count }
        if items.count >= 3, counts == Array(1...items.count) { return items }
        return items.map { item in item.openingCount.map { reading(item, counted: $0.count, named: $0.name) } ?? item }
    }

    /// An item read with the count its name opened or closed with, and the rest of its name.
    static func reading(_ item: ItemCandidate, counted count: Int, named name: String) -> ItemCandidate {
        var read = item
        read.name = name
        read.quantity = count
        read.quantityStated = true
        read.openingCount = nil
        read.closingCount = nil
        return read
    }

    /// Items whose names all close with a bare count one space after a word (`Sourdough loaf, white 800g 1`,
    /// `Cinnamon bun 4`): a count column printed without its gap, the price the line's. Counts running
    /// 1, 2, 3… are no counts, and all ones prove nothing.
    static func withClosingCounts(_ items: [ItemCandidate]) -> [ItemCandidate] {
        guard items.count >= 2, items.allSatisfy({ $0.closingCount != nil && !$0.quantityStated }) else { return items }
        let counts = items.compactMap { $0.closingCount?.count }
        guard counts.contains(where: { $0 > 1 }), counts != Array(1...items.count) else { return items }
        return items.map { item in
            guard let (count, name) = item.closingCount else { return item }
            var read = reading(item, counted: count, named: name)
            read.countApart = true
            return read
        }
    }

    static func withoutChangedTail(_ items: [ItemCandidate]) -> [ItemCandidate] {
        let blocks = items.prefix { $0.namedAbove && $0.quantityStated }.count
        guard blocks >= 2, blocks < items.count, items[blocks...].allSatisfy({ !$0.namedAbove && !$0.quantityStated }) else { return items }
        return Array(items.prefix(blocks))
    }

    /// A cell that is a count and its unit word: `2 szt.`, `3 pcs`, `1 Stk.`, `2 uds.`; glued too
    /// (`1u.`, `2pcs`).
    static func countedQuantity(_ cell: String) -> Int? {
        var words = Words(TextFolding.fold(cell)).items
        if words.count == 1 { return gluedUnitCount(words[0]) }
        // "2 billet(s)", "3 ticket(s)": the unit word with its plural's ending in brackets.
        if words.count == 3, cell.hasSuffix(")"), ["s", "es", "e", "en", "i", "y"].contains(words[2]) { words.removeLast() }
        guard words.count == 2, ItemVocabulary.perUnitWords.contains(words[1]) || ItemVocabulary.quantityWords.contains(words[1])
                || ItemVocabulary.countUnitWords.contains(words[1]) || ItemVocabulary.ticketWords.contains(words[1]),
            words[0].utf8.count <= 4, let count = Int(words[0]), (1...9_999).contains(count)
        else { return nil }
        return count
    }

    /// `1u`, `2pcs`, `3stk` (folded): up to four digits glued to a count's unit word.
    static func gluedUnitCount(_ word: String) -> Int? {
        let digits = word.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count <= 4, digits.count < word.utf8.count else { return nil }
        let unit = String(decoding: word.utf8.dropFirst(digits.count), as: UTF8.self)
        guard ItemVocabulary.perUnitWords.contains(unit) || ItemVocabulary.quantityWords.contains(unit)
            || ItemVocabulary.countUnitWords.contains(unit),
            let count = Int(String(decoding: digits, as: UTF8.self)), (1...9_999).contains(count)
        else { return nil }
        return count
    }

    /// The item name written before a line's attribute or quantity labels
    /// (`Pull en laine Quantité: 1` → `Pull en laine`), when there is one.
    static func nameBeforeLabels(_ text: String) -> String? {
        let cut = cutAtAttributes(text)
        guard cut != text, cut != cleanName(text), !cut.isEmpty, !ItemVocabulary.isNonItemName(cut), labelValue(cut) == nil else { return nil }
        return cut
    }

    /// Whether a text opens with an attribute's word (`Taille 4 ans`, `Pointure 30 · jaune`,
    /// `Size M`): an item's variant, not its name.
    static func opensWithAttribute(_ text: String) -> Bool {
        guard let first = Words(TextFolding.fold(text)).items.first else { return false }
        return ItemVocabulary.attributeLabels.contains(first)
    }

    /// A variant line (`Khaki / 32x32`, `Noir / 42 / Large`, `Gray · L`): two to four short
    /// parts between slashes or middle dots, each of at most three words.
    static func isVariantLine(_ text: String) -> Bool {
        guard text.utf8.count <= 60 else { return false }
        let separator = text.containsBytes(" / ") ? " / " : " · "
        guard text.containsBytes(separator) else { return false }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        return (2...4).contains(parts.count) && parts.allSatisfy { part in
            let words = part.split(separator: " ")
            return !words.isEmpty && words.count <= 3 && part.utf8.count <= 24
        }
    }
}

extension String.UTF8View {
    /// Whether `needle` occurs in the bytes (a short needle in a short line).
    func elementsEqualAnywhere(_ needle: [UInt8]) -> Bool {
        let bytes = Array(self)
        guard !needle.isEmpty, needle.count <= bytes.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}


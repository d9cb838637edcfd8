import Foundation
import HTML
import Intl

/// What the layout of an item table says beyond its header's words: the lines of a small table
/// wrapped in a name cell, columns read from the rows under an unknown header, counts printed
/// with the names, section headings between item rows, the totals block under them.
extension HTMLTableReader {
    /// The lines of a cell whose content is wrapped in a small table of its own (a product's
    /// name, reference and options laid out in a one-cell table inside the item row's first
    /// cell): the nested tables' lines, row by row. `nil` when a nested table is a layout of
    /// its own (more than four rows or eight lines, or tables nested again).
    static func wrappedLines(_ cell: HTMLTables.Cell, in tables: [HTMLTables.Table]) -> [String]? {
        guard !cell.nested.isEmpty, cell.nested.count <= 2 else { return nil }
        var lines: [String] = []
        for index in cell.nested {
            guard index < tables.count, tables[index].rows.count <= 4 else { return nil }
            for row in tables[index].rows {
                for inner in row {
                    guard !inner.hasTable else { return nil }
                    lines += inner.lines
                }
            }
        }
        return lines.isEmpty || lines.count > 8 ? nil : lines
    }

    /// The columns of a header row whose words are not known (`Vino | Botellas | Precio/bot. |
    /// Importe`), read from the rows under it: filled rows of as many cells, one column of
    /// names, one of counts, and one or two of amounts; of two, the first is the unit price
    /// when each row's count times it makes the second.
    static func inferredHeader(_ rows: [[Cell]], at index: Int) -> [Int: ItemVocabulary.Column]? {
        let row = rows[index]
        guard row.count >= 3, row.count <= 8, index + 1 < rows.count, rows[index + 1].count == row.count,
            row.allSatisfy({ !$0.hasTable && $0.lines.count == 1 && $0.flat.utf8.count <= 30 && !$0.flat.unicodeScalars.contains { DecimalText.digitValue($0) != nil } })
        else { return nil }
        let data = rows[(index + 1)...].prefix { next in next.count == row.count && next.allSatisfy { !$0.hasTable && !$0.lines.isEmpty } }
        guard !data.isEmpty else { return nil }
        var names: [Int] = []
        var counts: [Int] = []
        var money: [Int] = []
        for (position, cell) in row.enumerated() {
            let values = data.map { $0[position] }
            if values.allSatisfy(isPriceCell) {
                money.append(cell.column)
            } else if values.allSatisfy({ TextItemReader.standaloneQuantity($0.flat) ?? TextItemReader.countedQuantity($0.flat) != nil }) {
                counts.append(cell.column)
            } else if values.allSatisfy({ $0.flat.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3 && !isPriceCell($0) }) {
                names.append(cell.column)
            }
        }
        guard names.count == 1, counts.count == 1, (1...2).contains(money.count) else { return nil }
        var columns: [Int: ItemVocabulary.Column] = [names[0]: .name, counts[0]: .quantity]
        guard money.count == 2 else {
            columns[money[0]] = .price
            return columns
        }
        // Each row's count times the first amount makes the second: unit price and line total.
        let products = data.allSatisfy { next in
            func value(_ column: Int) -> Amount? {
                next.first { $0.column == column }.flatMap { moneyToken($0.flat) }.flatMap { OrderSummary.amount($0, resolver: CurrencyResolver(domain: nil)) }
            }
            guard let countCell = next.first(where: { $0.column == counts[0] }),
                let count = TextItemReader.standaloneQuantity(countCell.flat) ?? TextItemReader.countedQuantity(countCell.flat),
                let unit = value(money[0]), let line = value(money[1]), let currency = unit.currency ?? line.currency,
                let unitMinor = unit.minorUnits(in: currency), let lineMinor = line.minorUnits(in: currency)
            else { return false }
            return abs(unitMinor * Int64(count) - lineMinor) <= 1
        }
        guard products else { return nil }
        columns[money[0]] = .unitPrice
        columns[money[1]] = .lineTotal
        return columns
    }

    /// The columns of a known header with a count column its words do not name (`Bottles |
    /// Description | Price £ | Amount £`): a header cell over small whole numbers in every
    /// filled row under it up to the next header (empty in the charges' rows) is the quantity's;
    /// numbers 1, 2, 3… in order are the rows' positions, not counts.
    static func withCountColumn(_ columns: [Int: ItemVocabulary.Column], header row: [Cell], rows: some Collection<[Cell]>) -> [Int: ItemVocabulary.Column] {
        guard !columns.values.contains(.quantity) else { return columns }
        for cell in row where cell.span == 1 && !cell.flat.isEmpty && columns[cell.column] == nil
            && !ItemVocabulary.attributeLabels.contains(Words(TextFolding.fold(cell.flat)).items.first ?? "")
        {
            var counts: [Int] = []
            var fits = true
            for next in rows.prefix(maximumItems) {
                if header(next) != nil { break }
                guard let value = next.first(where: { $0.column == cell.column && $0.span == 1 }), !value.flat.isEmpty else { continue }
                guard let count = TextItemReader.bareCount(value.flat) else { fits = false; break }
                counts.append(count)
            }
            guard fits, !counts.isEmpty, counts.count < 2 || counts != Array(1...counts.count) else { continue }
            var found = columns
            found[cell.column] = .quantity
            return found
        }
        return columns
    }

    /// A row of product cards side by side (`La Sportiva TX4` / `Größe 39,5` / `Menge: 1` /
    /// `169,95 €` beside the next product's card): an item per card, when every filled cell is a
    /// card with a count's line that reads as one. Products recommended in a grid have no count.
    static func cardItems(_ row: [Cell], resolver: CurrencyResolver) -> [ItemCandidate]? {
        guard row.count >= 2, !row.contains(where: { $0.hasTable || $0.wrapped }) else { return nil }
        let filled = row.filter { !$0.lines.isEmpty }
        guard filled.count >= 2, filled.allSatisfy({ isProductCard($0) && $0.lines.dropFirst().contains { countLine($0) != nil } }) else {
            return nil
        }
        let items = filled.compactMap { blockItem($0, resolver: resolver) }
        return items.count == filled.count ? items : nil
    }

    /// Whether a candidate's quantity times its unit price makes its line total.
    static func multiplies(_ candidate: ItemCandidate) -> Bool {
        guard let unit = candidate.unitPrice, let line = candidate.lineTotal, let currency = unit.currency ?? line.currency,
            let unitMinor = unit.minorUnits(in: currency), let lineMinor = line.minorUnits(in: currency), lineMinor > 0
        else { return false }
        return abs(unitMinor * Int64(candidate.quantity) - lineMinor) <= 1
    }

    /// The count a line under an item's name gives: labelled (`Qté : 2`), with its sign alone
    /// (`× 2`, `2x`) or with a unit word (`2 pcs`).
    static func countLine(_ line: String) -> Int? {
        if let count = TextItemReader.labelledQuantity(TextFolding.fold(line)) { return count }
        guard line.utf8.count <= 12, line.unicodeScalars.contains(where: { $0 == "x" || $0 == "×" || $0 == "X" }) else {
            return line.utf8.count <= 12 ? TextItemReader.countedQuantity(line) : nil
        }
        return TextItemReader.standaloneQuantity(line)
    }

    /// A line that is only a number from 1 to 99.
    static func bareCount(_ line: String) -> Int? {
        let text = line.trimmedSpaces()
        guard text.utf8.count <= 2, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let count = Int(text), count >= 1 else { return nil }
        return count
    }

    /// A row of one short cell without an amount that heads no recommendations: a heading
    /// inside the item rows (a partial shipment's `Still to come`).
    static func isSectionHeading(_ row: [Cell]) -> Bool {
        let filled = row.filter { !$0.lines.isEmpty }
        guard filled.count == 1, filled[0].lines.count <= 2, filled[0].flat.utf8.count <= 60,
            MoneyScanner.scan(filled[0].flat).allSatisfy(\.isBare)
        else { return false }
        let folded = TextFolding.fold(filled[0].flat)
        return !ItemRegions.isRecommendationHeading(folded: folded) && SummaryLabel.kind(ofFolded: folded) == nil
    }

    /// The text of the row right above the cell a table is nested in, when that row is one
    /// name-like cell: one line with letters, no amount, no summary's or list heading's words.
    static func titleAbove(table index: Int, in scanned: [HTMLTables.Table], tables: [[[Cell]]]) -> String? {
        for (parent, table) in scanned.enumerated() where parent < index {
            for (rowIndex, row) in table.rows.enumerated() where row.contains(where: { $0.nested.contains(index) }) {
                guard rowIndex > 0 else { return nil }
                let filled = tables[parent][rowIndex - 1].filter { !$0.lines.isEmpty }
                guard filled.count == 1, filled[0].lines.count == 1, !filled[0].hasTable, let text = filled[0].lines.first,
                    text.utf8.count <= 120, MoneyScanner.scan(text).allSatisfy(\.isBare),
                    text.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3
                else { return nil }
                let name = TextItemReader.cleanName(text)
                let words = Words(TextFolding.fold(name))
                guard SummaryLabel.kind(of: name) == nil, !ItemVocabulary.isNonItemName(name), !ItemVocabulary.isListHeading(words.items),
                    !ItemRegions.isRecommendationHeading(folded: TextFolding.fold(name)), !name.hasSuffix(":")
                else { return nil }
                return name
            }
        }
        return nil
    }

    /// Whether a row is a charge's (a fee's or a deposit's short label, `Pfand`, `Frais de
    /// service`) with its amount, maybe after a count: no item, nor the order's totals.
    static func isChargeBetweenItems(_ row: [Cell]) -> Bool {
        let filled = row.filter { !$0.lines.isEmpty }
        guard filled.count >= 2, filled.count <= 3, !row.contains(where: \.hasTable),
            MoneyScanner.scan(filled[filled.count - 1].flat).contains(where: { !$0.isBare && !$0.negative })
        else { return false }
        let labels = filled.dropLast().filter { TextItemReader.standaloneQuantity($0.flat) == nil }
        guard labels.count == 1, let label = labels.first, label.flat.utf8.count <= 40 else { return false }
        // "zzgl. Pfand 2x 3,30 € | 6,60 €", "dont éco-participation | 0,50 €": charged on top of the item above, or in it.
        if let first = Words(TextFolding.fold(label.flat), maximumCount: 1).items.first, OrderSummary.opensItemCharge(first) { return true }
        guard SummaryLabel.kind(ofFolded: TextFolding.fold(label.flat)) == .fee else { return false }
        return isChargeRow(label.flat, kind: .fee)
    }

    /// Whether a row is a subtotal's or a total's: a label cell of that kind and an amount.
    static func opensTotals(_ row: [Cell]) -> Bool {
        let filled = row.filter { !$0.lines.isEmpty }
        // The amount first: the label's kind costs more to read.
        guard filled.count >= 2, let label = filled.first, label.flat.utf8.count <= 60,
            MoneyScanner.scan(filled[filled.count - 1].flat).contains(where: { !$0.isBare }),
            let kind = SummaryLabel.kind(ofFolded: TextFolding.fold(label.flat))
        else { return false }
        return kind == .subtotal || kind == .total
    }

    /// A run of rows whose names all end with a bare number, or print one on a line of their
    /// own, most of them `1` (`Hollow Knight 1`, `Broccoli 200g 2`): a count printed with the
    /// name in its cell, not part of the names.
    static func withTrailingCounts(_ items: [ItemCandidate]) -> [ItemCandidate] {
        guard items.count >= 2, !items.contains(where: \.quantityStated) else { return items }
        let counts = items.map { item in item.looseCount.map { ($0, item.name) } ?? TextItemReader.trailingBareCount(item.name) }
        guard counts.allSatisfy({ $0 != nil }), counts.filter({ $0?.0 == 1 }).count * 2 >= counts.count else { return items }
        return zip(items, counts).map { item, found in
            var counted = item
            if let (count, rest) = found {
                counted.name = rest
                counted.quantity = count
                counted.quantityStated = true
            }
            return counted
        }
    }

    /// Zero, for a price cell holding only a word meaning free (`Gratuit`, `Free`, `Gratis`).
    static func freeAmount(_ text: String) -> Amount? {
        let folded = TextFolding.fold(text).trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
        guard folded != "0", SummaryLabel.freeWords.contains(folded) else { return nil }
        return Amount(number: DecimalText(integer: "0", fraction: ""), currency: nil)
    }
}

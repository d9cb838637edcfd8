import HTML
import Intl

/// Line items in HTML tables: a header row naming the columns (`Article | Qté | Prix`,
/// `Item | Qty | Price`, `Artikel | Menge | Einzelpreis`, `Concepto | Cantidad | Importe`…)
/// and the rows under it; or, without a header, consecutive rows of a name and one amount.
enum HTMLTableReader {
    /// One `td`/`th` with its position in the row.
    struct Cell {
        /// The cell's text, line by line (`<br>` and blocks start lines).
        let lines: [String]
        let column: Int
        let span: Int
        let hasTable: Bool
        /// Whether the lines are those of a small table wrapped in the cell (`wrappedLines`).
        let wrapped: Bool
        /// The text on one line.
        let flat: String

        init(_ cell: HTMLTables.Cell, column: Int, inlined: [String]? = nil) {
            lines = inlined ?? cell.lines
            self.column = column
            span = cell.colspan
            hasTable = inlined == nil && cell.hasTable
            wrapped = inlined != nil
            flat = lines.joined(separator: " ")
        }

        var text: String { flat }
    }

    struct Result {
        var items: [ItemCandidate]
        var reading: ItemPricing.Reading?
    }

    /// Bounds on the work one mail may cost: order mail holds a few dozen rows, not thousands.
    static let maximumRows = 400
    static let maximumItems = 60

    static func items(inHTML html: String, resolver: CurrencyResolver) -> Result? {
        let scanned = HTMLTables.scan(html, maximumRows: maximumRows)
        let tables = scanned.map { table in table.rows.map { cells(of: $0, in: scanned) } }
        for (index, rows) in tables.enumerated() {
            if var result = headerItems(rows, resolver: resolver), !result.items.isEmpty {
                result.items = ItemVocabulary.withoutFreeExtras(result.items)
                return result
            }
            // A header drawn as a table of its own, its rows in the next tables.
            if let last = rows.last, let columns = header(last), index + 1 < tables.count {
                let following = tables[(index + 1)...].prefix(6).flatMap { $0 }
                if var result = items(following, columns: columns, resolver: resolver), !result.items.isEmpty {
                    result.items = ItemVocabulary.withoutFreeExtras(result.items)
                    return result
                }
            }
        }
        // Without a header: each table's run of item rows (shops often draw one table per item).
        var items: [ItemCandidate] = []
        for (index, rows) in tables.enumerated() where items.count < maximumItems {
            var found = headerlessItems(rows, resolver: resolver)
            // "Gerolsteiner Sprudel 12 x 0,75 l" over a small table "Glas | Menge 2 | 17,98 €": the
            // title row above the table's cell names its one item; the short name in it is a variant.
            if found.count == 1, rows.count == 1, let title = titleAbove(table: index, in: scanned, tables: tables),
                Words(TextFolding.fold(found[0].name)).count <= 3, found[0].name.utf8.count < title.utf8.count
            {
                found[0].name = title
            }
            items += found
        }
        // Names with a quantity and no price count only where no item has a price (a shipping notice).
        let priced = items.filter(\.hasPrice)
        if !priced.isEmpty { items = priced }
        // "Échantillon offert | 0,00 €", "Hors forfait | 0,00 €" beside bought items: given, not bought.
        items = ItemVocabulary.withoutFreeExtras(items)
        return items.isEmpty ? nil : Result(items: Array(items.prefix(maximumItems)), reading: nil)
    }

    static func cells(of row: [HTMLTables.Cell], in tables: [HTMLTables.Table] = []) -> [Cell] {
        var result: [Cell] = []
        var column = 0
        for cell in row {
            result.append(Cell(cell, column: column, inlined: cell.hasTable ? wrappedLines(cell, in: tables) : nil))
            column += cell.colspan
        }
        return result
    }

    // MARK: With a header

    static func headerItems(_ rows: [[Cell]], resolver: CurrencyResolver) -> Result? {
        for (index, row) in rows.enumerated() {
            guard var columns = header(row) ?? inferredHeader(rows, at: index) else { continue }
            columns = withCountColumn(columns, header: row, rows: rows[(index + 1)...])
            if let result = items(rows[(index + 1)...], columns: columns, resolver: resolver) { return result }
        }
        return nil
    }

    /// The items of the rows under a header, up to the next header.
    static func items(_ rows: some Collection<[Cell]>, columns: [Int: ItemVocabulary.Column], resolver: CurrencyResolver) -> Result? {
        var items: [ItemCandidate] = []
        // Per item: whether its row has cells before the name's column, and all of them empty.
        var unnumbered: [Bool] = []
        let nameColumn = columns.first { $0.value == .name }?.key ?? 0
        for next in rows where items.count < maximumItems {
            if header(next) != nil { break }  // another table's header
            if let item = item(next, columns: columns, resolver: resolver) {
                items.append(item)
                let leading = next.filter { $0.column < nameColumn }
                unnumbered.append(!leading.isEmpty && leading.allSatisfy(\.flat.isEmpty))
            }
        }
        // "| | Versandkostenpauschale | 1 | 5,95 €": in a grid whose item rows fill their position or
        // reference cells before the name, a charge's row that leaves them empty is no item.
        if unnumbered.contains(true), unnumbered.contains(false) {
            items = zip(items, unnumbered).filter { !($0.1 && SummaryLabel.kind(of: $0.0.name) != nil) }.map(\.0)
        }
        guard !items.isEmpty else { return nil }
        let kinds = Set(columns.values)
        var reading: ItemPricing.Reading?
        if kinds.contains(.unitPrice) { reading = .unit } else if kinds.contains(.lineTotal), !kinds.contains(.price) { reading = .line }
        return Result(items: items, reading: reading)
    }

    /// The columns a header row names, by position; `nil` when the row is no item header.
    static func header(_ row: [Cell]) -> [Int: ItemVocabulary.Column]? {
        guard row.count >= 2, row.count <= 12, !row.contains(where: \.hasTable) else { return nil }
        var columns: [Int: ItemVocabulary.Column] = [:]
        var beforeTax: Set<Int> = []
        for cell in row where !cell.flat.isEmpty {
            // At most 40 bytes is at most 40 characters; longer cells are counted (bytes when ASCII).
            guard cell.flat.utf8.count <= 40 || cell.flat.characterCount <= 40 else { return nil }
            guard let column = ItemVocabulary.column(ofHeader: cell.flat) else { continue }
            if !columns.values.contains(column) || column == .price {
                columns[cell.column] = column
                if ItemVocabulary.isBeforeTax(header: cell.flat) { beforeTax.insert(cell.column) }
            } else if let earlier = columns.first(where: { $0.value == column && beforeTax.contains($0.key) })?.key,
                !ItemVocabulary.isBeforeTax(header: cell.flat)
            {
                // "PU HT | PU TTC", "Netto | Brutto": the price paid is the one with its tax.
                columns[earlier] = nil
                columns[cell.column] = column
            }
        }
        // "Tarif | Qté | Prix unitaire | Total": a first column named by a price word, beside a
        // unit price or a line total, holds the names (a ticket's fare, a plan).
        if !columns.values.contains(.name), let first = row.first(where: { !$0.flat.isEmpty }), columns[first.column] == .price,
            columns.values.contains(.unitPrice) || columns.values.contains(.lineTotal)
        {
            columns[first.column] = .name
        }
        let kinds = Set(columns.values)
        guard kinds.contains(.name), kinds.count >= 2,
            !kinds.intersection([.quantity, .unitPrice, .lineTotal, .price]).isEmpty,
            row.allSatisfy({ MoneyScanner.scan($0.flat).allSatisfy(\.isBare) })
        else { return nil }
        // The name column comes first among the recognised ones; a price column may stand before
        // it where a quantity column says the row is an item's (`Prix unitaire | Article | Qté`).
        let pricesFirst = kinds.contains(.quantity)
        guard let nameColumn = columns.first(where: { $0.value == .name })?.key,
            columns.keys.allSatisfy({ $0 >= nameColumn || columns[$0] == .sku || columns[$0] == .quantity
                || (pricesFirst && [.unitPrice, .price, .lineTotal].contains(columns[$0])) })
        else { return nil }
        return columns
    }

    static func item(_ row: [Cell], columns: [Int: ItemVocabulary.Column], resolver: CurrencyResolver) -> ItemCandidate? {
        guard !row.contains(where: \.hasTable) else { return nil }
        func cell(_ kind: ItemVocabulary.Column) -> Cell? {
            guard let position = columns.first(where: { $0.value == kind })?.key else { return nil }
            return row.first { $0.column == position && $0.span == 1 } ?? row.first { $0.column == position }
        }
        // "DIOR" over "Sauvage - Eau de Parfum 100 ml" in the name's cell: the brand's line, then the name.
        guard let nameCell = cell(.name), !nameCell.lines.isEmpty else { return nil }
        var name = TextItemReader.cleanName(nameCell.lines[TextItemReader.nameLineIndex(nameCell.lines)])
        var statedQuantity: Int?
        // "Bananas, loose x6 | 1/1 | £1.10": under a quantity column, the name's own count is its pack's.
        if !columns.values.contains(.quantity), let (count, rest) = TextItemReader.trailingCount(name) {
            statedQuantity = count
            name = rest
        }
        // A summary row: its label spans the name column and the next ones.
        if nameCell.span > 1, columns.keys.contains(where: { $0 > nameCell.column && $0 < nameCell.column + nameCell.span }) {
            return nil
        }
        // A first word that says payment (`Pago de Carraovejas`, a winery) does not undo a row whose
        // count times its unit price makes its line total: checked once the amounts are read.
        let nonItemName = ItemVocabulary.isNonItemName(name)
        guard !nonItemName || (columns.values.contains(.unitPrice) && columns.values.contains(.lineTotal)) else { return nil }
        // "Consigne bouteilles bière (6 x 0,20 €) | 1 | 1,20 €": a deposit, counted or not, is no goods.
        if SummaryLabel.isDeposit(folded: TextFolding.fold(name)) { return nil }
        // A charge with a count in the quantity column is a line of the bill ("Import VAT | 1 | £64.80");
        // totals never are.
        if let kind = SummaryLabel.kind(of: name) {
            let first = Words(TextFolding.fold(name)).items.first ?? ""
            let opensWithTotal = SummaryLabel.totalWords.contains(first) || SummaryLabel.subtotalWords.contains(first)
                || SummaryLabel.refundWords.contains(first) || SummaryLabel.totalPrefixes.contains { first.hasPrefix($0) }
            guard columns.values.contains(.quantity), !([.total, .subtotal, .refund].contains(kind) && opensWithTotal) else { return nil }
            // A fee's short label opening the row (`Frais de service | 2 | 1,80 €`, `Pfand | 1 | 3,30 €`)
            // is a charge of the bill, not goods; a longer name after a fee's word names a service
            // bought, and a delivery line may be one (`Livraison, installation et mise en service`).
            if isChargeRow(name, kind: kind) { return nil }
        }

        var quantity = 1
        if columns.values.contains(.quantity) {
            guard let text = cell(.quantity)?.text,
                let count = TextItemReader.standaloneQuantity(text) ?? TextItemReader.countedQuantity(text) ?? deliveredCount(text)
            else { return nil }
            quantity = count
        } else if let count = statedQuantity ?? nameCell.lines.dropFirst().lazy.compactMap(countLine).first {
            quantity = count
        }
        func amount(_ kind: ItemVocabulary.Column) -> Amount? {
            guard let text = cell(kind)?.text else { return nil }
            // "Gratis" in the price column of an item's row: a gift, priced zero.
            guard let token = moneyToken(text) else { return freeAmount(text) }
            return OrderSummary.amount(token, resolver: resolver)
        }
        var candidate = ItemCandidate(name: name, quantity: quantity)
        candidate.unitPrice = amount(.unitPrice)
        candidate.lineTotal = amount(.lineTotal)
        let price = amount(.price)
        if columns.values.contains(.lineTotal) || columns.values.contains(.refund) {
            candidate.unitPrice = candidate.unitPrice ?? price
            if candidate.lineTotal == nil, candidate.unitPrice == nil { candidate.lineTotal = amount(.refund) }
        } else {
            candidate.price = price
        }
        if [candidate.unitPrice, candidate.lineTotal, candidate.price].contains(where: { $0?.negative == true }) { return nil }
        if let sku = cell(.sku)?.text, !sku.isEmpty { candidate.sku = sku }
        if nonItemName, !multiplies(candidate) { return nil }
        return candidate
    }

    /// Whether a row's name is a fee's label of at most three words opened by a fee's word. An
    /// eco-contribution (`Éco-participation | 1 | 10,00 €`) goes with the product it is charged
    /// for, on a line of its own, and stays.
    static func isChargeRow(_ name: String, kind: SummaryKind) -> Bool {
        // "Frais de port - Colissimo | 1 | 9,95 €", "Versandkosten DHL | 1": the carriage, counted as a
        // line of the bill; a delivery with a service done (`Livraison et installation`) may be bought.
        if kind == .shipping {
            let words = Words(TextFolding.fold(name))
            return words.count <= 5 && SummaryLabel.kind(ofFolded: words.items.prefix(3).joined(separator: " ")) == .shipping
                && !words.containsAny(installationWords)
        }
        guard kind == .fee, TextItemReader.isChargeName(name, counted: true) else { return false }
        if SummaryLabel.isGiftExtra(folded: TextFolding.fold(name)) { return true }
        let words = Words(TextFolding.fold(name))
        return words.count <= 3 && !words.containsAny(productContributionWords)
    }

    static let productContributionWords: Set<String> = ["eco", "ecoparticipation", "contribution"]

    /// A service done at delivery (`installation`, `mise en service`, `Aufbau`, `montaje`, `montaggio`).
    static let installationWords: Set<String> = [
        "installation", "installations", "mise", "montage", "aufbau", "anschluss", "instalacion", "montaje", "installazione",
        "montaggio", "installatie", "instalacja", "montaz", "setup", "assembly",
    ]

    /// The amount in a money cell: with a sign, or a bare number (the column says it is money).
    /// The last one when there are several: a struck-out price comes before the price paid.
    static func moneyToken(_ text: String) -> MoneyToken? {
        let tokens = MoneyScanner.scan(text)
        return tokens.last { !$0.isBare } ?? tokens.last
    }

    // MARK: Without a header

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
            if let item = headerlessItem(row, resolver: resolver) {
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
        if filled.count == 1 { return blockItem(filled[0], resolver: resolver) }
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
        let counted = statedQuantity ?? countAtPrice ?? labelledAtPrice ?? nameCell.lines.dropFirst().lazy.compactMap(countLine).first
            ?? eachUnderName?.0 ?? middleCount ?? countInPriceCell
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

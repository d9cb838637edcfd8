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
        /// What rows of deposits charge (`Pfand Holzkiste 6er | 1 | 3,00 EUR`): no goods, but in the total.
        var deposits: [Amount] = []
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
        var deposits: [Amount] = []
        var above: [Cell]?
        for next in rows where items.count < maximumItems {
            if header(next) != nil { break }  // another table's header
            defer { if next.contains(where: { !$0.lines.isEmpty }) { above = next } }
            if var item = item(next, columns: columns, resolver: resolver) {
                // "Thé vert Sencha - 100 g" spanning the row over "N° d'article : TP-3359 | Qté : 2 | 9,50 €":
                // the article's number in the name's column, its name in the row above.
                if TextItemReader.isReferenceLine(item.name), let title = above.flatMap(titleRow) { item.name = title }
                items.append(item)
                let leading = next.filter { $0.column < nameColumn }
                unnumbered.append(!leading.isEmpty && leading.allSatisfy(\.flat.isEmpty))
            } else if let deposit = depositCharge(next, nameColumn: nameColumn, resolver: resolver) {
                deposits.append(deposit)
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
        return Result(items: items, reading: reading, deposits: deposits)
    }

    /// The amount a deposit's row charges, its last amount (`Pfand Holzkiste 6er | 1 | 3,00 EUR | 3,00 EUR`).
    static func depositCharge(_ row: [Cell], nameColumn: Int, resolver: CurrencyResolver) -> Amount? {
        guard let nameCell = row.first(where: { $0.column == nameColumn }), let name = nameCell.lines.first, name.utf8.count <= 60,
            SummaryLabel.isDeposit(folded: TextFolding.fold(name)),
            let token = row.reversed().lazy.filter({ $0.column > nameColumn }).compactMap({ moneyToken($0.text) }).first, !token.negative
        else { return nil }
        return OrderSummary.amount(token, resolver: resolver)
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
            let taxed = !ItemVocabulary.isBeforeTax(header: cell.flat)
            if taxed, let earlier = columns.first(where: { $0.value == column && beforeTax.contains($0.key) })?.key {
                // "PU HT | PU TTC", "Netto | Brutto", "Prijs excl. btw | Prijs incl. btw": the price paid is the one with its tax.
                columns[earlier] = nil
                columns[cell.column] = column
            } else if !columns.values.contains(column) || column == .price && taxed {
                columns[cell.column] = column
                if !taxed { beforeTax.insert(cell.column) }
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
        // The first column of a kind (several may hold prices); a dictionary's order changes from run to run.
        func cell(_ kind: ItemVocabulary.Column) -> Cell? {
            guard let position = columns.lazy.filter({ $0.value == kind }).map(\.key).min() else { return nil }
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
}

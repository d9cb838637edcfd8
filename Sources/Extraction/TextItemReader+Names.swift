import Intl

/// Which lines of a block name its item, and which lines end the block.
extension TextItemReader {
    /// A sentence (`Plants are dispatched Monday to Wednesday.`, `… from the website.`): five
    /// words or more closed by a full stop, an exclamation or a question mark. Names do not end
    /// so (`Plastry opatrunkowe 20 szt.` ends with an abbreviation).
    static func isProse(_ line: TextLine) -> Bool {
        if opensWithThanks(line) { return true }
        let text = line.text.trimmedSpaces()
        guard let last = text.unicodeScalars.last, last == "." || last == "!" || last == "?" else { return false }
        let words = text.spaceSeparatedWords()
        guard words.count >= 5, let final = words.last else { return false }
        return final.unicodeScalars.filter(\.properties.isAlphabetic).count >= 4 || last != "."
    }

    /// A title whose own colon reads like a label (`The Witcher 3: Wild Hunt - Complete Edition`):
    /// at least two words before the colon, a capital or a digit after it, and no word of a
    /// field's label (`Order ID`, `Payment method`, `Shipping address`, `Taille`, `Total`).
    static func isTitleWithColon(_ line: TextLine) -> Bool {
        line.amounts.isEmpty && isTitleWithColon(line.text)
    }

    /// ``isTitleWithColon(_:)`` for a cell's text (`Gratis-Probe: UreaRepair Plus Lotion 20 ml`).
    static func isTitleWithColon(_ text: String, minimumLabelWords: Int = 2) -> Bool {
        guard text.utf8.count <= 240, let (label, value) = labelValue(text) else { return false }
        let words = Words(label)
        guard words.count >= minimumLabelWords, let first = words.items.first, let start = value.unicodeScalars.first,
            start.properties.isUppercase || DecimalText.digitValue(start) != nil
        else { return false }
        if ItemVocabulary.nonItemFirstWords.contains(first) || ItemVocabulary.attributeLabels.contains(first)
            || ItemVocabulary.quantityLabels.contains(first) || ItemVocabulary.itemNameLabels.contains(first)
        {
            return false
        }
        if words.containsAny(fieldWords) || words.containsAny(paymentLabelWords) || SummaryLabel.kind(ofFolded: label) != nil { return false }
        return !ItemVocabulary.isNonItemName(folded: TextFolding.fold(value), text: value) || value.count > 3
    }

    /// Whether `line` repeats `heading` (trimmed) and goes on after a space (`iCloud+ 200 GB (Monthly)`
    /// under `iCloud+`, `Spotify Premium Duo` under `Spotify Premium`): the heading's longer form.
    static func extendsLine(_ line: String, _ heading: String) -> Bool {
        let head = heading.trimmedSpaces()
        let text = line.trimmedSpaces()
        guard !head.isEmpty, head.utf8.count <= 60, text.utf8.count > head.utf8.count + 1 else { return false }
        return text.hasPrefix(head + " ")
    }

    /// The line of a product's lines that names it: the first, or the second under a brand's
    /// line (`DIOR` over `Rouge Dior - Rouge à lèvres`; `Only & Sons` over `Pullover 'Essential'`
    /// over `Größe: M · Menge: 2`).
    static func nameLineIndex(_ lines: [String]) -> Int {
        // "Sun 17 Jan 2027" over "London St Pancras → Paris Nord, Standard": a journey's date heads
        // its cell, the route under it names what was bought.
        if lines.count >= 2, let route = journeyUnderDate(lines) { return route }
        // "iCloud+" over "iCloud+ 200 GB (Monthly)": the line that repeats the first and goes on names it.
        if lines.count >= 2, extendsLine(lines[1], lines[0]) { return 1 }
        guard lines.count >= 2, isBrandLine(lines[0], over: lines[1], then: lines.count > 2 ? lines[2] : nil) else { return 0 }
        return 1
    }

    /// Whether a short line is a brand's written over the product's name: up to three words without
    /// figures, over a longer name line that is no detail (no label, count, amount or variant's
    /// parts). In capitals over a name in mixed case it is one by its look; otherwise only where an
    /// item's details (`Größe: M`, `Qty: 2`, `Black / M`) follow the name.
    static func isBrandLine(_ brand: String, over name: String, then detail: String?) -> Bool {
        let brandText = brand.trimmedSpaces()
        guard brandText.utf8.count <= 30, !brandText.hasSuffix(":"), !brandText.unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }),
            (1...3).contains(brandText.spaceSeparatedWords().count), brandText.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(2).count == 2
        else { return false }
        // Checked first, as they cost least: capitals, or a longer name over a detail line.
        let capitals = brandText.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || $0.properties.isUppercase }
        let nameText = name.trimmedSpaces()
        if capitals {
            // "CHEMISE ROMY" over "Écru – 38", "Noir" or "Gris jaspeado", "BILLY" over "Bibliothèque, blanc, 80x28x202 cm":
            // a name in capitals over its variant or its description, not a brand over a name.
            guard nameText.unicodeScalars.contains(where: \.properties.isLowercase), nameText.spaceSeparatedWords().count >= 2,
                !isColourSizeLine(nameText), !isDescriptionLine(nameText), !isColourwayLine(nameText)
            else { return false }
        } else {
            guard nameText.utf8.count > brandText.utf8.count, let detail,
                HTMLTableReader.countLine(detail) != nil || labelValue(detail) != nil || isVariantLine(detail),
                // "Chemise Romy" over "Rayures bleues — 38": a name over its variant.
                !isColourwayLine(nameText), !isColourSizeLine(nameText)
            else { return false }
        }
        return nameText.utf8.count <= 200 && nameText.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3
            && !nameText.contains(" · ") && !nameText.contains(" / ") && !nameText.contains(" | ") && labelValue(nameText) == nil
            && MoneyScanner.scan(nameText).allSatisfy(\.isBare) && !isBracketedLine(nameText)
            && HTMLTableReader.countLine(nameText) == nil && !ItemVocabulary.isNonItemName(nameText)
    }

    /// A colourway under a product's name (`Basin Blue (White Sole)`, `Bleu marine (semelle
    /// blanche)`, `Schwarz`): up to three words without figures outside brackets, one of them a
    /// colour's. A product's line does not read so; it is no name under a brand.
    static func isColourwayLine(_ text: String) -> Bool {
        guard text.utf8.count <= 48, !text.unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }) else { return false }
        let outside = text.firstIndex(of: "(").map { String(text[..<$0]) } ?? text
        let words = Words(TextFolding.fold(outside))
        return !words.isEmpty && words.count <= 3 && words.containsAny(ItemVocabulary.colourWords)
    }

    /// Where a link written after a name starts (` <https://…>`, ` [http…]`, ` <www…>`).
    static func trailingLink(_ text: String) -> String.Index? {
        (text.range(of: " <http") ?? text.range(of: " [http") ?? text.range(of: " <www"))?.lowerBound
    }

    /// "Ballerines - black (taille 38)" → "Ballerines - black": a size note is no part of the name.
    static func stripSize(_ text: String) -> String {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return text }
        let inside = Words(TextFolding.fold(String(text[text.index(after: open)...]))).items
        guard let first = inside.first, ItemVocabulary.attributeLabels.contains(first) else { return text }
        return text[..<open].trimmedSpaces()
    }

    /// Whether a line that is no name ends the block of the name above it: a sentence, an
    /// amount that is no item, a field of the order (`Order number: …`, `Payment method …`,
    /// `Date de commande 23/05/2024`), a heading or a greeting. Detail lines (`Taille : M`,
    /// `Sold by: Anker`) and separators (`-----`) do not.
    static func sealsBlock(_ line: TextLine) -> Bool {
        if isProse(line) || !line.amounts.isEmpty || isOrderField(line) || isParcelHeading(line) || hasSellerSegment(line.text) {
            return true
        }
        let letters = line.text.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(2).count
        guard letters >= 2 else { return false }
        if let (label, _) = labelValue(line.text) {
            let words = Words(label)
            guard let first = words.items.first else { return false }
            return ItemVocabulary.nonItemFirstWords.contains(first) || words.containsAny(fieldWords)
                || SummaryLabel.kind(ofFolded: label) != nil
        }
        return ItemVocabulary.isNonItemName(folded: line.folded, text: line.text)
    }

    /// An order's field written without a colon (`Numer zamówienia 55120337`, `Order number
    /// CR2403-449102`, `Forma płatności Płatność przy odbiorze`): a reference after its label,
    /// or a payment label in the first two words.
    static func isOrderField(_ line: TextLine) -> Bool {
        if isFieldRow(line) { return true }
        let all = Words(line.folded).items
        // "Forma de pago Tarjeta", "Metodo di pagamento PayPal", "Data ordine 14/12/2024".
        if all.prefix(3).contains(where: paymentLabelWords.contains) { return true }
        if all.count <= 8, line.hasDigit, let first = all.first, fieldWords.contains(first), hasNumericDate(line.text) { return true }
        guard OrderNumberFinder.mayHoldReference(line.text), OrderNumberFinder.labelWords.matches(line.key) else { return false }
        return !OrderNumberFinder.references(in: line).isEmpty
    }

    /// A row of a two-column fields table (`Bestelldatum | 2. April 2025`, `Livraison prévue |
    /// semaine 7`): a label of up to three words without figures, then a value holding one that
    /// is no bare count and no amount. An attribute's row (`Größe | 38`) is none.
    static func isFieldRow(_ line: TextLine) -> Bool {
        guard line.hasDigit, line.amounts.isEmpty, line.text.utf8.contains(0x09) else { return false }
        let cells = line.cells
        guard cells.count == 2, !cells[0].unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }),
            cells[1].unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }), standaloneQuantity(cells[1]) == nil
        else { return false }
        let words = Words(TextFolding.fold(cells[0])).items
        guard let first = words.first, words.count <= 3, !ItemVocabulary.attributeLabels.contains(first),
            !ItemVocabulary.quantityLabels.contains(first), !ItemVocabulary.itemNameLabels.contains(first)
        else { return false }
        return true
    }

    static let paymentLabelWords: Set<String> = [
        "paiement", "payment", "zahlung", "zahlungsart", "zahlungsmethode", "zahlungsweise", "pago", "pagamento", "betaling",
        "betaalmethode", "betaalwijze", "platnosci", "platnosc",
    ]

    /// Words of the labels of an order's fields, never of a product's title.
    static let fieldWords: Set<String> = [
        "id", "no", "nr", "number", "numero", "nummer", "ref", "reference", "code", "date", "datum", "fecha", "data",
        "method", "methode", "metodo", "address", "adresse", "adres", "indirizzo", "direccion", "adresa", "name", "nom",
        "nome", "nombre", "naam", "status", "statut", "account", "compte", "konto", "client", "customer", "kunde",
        "cliente", "klant", "klient", "phone", "email", "mail", "time", "heure", "uhrzeit", "hora", "ora", "period",
        "periode", "periodo", "transaction", "carrier", "transporteur", "tracking", "suivi",
    ]

    /// Whether a labelled amount after an item (`Total : 26,97 €`) is that item's count times
    /// its price: always for a count above one, for one only on the line right after the item.
    static func isLineTotal(_ amount: MoneyToken, of item: ItemCandidate, rightAfter: Bool) -> Bool {
        guard item.lineTotal == nil, item.quantity > 1 || rightAfter, !amount.negative,
            let price = (item.unitPrice ?? item.price)?.number.minorUnits(digits: 2),
            let value = amount.number.minorUnits(digits: 2)
        else { return false }
        return price * Int64(item.quantity) == value
    }

    /// A name holding an amount, with words after it (`£15 goodybag - 40GB`, `Chèque-cadeau
    /// 20 € à offrir`): one amount, at most four words before it and no summary label.
    static func isNameWithAmount(_ line: TextLine) -> Bool {
        guard line.amounts.count == 1, let token = line.amounts.first, !token.negative, line.bracketedAmounts.isEmpty else { return false }
        let after = line.slice(from: token.range.upperBound, to: line.scalars.count)
        guard after.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count >= 3 else { return false }
        let before = line.foldedSlice(from: 0, to: token.range.lowerBound)
        return Words(before).count <= 4 && SummaryLabel.kind(ofFolded: before) == nil && SummaryLabel.kind(ofFolded: line.folded) == nil
            && !isProse(line)
    }

    /// A name and a count in aligned columns, without a price (`Kettenschloss (2 Stück)      2`,
    /// a parcel's list under `Artikel   Menge`); a count label's own line (`Menge   2`) is none.
    static func countColumn(_ line: TextLine) -> (name: String, count: Int)? {
        guard line.hasDigit, line.amounts.isEmpty else { return nil }
        let cells = line.cells
        guard cells.count >= 2, cells.count <= 3, let last = cells.last, let count = standaloneQuantity(last) else { return nil }
        let name = cleanName(cells.dropLast().joined(separator: " "))
        let words = Words(TextFolding.fold(name))
        guard let first = words.items.first, !ItemVocabulary.quantityLabels.contains(first), !fieldWords.contains(first),
            name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count >= 3, !ItemVocabulary.isNonItemName(name),
            words.count > 3 || !words.containsAny(parcelWords)
        else { return nil }
        return (name, count)
    }

    /// Parcels counted in a notice's field (`Number of packages   1`, `Colis   2`).
    /// "Package 1 - UPS 1Z999…", "Colis 2 sur 3", "Paket 1 von 2": a parcel's heading (its word,
    /// then its number), no item's name.
    static func isParcelHeading(_ line: TextLine) -> Bool {
        guard line.hasDigit else { return false }
        let words = Words(line.folded, maximumCount: 2).items
        guard words.count == 2, parcelWords.contains(words[0]), let number = Int(words[1]) else { return false }
        return (1...99).contains(number)
    }

    static let parcelWords: Set<String> = [
        "package", "packages", "parcel", "parcels", "colis", "paket", "pakete", "sendungen", "paquete", "paquetes", "bultos",
        "pacco", "pacchi", "colli", "pakket", "pakketten", "paczka", "paczki", "przesylki",
    ]

    /// An item line whatever words its name holds: a count right before its price (and the
    /// line's total, the count times the price), under a first word that is no summary label's
    /// (`Housse de transport 88 touches   1   89,00 €   89,00 €`, `Mise en service atelier   1
    /// 0,00 €`, `dont éco-participation : 10,00 €   1   549,99 €   549,99 €`; not `Frais de port
    /// 1   4,90 €`).
    static func isCountedItemLine(_ line: TextLine) -> Bool {
        countedPrices(line.amounts, in: line) != nil
    }

    /// The amounts of a line that price its item: without prices per measure (`1,19 € / L`,
    /// `26,33 €/kg`), and only the last two after an amount of the name's (`dont éco-participation
    /// : 10,00 €   1   549,99 €   549,99 €`).
    static func itemAmounts(_ line: TextLine) -> [MoneyToken] {
        var amounts = line.amounts
        if amounts.count >= 2 { amounts.removeAll { isPerMeasure(line, $0) } }
        // "Drahtreifen 28x1.40"   2   73,80 €": a bare number glued to a number's "x" is a size, part of the name.
        if amounts.count >= 2, amounts[0].isBare, isGluedDimension(line, amounts[0]) { amounts.removeFirst() }
        // "Schwalbe Marathon Plus 28 x 1,50 (40-622)   44,90 €   89,80 €": spaced, before a unit price and a line total.
        if amounts.count >= 3, amounts[0].isBare, !amounts[1].isBare, !amounts[2].isBare, isSpacedDimension(line, amounts[0]) { amounts.removeFirst() }
        // "Catalogue papier 2027 ... 0,00 €", "Tortex 0.73 (12 pz)   2   € 11,00": a bare number before the
        // line's priced amount, whole or with words after it, is part of the name.
        while amounts.count >= 2, amounts[0].isBare, !amounts[amounts.count - 1].isBare,
            amounts[0].number.fraction.isEmpty
                || line.slice(from: amounts[0].range.upperBound, to: amounts[1].range.lowerBound).unicodeScalars.contains(where: \.properties.isAlphabetic)
        {
            amounts.removeFirst()
        }
        // "Aspirateur balai Rowenta X-Force Flex 8.60   1   149,99 €": a bare number spaced once from the
        // name's word before it, then a priced amount it does not make with the count between them, is the
        // name's (a model's number).
        // "Croissant au beurre   2 x 1,50   3,00 €": a count and its sign before it, their product the line's total, is none.
        if amounts.count == 2, amounts[0].isBare, !amounts[1].isBare, isInNameCell(line, amounts[0]), !makesLast(line, amounts[0], amounts[1]),
            !countTimesMakes(line, amounts[0], amounts[1])
        {
            amounts.removeFirst()
        }
        // "Roland TD-07KV   Q.tà 1   € 899,00": a whole number after a quantity label is the count.
        if amounts.count >= 2, isLabelledCount(line, amounts[0]) { amounts.removeFirst() }
        // "1 x £15 goodybag - 40GB   £15.00": an amount followed by words is part of the name.
        while amounts.count >= 2,
            line.slice(from: amounts[0].range.upperBound, to: amounts[1].range.lowerBound).unicodeScalars.lazy.filter(\.properties.isAlphabetic).count >= 3
        {
            amounts.removeFirst()
        }
        if amounts.count >= 3, let counted = countedPrices(amounts, in: line) { return counted }
        return amounts
    }

    /// Whether a count and its times sign right before the first amount (`2 x 1,50`), times it, make the second.
    static func countTimesMakes(_ line: TextLine, _ first: MoneyToken, _ last: MoneyToken) -> Bool {
        guard let (count, _) = quantityBefore(Array(line.scalars[..<first.range.lowerBound])),
            let a = first.number.minorUnits(digits: 3), let b = last.number.minorUnits(digits: 3)
        else { return false }
        return a * Int64(count) == b
    }

    /// Whether an amount follows a word of the text before it after one space (`Flex 8.60`), in the
    /// same cell.
    static func isInNameCell(_ line: TextLine, _ token: MoneyToken) -> Bool {
        let start = token.range.lowerBound
        guard start >= 2, line.scalars[start - 1] == " " else { return false }
        let before = line.scalars[start - 2]
        return before.properties.isAlphabetic || DecimalText.digitValue(before) != nil
    }

    /// Whether the first amount, times the count written between the two (one without any), makes the
    /// second: a unit price and its line's total.
    static func makesLast(_ line: TextLine, _ first: MoneyToken, _ last: MoneyToken) -> Bool {
        let between = line.slice(from: first.range.upperBound, to: last.range.lowerBound).trimmed { $0 == "=" || $0 == "x" || $0 == "×" || $0.properties.isWhitespace }
        let count = between.isEmpty ? 1 : standaloneQuantity(between)
        guard let count, let a = first.number.minorUnits(digits: 3), let b = last.number.minorUnits(digits: 3) else { return false }
        return a * Int64(count) == b
    }

    /// The count's price (and total) when a count stands right before them.
    static func countedPrices(_ amounts: [MoneyToken], in line: TextLine) -> [MoneyToken]? {
        guard !amounts.isEmpty, !amounts.contains(where: \.negative) else { return nil }
        let prices = Array(amounts.suffix(amounts.count == 1 ? 1 : 2))
        let labelStart = amounts.count > prices.count ? amounts[amounts.count - prices.count - 1].range.upperBound : 0
        // The count stands alone right before the price (`22%:` is a rate, `(4 g)` part of the name).
        guard let end = line.lastScalar(from: labelStart, to: prices[0].range.lowerBound), DecimalText.digitValue(end) != nil else { return nil }
        // Only the first and last words of the name and its count are read.
        guard let words = Words.edges(line.foldedSlice(from: 0, to: prices[0].range.lowerBound)), words.several,
            words.last.utf8.count <= 3, let count = Int(words.last), count > 0, SummaryLabel.kind(ofFolded: words.first) == nil
        else { return nil }
        if amounts.count > prices.count, Words(TextFolding.fold(line.slice(from: labelStart, to: prices[0].range.lowerBound))).count != 1 {
            return nil
        }
        guard prices.count == 2 else { return prices }
        guard let unit = prices[0].number.minorUnits(digits: 2), let total = prices[1].number.minorUnits(digits: 2),
            unit * Int64(count) == total
        else { return nil }
        return prices
    }

    /// Whether an amount is a whole number written right after a quantity label (`Qty: 2 €…`,
    /// `Q.tà 1`): the count, which a currency sign after it made look like money.
    static func isLabelledCount(_ line: TextLine, _ token: MoneyToken) -> Bool {
        guard !token.negative, token.number.fraction.isEmpty, token.number.integer.utf8.count <= 4 else { return false }
        let words = Words(line.foldedSlice(from: max(0, token.range.lowerBound - 12), to: token.range.lowerBound)).items
        guard let last = words.last else { return false }
        if ItemVocabulary.quantityWords.contains(last) { return true }
        return words.count >= 2 && ItemVocabulary.quantityPhrases.contains([words[words.count - 2], last])
    }

    /// Whether an amount is a price per measure (`1,19 € / L`, `26,33 €/kg`, `£0.80/100g`).
    static func isPerMeasure(_ line: TextLine, _ token: MoneyToken) -> Bool {
        let scalars = line.scalars
        var cursor = token.range.upperBound
        while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
        guard cursor < scalars.count, scalars[cursor] == "/" else { return false }
        cursor += 1
        while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
        var end = cursor
        while end < scalars.count, end - cursor < 6, scalars[end].properties.isAlphabetic || DecimalText.digitValue(scalars[end]) != nil { end += 1 }
        return end > cursor && (end == scalars.count || !scalars[end].properties.isAlphabetic)
    }

    /// Whether a line set in further than the name above it, its parts apart by a bar or a middle
    /// dot before any amount, is that name's details (`Intermezzo` over `  Sally Rooney | Hardback`);
    /// right under the name, a comma sets them apart too (`  Sally Rooney, Paperback   1 @ £10.99`).
    static func isIndentedDetail(_ line: TextLine, at index: Int, under name: PendingName) -> Bool {
        guard !name.sealed, name.quantity == nil, indent(line) >= name.indent + 2 else { return false }
        let text = line.amounts.first.map { line.slice(from: 0, to: $0.range.lowerBound) } ?? line.text
        // "  Stone Blue / M     Qty 1     $159.00": a variant's parts between slashes.
        if text.contains(" | ") || text.contains(" · ") || text.contains(" / ") { return true }
        return index == name.line + 1 && !name.text.hasSuffix(":") && text.contains(", ") && Words(TextFolding.fold(text)).count <= 6
    }

    /// Whether the text before a line's count label is a variant under the item's name: in capitals
    /// under a name in mixed case (`CAMEL UK 10`, `MULTI M`), or a few capitalised words or sizes
    /// under a name of four words or more at least twice its length (`Charcoal M`, `Multi EU 39-42`).
    static func isCapitalsVariant(_ text: String, under name: String) -> Bool {
        let words = text.spaceSeparatedWords()
        guard (1...4).contains(words.count), text.utf8.count <= 24, text.unicodeScalars.contains(where: \.properties.isUppercase) else { return false }
        if !text.unicodeScalars.contains(where: \.properties.isLowercase) { return name.unicodeScalars.contains(where: \.properties.isLowercase) }
        return name.spaceSeparatedWords().count >= 4 && name.utf8.count >= 2 * text.utf8.count
            && words.allSatisfy { word in word.unicodeScalars.first.map { $0.properties.isUppercase || DecimalText.digitValue($0) != nil } ?? false }
    }

    /// How far a line is indented (spaces and tabs before its text).
    static func indent(_ line: TextLine) -> Int {
        var count = 0
        for byte in line.text.utf8 {
            guard byte == 0x20 || byte == 0x09 else { break }
            count += 1
        }
        return count
    }

    /// Whether a text holds a day, a month and a year in figures (`05/06/2025`, `5.6.25`, `2025-06-05`).
    static func hasNumericDate(_ text: String) -> Bool {
        var groups: [Int] = []
        var separators: [Unicode.Scalar] = []
        var digits = 0
        func reset() { groups = []; separators = []; digits = 0 }
        for scalar in text.unicodeScalars {
            if DecimalText.digitValue(scalar) != nil {
                digits += 1
                continue
            }
            if digits > 0 { groups.append(digits); digits = 0 } else { reset(); continue }
            if scalar == "/" || scalar == "." || scalar == "-", groups.count < 3, separators.allSatisfy({ $0 == scalar }) {
                separators.append(scalar)
                continue
            }
            if isDate(groups) { return true }
            reset()
        }
        if digits > 0 { groups.append(digits) }
        return isDate(groups)
    }

    private static func isDate(_ groups: [Int]) -> Bool {
        guard groups.count == 3 else { return false }
        return (groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4)) || (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2)
    }

    /// Whether a count line (`Quantity 1`, `Qté : 2`, `Qty: 1  €50.00`) comes within the next three
    /// lines, before any other amount: the line above it names an item.
    static func countFollows(_ lines: [TextLine], after index: Int) -> Bool {
        for (offset, next) in lines[(index + 1)...].prefix(3).enumerated() {
            if next.amounts.isEmpty {
                if next.hasDigit, labelledQuantity(next.folded) != nil { return true }
                // "2 pcs", "1 Stk.": a count with its unit word, alone on its line.
                if next.hasDigit, next.text.utf8.count <= 12, countedQuantity(next.text) != nil { return true }
                // "Quantité :" over "2".
                if countBelowLabel(lines, at: index + 1 + offset) != nil { return true }
            } else {
                return opensWithQuantity(next)
            }
        }
        return false
    }

    /// Whether a name is a charge of the summary (`Frais de port`, `Service fee`, `Total`) rather
    /// than goods. Summary lines carry no count: with one (`1 x Mise en service atelier`,
    /// `Housse de transport | 1x | 89 €`) only a summary word first makes a charge.
    static func isChargeName(_ name: String, counted: Bool) -> Bool {
        let folded = TextFolding.fold(name)
        guard SummaryLabel.kind(ofFolded: folded) != nil else { return false }
        guard counted, let first = Words(folded).items.first else { return true }
        // "Anzahl 1   Gravur Wunschname   CHF 12.00": an engraving counted among the goods is bought as one.
        if SummaryLabel.personalisationWords.contains(first) { return false }
        return SummaryLabel.kind(ofFolded: first) != nil || SummaryLabel.isGiftExtra(folded: folded)
    }

    /// Whether a line opens with thanks (`Thank you for shopping with us`, `Merci pour votre
    /// commande`, `Vielen Dank für Ihren Einkauf`): a sentence, whatever its end.
    static func opensWithThanks(_ line: TextLine) -> Bool {
        guard line.text.utf8.count <= 400 else { return false }
        let bytes = line.key.bytes
        return thanksOpenings.contains { bytes.starts(with: $0) }
    }

    static let thanksOpenings: [[UInt8]] = [
        "thank you for", "thanks for", "thank you", "many thanks", "merci pour", "merci de", "merci d", "merci beaucoup",
        "danke fur", "vielen dank", "herzlichen dank", "gracias por", "muchas gracias", "grazie per", "grazie di",
        "bedankt voor", "hartelijk dank", "dank je", "dank u", "dziekujemy za", "dziekujemy",
    ].map { Array((" " + $0 + " ").utf8) }

    /// "[2] Livre : Petit Pays": an entry numbered in brackets, then a label of up to three words
    /// without digits and its value.
    static func isNumberedEntry(_ text: String) -> Bool { numberedEntryValue(text) != nil }

    /// The value of a numbered entry (`Petit Pays`), `nil` when the line is none.
    static func numberedEntryValue(_ text: String) -> String? {
        let trimmed = text.trimmedSpaces()
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return nil }
        let number = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
        guard !number.isEmpty, number.count <= 3, number.allSatisfy(\.isASCII), Int(number) != nil else { return nil }
        let rest = String(trimmed[trimmed.index(after: close)...])
        guard let (label, value) = labelValue(rest), !label.unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }) else { return nil }
        return value
    }

    /// A line wholly in brackets: `(Farbe: Blau)`, `(Used - Hardcover)`.
    static func isBracketedLine(_ text: String) -> Bool {
        let trimmed = text.trimmedSpaces()
        guard trimmed.utf8.count >= 3, trimmed.utf8.count <= 80, trimmed.hasPrefix("("), trimmed.hasSuffix(")") else { return false }
        return !trimmed.dropFirst().dropLast().contains { $0 == "(" || $0 == ")" }
    }
}

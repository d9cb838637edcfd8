import Intl

/// References written where a name could be: codes, SKUs, labelled numbers (`Réf. 213045`,
/// `PF-22-TDM`, `Item number: 296612004512`).
extension TextItemReader {
    /// A reference code without spaces or lowercase letters (`9788845292613`, `KOBO-CLARA-BW`).
    static func isCode(_ cell: String) -> Bool {
        guard cell.utf8.count >= 6, cell.utf8.count <= 40, !cell.containsByte(0x20) else { return false }
        var digits = 0
        var hyphens = 0
        for scalar in cell.unicodeScalars {
            if scalar.properties.isLowercase { return false }
            if DecimalText.digitValue(scalar) != nil { digits += 1 } else if scalar == "-" || scalar == "_" || scalar == "/" { hyphens += 1 }
        }
        return digits >= 6 || hyphens >= 1
    }

    /// A reference alone where a name would stand (`PF-22-TDM`, `PK-05`, `AB12-7`): one word of capitals and
    /// digits joined by a hyphen, a slash or a dot, digits and letters both; the name above it names its item.
    static func isReferenceToken(_ name: String) -> Bool {
        guard name.utf8.count >= 4, name.utf8.count <= 24, !name.utf8.contains(0x20) else { return false }
        var digits = 0, letters = 0, joins = 0
        for scalar in name.unicodeScalars {
            if scalar.properties.isLowercase { return false }
            if DecimalText.digitValue(scalar) != nil { digits += 1 } else if scalar.properties.isAlphabetic { letters += 1 } else if scalar == "-" || scalar == "/" || scalar == "." { joins += 1 } else { return false }
        }
        return digits >= 1 && letters >= 1 && joins >= 1
    }

    /// An item's detail standing where a name would: its seller (`Vendu et expédié par Fnac`,
    /// `Sold by Anker`) or a reference (`Cat. no. 123/4567`, `Réf. 88120`, `Art.-Nr. 4410`).
    static func isDetailName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 80 else { return false }
        // "Sortie prévue le 05/06/2025": a date is no product's name.
        if hasNumericDate(name) { return true }
        let key = SearchKey(name)
        if sellerList.matches(key) , let first = Words(TextFolding.fold(name)).items.first, sellerFirstWords.contains(first) { return true }
        let words = Words(TextFolding.fold(name)).items
        guard let first = words.first else { return false }
        if isWeighedDetail(name) || isStayPrice(name) { return true }
        // "dont éco-participation : 10,00 €", "Exclusief statiegeld": a note on the price.
        if inclusionWords.contains(first) { return true }
        // "Teinte : Fenty Glow", "Colour: Sage": an attribute.
        if let (label, _) = labelValue(name), ItemVocabulary.attributeLabels.contains(label.firstWordOrSelf) { return true }
        // "PZN 10259544", "EAN 4006381333931", "CIP 3400930000000": a code's capitalised short name,
        // then its number of six digits or more.
        if isCodeReference(name) { return true }
        // "N° d'article : TP-3359", "Art.-Nr. 71234": a reference and its label.
        if isReferenceLine(name) { return true }
        guard words.count <= 4, referenceFirstWords.contains(first) else { return false }
        // "Catalogue papier 2027": a word after the reference's names goods; "Cat. no. 123", "Réf. 88120",
        // "Product code: AB-12" are references.
        if words.count >= 3, !words[1].contains(where: \.isNumber), !referenceNumberWords.contains(words[1]) { return false }
        return name.unicodeScalars.contains { DecimalText.digitValue($0) != nil }
    }

    /// "Prix pour 2 nuits", "Price for 3 nights", "Preis für 2 Nächte": the price of the stay named
    /// on the line above (one stay).
    static func isStayPrice(_ name: String) -> Bool {
        let words = Words(TextFolding.fold(name), maximumCount: 5).items
        guard words.count == 4, ItemVocabulary.priceWords.contains(words[0]), ["pour", "for", "fur", "por", "per", "voor", "za"].contains(words[1]),
            Int(words[2]) != nil
        else { return false }
        return HTMLTableReader.nightWords.contains(words[3])
    }

    /// The weight of the item named above, alone (`0,5 kg x 1 — 4,20 €` under `Lentilles vertes du Puy`) or
    /// at its rate (`0,550 kg x EUR 27,00/kg   EUR 14,85` under `Oude Goudse boerenkaas`): one item, weighed.
    static func isWeighedDetail(_ name: String) -> Bool {
        isMeasureAlone(name) || name.containsByte(0x2F) && isWeighedAtRate(Substring(name))
    }

    /// A number and a unit of measure, nothing else (`0,5 kg`, `250 g`, `1.5 l`).
    static func isMeasureAlone(_ name: String) -> Bool {
        let words = name.spaceSeparatedWords()
        guard words.count == 2, words[0].utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E }),
            words[0].utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true
        else { return false }
        return MoneyScanner.measureUnits.contains(words[1].lowercased())
    }

    /// Two words: a code's name in two to five capitals, then six digits or more (`PZN 10259544`).
    static func isCodeReference(_ name: String) -> Bool {
        let words = name.spaceSeparatedWords()
        guard words.count == 2 else { return false }
        let label = words[0].hasSuffix(":") ? words[0].dropLast() : words[0]
        let number = words[1]
        guard (2...5).contains(label.utf8.count), label.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }),
            number.utf8.count >= 6, number.utf8.count <= 20, number.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return false }
        return true
    }

    /// The words between a reference's name and its number (`Cat. no.`, `Art.-Nr.`, `Product code`).
    static let referenceNumberWords: Set<String> = [
        "no", "nr", "n", "num", "number", "numero", "nummer", "nro", "code", "codigo", "codice", "id", "sku", "ref", "reference",
    ]

    static let inclusionWords: Set<String> = [
        "dont", "incl", "inkl", "including", "includes", "excl", "exkl", "excluding", "exclusief", "inclusief", "davon", "zzgl",
        "incluido", "incluida", "incluye", "compris", "waarvan",
    ]

    /// The line after a reference opening it and a separator (`Réf. CA-70028 - Prix unitaire : 6,90 € - Qté : 2`,
    /// `SKU: TB-22 | Qty: 1 | £12.00`), or `nil` when no reference opens it.
    static func afterReferenceSegment(_ line: TextLine) -> TextLine? {
        let text = line.text.trimmedSpaces()
        guard text.utf8.count <= 200, let first = Words(line.folded, maximumCount: 1).items.first, referenceFirstWords.contains(first) else { return nil }
        for separator in [" - ", " | ", " · ", " – "] {
            guard let range = text.range(of: separator) else { continue }
            let reference = text[..<range.lowerBound]
            // The label and one code: "Réf. CA-70028P60", "SKU: TB-22", "Art.-Nr. 78123".
            guard reference.split(separator: " ").count <= 3, reference.unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }) else { return nil }
            return TextLine(String(text[range.upperBound...]))
        }
        return nil
    }

    static let referenceFirstWords: Set<String> = [
        "cat", "catalogue", "catalog", "ref", "reference", "referenz", "art", "artnr", "artikelnummer", "sku", "ean", "isbn",
        "mpn", "upc", "model", "modele", "modell", "codigo", "codice", "code", "item", "product", "produkt",
    ]
}

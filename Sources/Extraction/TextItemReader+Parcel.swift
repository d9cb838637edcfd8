import Foundation

/// What a shipping notice says is in the parcel, without prices: a list under its heading
/// (`In this shipment:`, `Dans votre colis :`, `Artículos enviados:`), one item per line, bulleted
/// or counted (`(1) Cats in Space T-Shirt — Navy, M`, `- Pull Gaspard · Écru · M`,
/// `Cantidad: 1 - Kingston FURY Beast`, `- Aceite de oliva, lata 5 L (1 ud.)`).
extension TextItemReader {
    /// The items listed under a parcel's heading, each counted one unless its line says more;
    /// empty when no such list stands in the lines.
    static func parcelContents(_ lines: [TextLine]) -> [ItemCandidate] {
        // "Suivre votre colis :" over a link, then "Articles de ce colis :" over the list: the first heading with one.
        for heading in lines.indices where isContentsHeading(lines[heading]) {
            let items = parcelList(lines, under: heading)
            if !items.isEmpty { return items }
        }
        return []
    }

    /// The list right under a parcel's heading.
    private static func parcelList(_ lines: [TextLine], under heading: Int) -> [ItemCandidate] {
        var items: [ItemCandidate] = []
        // Whether every line so far was a name alone.
        var bareList = true
        for line in lines[(heading + 1)...] {
            if line.startsParagraph, !items.isEmpty { break }
            if let item = parcelItem(line.text) {
                bareList = false
                items.append(item)
            } else if bareList, !line.startsParagraph, !isProse(line), !line.text.hasSuffix("!"), !line.text.hasSuffix("?"),
                let item = parcelItem(line.text, bare: true)
            {
                // "Articles de ce colis :" over "Apple AirPods Pro (2e génération)": right under the heading,
                // a paragraph of names alone, neither bulleted nor counted.
                items.append(item)
            } else {
                break
            }
            if items.count == 30 { break }
        }
        return items
    }

    /// A heading over what a parcel holds: a few words ending with a colon, one of them naming
    /// the parcel, its contents or the items (`In this shipment:`, `Contenido del envío:`, `Im Paket:`).
    static func isContentsHeading(_ line: TextLine) -> Bool {
        let text = line.text.trimmedSpaces()
        guard text.hasSuffix(":"), text.utf8.count <= 60, !line.hasDigit else { return false }
        let words = Words(line.folded)
        guard words.count <= 6 else { return false }
        return words.containsAny(contentsWords) || words.containsAny(parcelWords)
    }

    /// Words of a heading over a parcel's contents, in the 7 languages.
    static let contentsWords: Set<String> = [
        "shipment", "shipped", "contents", "content", "envoyes", "expedies", "contenu", "inhalt", "paketinhalt", "versendete", "versandte",
        "enviados", "enviado", "envio", "contenido", "spediti", "spedizione", "contenuto", "verzonden", "inhoud", "zawartosc", "wyslane",
        "paczce",
    ]

    /// One line of a parcel's list read as an item: its count (one unless written) and its name
    /// before any variant set apart by a middle dot, a long dash or a bar.
    /// `bare`: a name alone makes an item too (it stands in the heading's own paragraph).
    static func parcelItem(_ text: String, bare: Bool = false) -> ItemCandidate? {
        let trimmed = text.trimmedSpaces()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 200, MoneyScanner.scan(trimmed).allSatisfy(\.isBare) else { return nil }
        let bulleted = stripBullet(trimmed) != trimmed
        var rest = stripBullet(trimmed)
        var count: Int?
        // "Cantidad: 1 - Kingston FURY", "Qty 2 – Tote bag": a count's field before the name.
        if let (label, value) = labelValue(rest), ItemVocabulary.quantityLabels.contains(label.lastWordOrSelf) {
            let digits = value.prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(digits), (1...999).contains(number) else { return nil }
            count = number
            rest = stripBullet(String(value.dropFirst(digits.count)))
        } else if let (number, name) = leadingQuantity(rest) {
            // "(1) Cats in Space T-Shirt", "2 x Tote bag".
            count = number
            rest = name
        }
        guard bulleted || count != nil || bare && rest.spaceSeparatedWords().count >= 2 && !rest.hasSuffix(".") else { return nil }
        // "Aceite de oliva, lata 5 L (1 ud.)", "Tote bag (2)", "Mug x 2", "Bonnet · Bleu (2 pcs)".
        if count == nil, rest.hasSuffix(")"), let open = rest.lastIndex(of: "("),
            let number = countedQuantity(String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]))
        {
            count = number
            rest = String(rest[..<open])
        } else if count == nil, let (number, name) = trailingBracketQuantity(rest) ?? trailingTimesQuantity(rest) ?? separatedTrailingCount(rest) {
            count = number
            rest = name
        }
        // "Pull Gaspard · Écru chiné · M", "Cats in Space T-Shirt — Women's, Navy, M": the variant after the name.
        for separator in [" · ", " — ", " – ", " | "] {
            if let range = rest.range(of: separator) { rest = String(rest[..<range.lowerBound]) }
        }
        let name = cleanName(rest)
        guard name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count == 3, name.spaceSeparatedWords().count <= 16,
            labelValue(name) == nil, !ItemVocabulary.isNonItemName(name), SummaryLabel.kind(of: name) == nil
        else { return nil }
        var item = ItemCandidate(name: name, quantity: count ?? 1)
        item.quantityStated = count != nil
        return item
    }
}

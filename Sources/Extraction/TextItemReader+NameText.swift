import Foundation
import Intl

/// An item's name as written: labels and values, bullets and numbered markers, wrapped lines, and
/// the name cleaned of notes, sizes and edges.
extension TextItemReader {
    /// Whether the line under a price names an item in the same paragraph, a count's line under it.
    static func namesItemBelow(_ lines: [TextLine], after index: Int) -> Bool {
        guard index + 2 < lines.count, !lines[index + 1].startsParagraph, lines[index + 1].amounts.isEmpty,
            PendingName(lines[index + 1]) != nil
        else { return false }
        return countFollows(lines, after: index + 1)
    }

    /// The name with the rest written on the line under its item line, when that line starts in
    /// the column where the name starts (indented by four spaces or more, as fixed-width tables
    /// wrap a long name), goes on mid-phrase and holds a few words only; `nil` otherwise.
    static func wrappedName(_ line: TextLine, under itemLine: TextLine, name: String) -> String? {
        let column = indent(line)
        guard column >= 4, !name.isEmpty, line.text.utf8.count - column <= 40, !line.text.utf8.contains(0x09),
            let found = itemLine.text.range(of: name)
        else { return nil }
        let start = itemLine.text.unicodeScalars.distance(from: itemLine.text.unicodeScalars.startIndex, to: found.lowerBound)
        guard start == column else { return nil }
        let rest = cleanName(line.text)
        // A wrapped name goes on mid-phrase (`2Ah`, `4 x 40 mm`, `boîte de 20`, or after a comma); a
        // capital opens a detail line of its own (`Jenny Erpenbeck, Taschenbuch`).
        guard let opening = rest.unicodeScalars.first,
            opening.properties.isLowercase || DecimalText.digitValue(opening) != nil || name.hasSuffix(",")
        else { return nil }
        guard !rest.isEmpty, rest.spaceSeparatedWords().count <= 5, labelValue(rest) == nil, !ItemVocabulary.isNonItemName(rest) || rest.unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }) else { return nil }
        return name + " " + rest
    }

    /// Whether an item's label names its reference rather than its name (`Item number`,
    /// `Numéro d'article`, `Artikel-Nr.`, `Codice articolo`, `Product ID`): a word of a
    /// reference's number beside the item's word.
    static func labelsReference(_ label: String) -> Bool {
        let words = Words(label)
        return words.count >= 2 && (words.containsAny(referenceNumberWords) || words.containsAny(ItemVocabulary.skuWords))
    }

    /// `Label : value` (a colon with a short label before it).
    static func labelValue(_ text: String) -> (label: String, value: String)? {
        guard let colon = firstColon(in: text) else { return nil }
        let label = TextFolding.fold(String(text[..<colon])).trimmedSpaces()
        let value = text[text.index(after: colon)...].trimmedSpaces()
        let words = Words(label)
        guard !words.isEmpty, words.count <= 3, !value.isEmpty else { return nil }
        return (words.items.joined(separator: " "), value)
    }

    /// `text.firstIndex(of: ":")`, found on the bytes: the first colon byte that starts a
    /// character which is a colon alone (no mark joined to it). Walking characters cost about
    /// 70 instructions each, and table cells are long.
    static func firstColon(in text: String) -> String.Index? {
        let utf8 = text.utf8
        var from = utf8.startIndex
        while let found = utf8[from...].firstIndex(of: 0x3A) {
            if let index = String.Index(found, within: text), text[index] == ":" { return index }
            from = utf8.index(after: found)
        }
        return nil
    }

    /// A line that could name the item on the next line: short, no amount, not a label.
    static func isNameLike(_ line: TextLine) -> Bool {
        // "Anker Nano II 65W Charger <https://shop.example/dp/anker-nano-ii-65w-…>": the name before its link.
        if line.text.utf8.contains(0x3C) || line.text.utf8.contains(0x5B), let link = trailingLink(line.text) {
            return isNameLike(TextLine(String(line.text[..<link])))
        }
        let text = line.text.trimmedSpaces()
        guard text.utf8.count <= 480, text.characterCount <= 160, !text.hasSuffix(":") else { return false }
        // "by Mira Okafor Studio", "par Joël Dicker", "von Juli Zeh" under a title: its author's line, no name.
        if ["by ", "par ", "von ", "di ", "door "].contains(where: text.hasPrefix) { return false }
        // "Réf. 69744120 · 6,50 € / unité": a reference's line, its details after it.
        if text.containsBytes(" · "), let first = text.components(separatedBy: " · ").first, isReferenceLine(first) { return false }
        // "Quantity 1", "Q.tà 2": a count's own line; "Package 1 - UPS …": a parcel's heading.
        if line.hasDigit, Words(line.folded).count <= 3, labelledQuantity(line.folded) != nil { return false }
        if isParcelHeading(line) || hasSellerSegment(text) { return false }
        guard text.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(3).count >= 3 else { return false }
        if labelValue(text) != nil { return false }
        return !ItemVocabulary.isNonItemName(folded: line.folded, text: text)
    }

    static func stripBullet(_ text: String) -> String {
        var result = Substring(text.trimmedSpaces())
        while let first = result.first, ["-", "•", "*", "·", "–", "—", "+", ">"].contains(first),
            result.dropFirst().first?.isWhitespace ?? false
        {
            result = result.dropFirst().drop { $0.isWhitespace }
        }
        return String(numberedListMarkerStripped(result))
    }

    /// "1. Apap 500 mg", "12) Tea towel": a numbered list's marker (one or two digits, a dot or
    /// a bracket, a space, then a letter) is no part of the name; "2.5 kg", "1.Halbzeit" keep theirs.
    static func numberedListMarkerStripped(_ text: Substring) -> Substring {
        let scalars = Array(text.unicodeScalars.prefix(5))
        var digits = 0
        while digits < scalars.count, scalars[digits].isASCII, DecimalText.digitValue(scalars[digits]) != nil { digits += 1 }
        guard (1...2).contains(digits), digits + 2 < scalars.count, scalars[digits] == "." || scalars[digits] == ")",
            scalars[digits + 1] == " ", scalars[digits + 2].properties.isAlphabetic
        else { return text }
        return text.dropFirst(digits + 2)
    }

    /// Whitespace collapsed, leaders and separators trimmed at both ends.
    static func cleanName(_ text: String) -> String {
        var name = stripBullet(text)
        // "Kettle - Black <https://shop.example/p/kettle>": a link written after the name.
        if name.containsByte(0x3C) || name.containsByte(0x5B), let link = trailingLink(name) {
            name = String(name[..<link])
        }
        // "Veste | Taille : M", "Mug | Acme Shop": what follows a bar is a detail; a title's long second half
        // ("Echo Dot (5.ª generación) | Altavoz inteligente wifi y Bluetooth con Alexa") is part of the name.
        // "42143 | Ferrari Daytona SP3": a set's number before the bar, the name after it.
        if name.containsByte(0x7C), let bar = name.range(of: " | "), name[..<bar.lowerBound].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            (4...8).contains(name[..<bar.lowerBound].utf8.count)
        {
            name = String(name[bar.upperBound...])
        }
        if name.containsByte(0x7C), let bar = name.range(of: " | "), !continuesTitle(name[bar.upperBound...]) {
            name = String(name[..<bar.lowerBound])
        }
        // "Jupe Melodie / Imprimé fleurs bleues / 36": the colour and the size after the name, set apart by slashes.
        if name.containsByte(0x2F), let cut = nameBeforeSlashedVariant(name) { name = cut }
        // "Comté 24 mois, 400 g à 36,00 €/kg": the weight sold and its price per measure after the
        // name's last comma belong to no name.
        if name.containsByte(0x2F), let comma = name.range(of: ", ", options: .backwards), isWeighedAtRate(name[comma.upperBound...]) {
            name = String(name[..<comma.lowerBound])
        }
        // "Comté AOP 24 mois (0,450 kg à 34,00 €/kg)": in brackets too.
        if name.containsByte(0x2F), name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex,
            isWeighedAtRate(name[name.index(after: open)..<name.index(before: name.endIndex)])
        {
            name = String(name[..<open])
        }
        // "Stardew Valley (Winter Sale -35%)", "Gilet (remise -20 %)": a discount's note after the name.
        if name.containsByte(0x25), name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex,
            isDiscountNote(name[name.index(after: open)..<name.index(before: name.endIndex)])
        {
            name = String(name[..<open])
        }
        let abbreviated = endsWithAbbreviation(name)
        name = name.trimmed { nameEdges.contains($0) || $0.properties.isWhitespace }
        // "Ariel Pods Color 36 stk.": the dot of an abbreviation ending the name is the name's.
        if abbreviated { name += "." }
        return name.collapsingSpaces()
    }

    /// Whether a bracket's text notes a discount: a percentage taken off (`-35%`, `−20 %`) or said
    /// so (`Winter Sale 35%`, `Rabatt 10 %`, `30% off`), no more than five words.
    static func isDiscountNote(_ note: Substring) -> Bool {
        guard note.utf8.count <= 40, note.contains("%") else { return false }
        let scalars = Array(note.unicodeScalars)
        let minus = scalars.indices.dropLast().contains { ["-", "−", "–"].contains(scalars[$0]) && DecimalText.digitValue(scalars[$0 + 1]) != nil }
        let words = Words(TextFolding.fold(String(note)))
        guard words.count <= 5 else { return false }
        return minus || words.containsAny(SummaryLabel.discountWords) || words.containsAny(saleWords)
    }

    /// A sale, in the 7 languages (`Winter Sale`, `Soldes`, `Rebajas`, `Saldi`, `Uitverkoop`, `Wyprzedaż`).
    static let saleWords: Set<String> = [
        "sale", "off", "soldes", "solde", "rebajas", "saldi", "saldo", "uitverkoop", "wyprzedaz", "ausverkauf", "sonderangebot",
        "angebot", "offerta", "oferta", "aanbieding", "promocja",
    ]

    /// Whether a name ends with an abbreviation and its dot (`36 stk.`, `20 szt.`, `6 St.`, `Acme Inc.`),
    /// after a word of its own.
    static func endsWithAbbreviation(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }), scalars[last] == "." else { return false }
        var start = last
        while start > scalars.startIndex, scalars[scalars.index(before: start)].properties.isAlphabetic { start = scalars.index(before: start) }
        guard start < last, start > scalars.startIndex, scalars[scalars.index(before: start)] == " " else { return false }
        let word = TextFolding.fold(String(scalars[start..<last]))
        return abbreviations.contains(word)
    }

    /// Abbreviations a product's name may end with: count units (`stk.`, `szt.`, `St.`, `pcs.`, `ud.`) and
    /// a company's form (`Inc.`, `Ltd.`, `Co.`).
    static let abbreviations: Set<String> = ItemVocabulary.countUnitWords.union([
        "stk", "szt", "pcs", "pc", "ud", "uds", "stck", "inc", "ltd", "co", "corp", "vol", "nr", "no", "env", "ca",
    ]).subtracting(["u", "copia", "copie", "copies", "exemplaire", "exemplaires", "exemplar", "exemplare", "ejemplar", "ejemplares",
                    "esemplare", "esemplari", "exemplaren", "stuks"])

    /// Whether a name's segment is a weight or volume at a price per measure, ending the text
    /// (`400 g à 36,00 €/kg`, `1,2 kg @ £9.50/kg`, `750 ml zu 12,00 €/l`).
    static func isWeighedAtRate(_ segment: Substring) -> Bool {
        guard segment.utf8.count <= 40, let first = segment.unicodeScalars.first, DecimalText.digitValue(first) != nil else { return false }
        let line = TextLine(String(segment))
        guard let rate = line.amounts.last, !rate.isBare, isPerMeasure(line, rate) else { return false }
        // Nothing after the measure's word.
        let after = line.slice(from: rate.range.upperBound, to: line.scalars.count).trimmedSpaces()
        return after.hasPrefix("/") && after.utf8.count <= 8 && !after.dropFirst().trimmedSpaces().contains(" ")
    }

    /// Whether a text ends with a separator of segments (`Cream /`, `Noir |`, `M ·`).
    static func endsWithSeparator(_ text: String) -> Bool {
        guard let last = text.trimmedSpaces().unicodeScalars.last else { return false }
        return last == "/" || last == "|" || last == "·"
    }

    /// The name before two slashed segments or more of which the last is a size (`Cardigan Gaspard / Écru
    /// chiné / S`), or `nil`.
    static func nameBeforeSlashedVariant(_ name: String) -> String? {
        let segments = name.components(separatedBy: " / ")
        guard segments.count >= 3, let last = segments.last?.trimmed(where: { nameEdges.contains($0) || $0.properties.isWhitespace }),
            (1...5).contains(last.count), !last.contains(" "),
            segments[0].spaceSeparatedWords().count >= 2
        else { return nil }
        return segments[0]
    }

    /// Whether the text after a name's bar goes on with the title: four words or more, no label,
    /// no further bar, no amount.
    static func continuesTitle(_ rest: Substring) -> Bool {
        guard rest.utf8.count <= 160, !rest.utf8.contains(0x7C), !rest.utf8.contains(0x3A) else { return false }
        guard String(rest).spaceSeparatedWords().count >= 4, rest.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(12).count == 12 else { return false }
        return MoneyScanner.scan(String(rest)).allSatisfy(\.isBare)
    }

    static let nameEdges: Set<Unicode.Scalar> = Set(" .…·:|-–—=\t".unicodeScalars)

    /// A line made only of a price label and an amount ("Price: $34.00", "Prix : 387 €",
    /// "Original price: € 426").
    static func isPriceLabelOnly(_ line: TextLine, before amount: MoneyToken) -> Bool {
        let words = Words(TextFolding.fold(line.slice(from: 0, to: amount.range.lowerBound)))
        // "Prix à l'unité :": four words where a price's word opens and a unit's word closes.
        if words.count == 4, let first = words.items.first, let last = words.items.last {
            return ItemVocabulary.priceWords.contains(first) && ItemVocabulary.perUnitWords.contains(last)
        }
        guard words.count >= 1, words.count <= 3 else { return false }
        return words.containsAny(ItemVocabulary.priceWords) || words.containsAny(ItemVocabulary.unitWords)
            || words.containsPhrase(ItemVocabulary.unitPhrases)
    }
}

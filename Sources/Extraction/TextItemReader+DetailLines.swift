import Foundation
import Intl

/// Lines of an item's cell that are not its name: a variant's colour and size, a product's
/// description under its short name, an article number.
extension TextItemReader {
    /// A colour and a size between dashes (`Écru – 38`, `Bleu marine - M`, `Rayures — L`, `Black – W27/L28`): a
    /// variant's line. The size is a figure or a letter size, so a name's last part (`… - Femme`) is not.
    static func isColourSizeLine(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        let separator = [" – ", " — "].first(where: text.containsBytes) ?? " - "
        let parts = text.components(separatedBy: separator)
        guard parts.count == 2, let size = parts.last?.trimmedSpaces(), !size.contains(" "), size.utf8.count <= 8,
            parts[0].spaceSeparatedWords().count <= 3
        else { return false }
        let folded = TextFolding.fold(size)
        return letterSizes.contains(folded) || (size.unicodeScalars.first.map { DecimalText.digitValue($0) != nil } ?? false)
            || (folded.first == "w" && folded.contains("/"))
    }

    static let letterSizes: Set<String> = ["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "2xl", "3xl", "tu", "os", "u"]

    /// A product's description under its short name: a noun then comma-separated attributes, one of
    /// them a colour or a size in figures (`Bibliothèque, blanc, 80x28x202 cm`, `Lampe de travail, gris foncé`).
    static func isDescriptionLine(_ text: String) -> Bool {
        let parts = text.split(separator: ",").map { Words(TextFolding.fold(String($0))).items }
        guard parts.count >= 2, parts.count <= 5, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) else { return false }
        return parts.dropFirst().contains { part in
            ItemVocabulary.colourWords.contains(part[0]) || part.contains { word in isDimension(word) }
        }
    }

    /// `80x28x202`, `77x77`: sizes in figures joined by an `x`.
    static func isDimension(_ word: String) -> Bool {
        let pieces = word.split(separator: "x", omittingEmptySubsequences: false)
        return pieces.count >= 2 && pieces.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Whether a line is an article number and its label only (`Art.-Nr. 71234`, `Réf. 2045-B`,
    /// `SKU: TS-118`, `EAN 4006381333931`): an item's reference, never its name.
    static func isReferenceLine(_ text: String) -> Bool {
        guard text.utf8.count <= 40, text.unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }) else { return false }
        var words = Words(TextFolding.fold(text)).items[...]
        // "N° d'article : TP-3359", "Nr. Artikel 4410": the number's sign before the label.
        if words.count >= 3, ["n", "n°", "no", "nr", "num", "numero"].contains(words[words.startIndex]), referenceLabels.contains(words[words.startIndex + 1])
            || (words[words.startIndex + 1] == "d" && referenceLabels.contains(words[words.startIndex + 2]))
        {
            words = words.drop { !referenceLabels.contains($0) }
        }
        guard let first = words.first, (2...4).contains(words.count) else { return false }
        var labelWords = 1
        if first == "art", words.count >= 3, ["nr", "no", "nummer"].contains(words[words.startIndex + 1]) { labelWords = 2 }
        guard referenceLabels.contains(first) || labelWords == 2 else { return false }
        // The number's words: each holds a digit, or is a short code's part (`TS 118`, `2045 B`).
        let value = words.dropFirst(labelWords)
        return value.contains { $0.contains(where: \.isNumber) }
            && value.allSatisfy { $0.utf8.count <= 16 && ($0.contains(where: \.isNumber) || $0.utf8.count <= 3) }
    }

    /// Labels of an article's reference number, in the 7 languages.
    static let referenceLabels: Set<String> = [
        "art", "artnr", "article", "artikel", "artikelnummer", "artikelnr", "ref", "reference", "sku", "ean", "isbn", "referencia", "riferimento", "rif",
        "codice", "indeks", "pzn", "gtin", "upc", "mpn",
    ]
}

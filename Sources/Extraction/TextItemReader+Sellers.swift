import Foundation
import Intl

/// Lines naming an item's seller rather than the item, in a segment after a separator
/// (`WildOakPrints · ships from Portland, OR`, `EN PRÉPARATION · par le vendeur Morel`).
extension TextItemReader {
    /// Whether a segment after a spaced `·`, `|`, `—` or `–` opens with words saying who sells
    /// the goods or where they ship from, in the 7 languages.
    static func hasSellerSegment(_ name: String) -> Bool {
        guard name.containsBytes(" · ") || name.containsBytes(" | ") || name.containsBytes(" — ") || name.containsBytes(" – ") else { return false }
        let segments = name.components(separatedBy: " · ").flatMap { $0.components(separatedBy: " | ") }
            .flatMap { $0.components(separatedBy: " — ") }.flatMap { $0.components(separatedBy: " – ") }
        for segment in segments.dropFirst() {
            let words = Words(TextFolding.fold(segment)).items
            if sellerOpenings.contains(where: { words.starts(with: $0) }) { return true }
        }
        return false
    }

    /// The words opening a seller's segment.
    static let sellerOpenings: [[String]] = [
        ["ships", "from"], ["shipped", "from"], ["dispatched", "from"], ["sold", "by"], ["sold", "and", "shipped", "by"],
        ["by", "the", "seller"], ["from", "the", "seller"], ["par", "le", "vendeur"], ["vendu", "par"], ["expedie", "par"],
        ["expedie", "depuis"], ["du", "vendeur"], ["vom", "verkaufer"], ["verkauft", "von"], ["versand", "aus"], ["versand", "durch"],
        ["por", "el", "vendedor"], ["del", "vendedor"], ["vendido", "por"], ["enviado", "desde"], ["dal", "venditore"],
        ["venduto", "da"], ["spedito", "da"], ["door", "de", "verkoper"], ["verkocht", "door"], ["verzonden", "vanuit"],
        ["od", "sprzedawcy"], ["sprzedawca"], ["wysylka", "z"],
    ]

    /// Phrases opening a seller's line (`Vendu par`, `Sold by`), and their first words.
    static let sellerList = PhraseList([
        "vendu par", "vendu et expedie par", "expedie par", "sold by", "sold and shipped by", "shipped and sold by",
        "dispatched from and sold by", "verkauft von", "verkauf und versand durch", "verkauft und versandt von", "vendido por",
        "vendido y enviado por", "venduto da", "venduto e spedito da", "verkocht door", "verkoop door", "sprzedawca",
        "sprzedaje",
    ])
    static let sellerFirstWords: Set<String> = [
        "vendu", "expedie", "sold", "shipped", "dispatched", "verkauft", "verkauf", "vendido", "venduto", "verkocht", "verkoop",
        "sprzedawca", "sprzedaje",
    ]
}

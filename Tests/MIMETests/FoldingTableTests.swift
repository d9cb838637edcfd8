import Foundation
import Testing

@testable import Intl

/// The table fold reads UTF-8 bytes; it must give what folding scalar by scalar gives.
@Suite("Folding with the table")
struct FoldingTableTests {
    /// The scalar-by-scalar fold the table fold replaced.
    static func reference(_ text: String) -> String? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if let index = TextFolding.tableIndex(scalar.value) {
                bytes.append(contentsOf: TextFolding.table[index])
            } else {
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("the table written out ahead is what ICU folds, character by character")
    func precomputedTable() {
        let computed = TextFolding.tableFromICU()
        // The list itself, not only the table (which ICU fills when the list is short).
        let written = TextFolding.precomputedEntries()
        #expect(written.count + 0x80 == computed.count)
        for (index, (stored, folded)) in zip(written, computed.dropFirst(0x80)).enumerated() where stored != folded {
            Issue.record("entry of U+\(String(index + 0x80, radix: 16)): \(stored) written, ICU folds \(folded)")
        }
        #expect(TextFolding.table == computed)
    }

    @Test("every table character, alone and in words", arguments: TextFolding.tableRanges)
    func tableCharacters(range: Range<UInt32>) {
        for value in range {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "Ab\(scalar)Cd", "\(scalar)\(scalar)é"] {
                #expect(TextFolding.foldWithTable(text) == Self.reference(text), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("texts with characters outside the table fold without it", arguments: [
        "Crème Brûlée", "STRASSE Straße", "Ωmega", "Привет мир", "日本語", "emoji 😀 here", "ﬀ ligature", "€ 12,50", "", "ÀÉÎÕÜ Ç",
        "‘quoted’ … — –", "𝔘nicode", "x\u{301}y\u{308}",
    ])
    func mixed(text: String) {
        #expect(TextFolding.foldWithTable(text) == Self.reference(text))
    }

    @Test("text with characters outside the table folds word by word as ICU folds it whole", arguments: [
        "Crème Brûlée 😀", "STRASSE Straße ✓ livré", "Ωmega Ünïcode", "Привет мир, café", "日本語 Àbc", "emoji 😀 here 📦 Commandé",
        "ﬀ ligature ™ Æther", "№ 12 ★★★★☆ Noël", "Ά\u{301}ξ é", "x\u{301}Ω\u{308}y\u{308}", "👨\u{200D}👩 Famille", "Ǆemal ǅ ǆ",
        "→ Suivre mon colis ←", "中文 Straße ÆØÅ æøå", "\u{1F1EB}\u{1F1F7} Livraison", "Ä\u{20D7}b", "ΣΊΣΥΦΟΣ σίσυφος ΟΣ.a ΟΣ a", "İstanbul ıi", "tab\tΩ\nline\r\nΣ\u{0B}x", "  leading Ω  ", "",
    ])
    func byWords(text: String) {
        #expect(TextFolding.foldByWords(text) == TextFolding.foldWithICU(text))
        #expect(TextFolding.fold(text) == TextFolding.foldWithICU(text))
    }
}

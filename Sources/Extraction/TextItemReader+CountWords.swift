import Foundation
import Intl

/// Words around a count on an item line: a container and its link after it (`3 botellas de`),
/// a spaced dash setting it apart from the name before it (`Middlemarch — 2 @ £7.50`).
extension TextItemReader {
    /// Whether a spaced dash, middle dot or bar ends the text before `start` (`Middlemarch — 1 @ £9.99`):
    /// what follows is a segment of its own.
    static func dashSeparated(_ scalars: [Unicode.Scalar], before start: Int) -> Bool {
        var end = start
        while end > 0, MoneyScanner.isSpace(scalars[end - 1]) { end -= 1 }
        guard end < start, end >= 2, ["—", "–", "-", "·", "|"].contains(scalars[end - 1]) else { return false }
        return MoneyScanner.isSpace(scalars[end - 2])
    }

    /// A container's word and its link (`botellas de `, `bottles of `, `bouteilles d'`) starting at
    /// `start`: where the name after them starts, `nil` for any other words.
    static func containerOpening(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var end = start
        while end < scalars.count, end - start <= 12, scalars[end].properties.isAlphabetic { end += 1 }
        guard end > start, ItemVocabulary.containerWords.contains(TextFolding.fold(String(scalars: scalars[start..<end]))),
            end < scalars.count, MoneyScanner.isSpace(scalars[end])
        else { return nil }
        var cursor = end
        while cursor < scalars.count, MoneyScanner.isSpace(scalars[cursor]) { cursor += 1 }
        let linkStart = cursor
        while cursor < scalars.count, scalars[cursor].properties.isAlphabetic { cursor += 1 }
        guard cursor > linkStart, ItemVocabulary.containerLinks.contains(TextFolding.fold(String(scalars: scalars[linkStart..<cursor]))),
            cursor < scalars.count
        else { return nil }
        // "d'Anjou": the elided link glued to the name.
        if scalars[cursor] == "'" || scalars[cursor] == "\u{2019}" { return cursor + 1 < scalars.count ? cursor + 1 : nil }
        guard MoneyScanner.isSpace(scalars[cursor]) else { return nil }
        while cursor < scalars.count, MoneyScanner.isSpace(scalars[cursor]) { cursor += 1 }
        return cursor < scalars.count && scalars[cursor].properties.isAlphabetic ? cursor : nil
    }
}

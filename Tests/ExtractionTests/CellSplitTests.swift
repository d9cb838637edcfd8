import Foundation
import Testing

@testable import Extraction

/// A line's cells, trimmed on their scalars, are the cells trimmed with a Foundation character
/// set as before session 7.
@Suite("Line cells")
struct CellSplitTests {
    /// The cells as `TextLine.cells` cut them before: a string per cell, trimmed by Foundation.
    static func referenceCells(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var spaces = 0
        var dots = 0
        func flush() {
            let trimmed = current.trimmingCharacters(in: CharacterSet(charactersIn: " .…·:|"))
            if !trimmed.isEmpty { result.append(trimmed) }
            current = ""
        }
        for scalar in text.unicodeScalars {
            if scalar == "\t" || scalar == "|" {
                flush(); spaces = 0; dots = 0; continue
            }
            if scalar == " " || scalar == "\u{A0}" {
                spaces += 1
                if spaces == 2 { flush() }
                if spaces < 2 { current.unicodeScalars.append(" ") }
                continue
            }
            if scalar == "." || scalar == "…" {
                dots += 1
                if dots == 3 { flush() }
                if dots < 3 { current.unicodeScalars.append(scalar) }
                continue
            }
            spaces = 0
            dots = 0
            current.unicodeScalars.append(scalar)
        }
        flush()
        return result
    }

    @Test("random lines of words, separators, edge characters and combining marks")
    func agreesWithFoundationTrim() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["Kettle", "Noir", "12,99 €", " ", "  ", "\t", "|", ".", "..", "...", "…", "·", ":", " : ", "\u{A0}", "e\u{301}", "\u{301}", "·x·", "x1", "日本", "🇫🇷", "\u{2009}", "-", "—"]
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined()
            #expect(TextLine(text).cells == Self.referenceCells(text), "\(text.debugDescription)")
        }
    }
}

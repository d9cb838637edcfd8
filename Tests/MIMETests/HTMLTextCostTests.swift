@testable import HTML
import Testing

/// The cheaper text output and entity lookup of the streaming renderer against what they replaced.
@Suite("HTML text: cost of runs and references")
struct HTMLTextCostTests {
    /// Pieces of text: words, single and repeated spaces, line ends, tabs, form feeds, no-break
    /// spaces (C2 A0), a lone C2 and other UTF-8.
    static let pieces: [[UInt8]] = [
        Array("Total".utf8), Array("9,99".utf8), Array("€".utf8), Array("Zoë".utf8), [0x20], [0x20, 0x20], [0x0A], [0x0D, 0x0A],
        [0x09], [0x0C], [0x0B], [0xC2, 0xA0], [0xC2], [0x20, 0xC2, 0xA0, 0x20], Array("x".utf8), Array("-".utf8),
    ]

    /// What the output did before a run could hold single spaces: each whitespace byte (or
    /// no-break space) on its own, every other byte as a run of one.
    static func feedByteByByte(_ text: [UInt8], into output: inout TextOutput) {
        var index = 0
        while index < text.count {
            let width = text[index] == 0xC2 && index + 1 < text.count && text[index + 1] == 0xA0 ? 2 : 1
            let piece = Array(text[index..<(index + width)])
            piece.withUnsafeBufferPointer { output.appendText($0) }
            index += width
        }
    }

    @Test("a run with single spaces is written as the same text fed a byte at a time")
    func runsWithSpaces() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var whole = TextOutput()
            var pieceWise = TextOutput()
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                // Structure between texts, so pending breaks, cells and soft breaks meet the runs.
                switch Int.random(in: 0...9, using: &random) {
                case 0: whole.lineBreak(); pieceWise.lineBreak()
                case 1: whole.openTable(); pieceWise.openTable()
                case 2: whole.rowBreak(); pieceWise.rowBreak()
                case 3: whole.openCell(); pieceWise.openCell()
                case 4: whole.closeCell(); pieceWise.closeCell()
                case 5: whole.closeTable(); pieceWise.closeTable()
                case 6: whole.space(); pieceWise.space()
                default: break
                }
                let text = (0..<Int.random(in: 0...10, using: &random)).flatMap { _ in Self.pieces.randomElement(using: &random) ?? [] }
                text.withUnsafeBufferPointer { whole.appendText($0) }
                Self.feedByteByByte(text, into: &pieceWise)
            }
            #expect(whole.finish() == pieceWise.finish())
        }
    }

    @Test("rendered text keeps single spaces, collapses the rest", arguments: [
        ("<p>Votre commande  est\u{A0}expédiée</p>", "Votre commande est expédiée"),
        ("<td>Câble USB-C 2 m</td><td>9,99 €</td>", "Câble USB-C 2 m\t9,99 €"),
        ("a b\tc\nd  e <b>f g</b> h ", "a b c d e f g h"),
    ])
    func renderedSpaces(html: String, expected: String) {
        #expect(HTMLText.render(html) == expected)
    }

    @Test("named references: the common table (case kept, digits), libxml2's others, unknown names", arguments: [
        ("eacute", "é"), ("Eacute", "É"), ("agrave", "à"), ("Agrave", "À"), ("AElig", "Æ"), ("aelig", "æ"),
        ("nbsp", "\u{A0}"), ("euro", "€"), ("sup2", "²"), ("frac12", "½"), ("alefsym", "ℵ"), ("thetasym", "ϑ"),
    ])
    func namedReferences(name: String, expected: String) {
        let scalar = Array(name.utf8).withUnsafeBufferPointer { HTMLEntities.lookup($0) }
        #expect(scalar.map { String(Character($0)) } == expected)
    }

    @Test("unknown and over-long names are no references", arguments: ["eacutex", "EACUTE", "nbsp2", "abcdefghijklmnop", "x"])
    func unknownReferences(name: String) {
        #expect(Array(name.utf8).withUnsafeBufferPointer { HTMLEntities.lookup($0) } == nil)
    }
}

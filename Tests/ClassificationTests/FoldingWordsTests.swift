import Intl
import Testing

@testable import Classification

/// Words of ASCII names cut on the bytes are the words found by walking characters.
@Suite("Folded words")
struct FoldingWordsTests {
    static func byCharacters(_ text: String) -> [String] {
        TextFolding.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    @Test("display names and domains, ASCII or not", arguments: [
        "", " ", "Cascade Outdoor", "no-reply", "maison-lumiere.fr", "A&B Shop", "L'Atelier", "x\r\ny", "Ville de Rennes",
        "EATALY", "O2", "3M France", "Café Crème", "Müller & Söhne", "Заказ 12", "日本", "Atelier Brun SAS (Support)", "a__b--c..d",
        "\t tab\u{7F}del", "ﬁne", "Ⅻ",
    ])
    func sameWords(text: String) {
        #expect(TextFoldingWords.words(text) == Self.byCharacters(text))
    }

    @Test("random ASCII, every byte value")
    func randomASCII() {
        var random = SystemRandomNumberGenerator()
        let ascii = (0..<128).compactMap { Unicode.Scalar($0).map(Character.init) }
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...24, using: &random)).map { _ in ascii.randomElement(using: &random) ?? "a" })
            #expect(TextFoldingWords.words(text) == Self.byCharacters(text), "\(text.debugDescription)")
        }
    }
}

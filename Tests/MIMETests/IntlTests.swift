import Foundation
import Intl
import Testing

@Suite("Charset decoding")
struct CharsetTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String?
        var bytes: [UInt8]
        var text: String
        var charset: String
        var testDescription: String { "\(label ?? "nil") \(bytes.prefix(8))" }
    }

    static let cases: [Case] = [
        Case(label: "iso-8859-1", bytes: [0x80, 0x20, 0xE9], text: "€ é", charset: "windows-1252"),
        Case(label: "\"ISO-8859-1\"", bytes: [0x80], text: "€", charset: "windows-1252"),
        Case(label: "latin1", bytes: [0xE9], text: "é", charset: "windows-1252"),
        Case(label: "us-ascii", bytes: [0x41, 0x80], text: "A€", charset: "windows-1252"),
        Case(label: "US-ASCII", bytes: [0xC3, 0xA9], text: "é", charset: "utf-8"),
        Case(label: "utf8", bytes: [0xC3, 0xA9], text: "é", charset: "utf-8"),
        Case(label: "UTF-8", bytes: Array("plain".utf8), text: "plain", charset: "utf-8"),
        Case(label: "iso-8859-15", bytes: [0xA4], text: "€", charset: "iso-8859-15"),
        Case(label: "koi8-r", bytes: [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], text: "Привет", charset: "koi8-r"),
        Case(label: "gb2312", bytes: [0xD6, 0xD0, 0xCE, 0xC4], text: "中文", charset: "gb18030"),
        Case(label: "windows-1251", bytes: [0xCF, 0xF0, 0xE8], text: "При", charset: "windows-1251"),
        Case(label: nil, bytes: [0xC3, 0xA9], text: "é", charset: "utf-8"),
        Case(label: nil, bytes: [0xE9, 0x80], text: "é€", charset: "windows-1252"),
    ]

    @Test(arguments: cases)
    func decodes(_ testCase: Case) {
        let decoded = Charset.decode(testCase.bytes, label: testCase.label)
        #expect(decoded.text == testCase.text)
        #expect(decoded.charset == testCase.charset)
        #expect(decoded.issues.isEmpty)
    }

    @Test func unknownLabelFallsBack() {
        let utf8 = Charset.decode([0xC3, 0xA9], label: "x-unknown-foo")
        #expect(utf8.text == "é")
        #expect(utf8.issues == [.unknownCharset(label: "x-unknown-foo", fallback: "utf-8")])
        let latin = Charset.decode([0xE9], label: "x-unknown-foo")
        #expect(latin.text == "é")
        #expect(latin.issues == [.unknownCharset(label: "x-unknown-foo", fallback: "windows-1252")])
    }

    @Test func invalidUTF8IsReplaced() {
        let decoded = Charset.decode([0x61, 0xFF, 0x62], label: "utf-8")
        #expect(decoded.text == "a\u{FFFD}b")
        #expect(decoded.issues == [.invalidBytes(count: 1)])
    }

    @Test func labelNormalization() {
        #expect(Charset.normalizedLabel(" \"Latin1\" ") == "windows-1252")
        #expect(Charset.normalizedLabel("ASCII") == "windows-1252")
        #expect(Charset.normalizedLabel("KS_C_5601-1987") == "windows-949")
        #expect(Charset.normalizedLabel("\"\"") == nil)
        #expect(Charset.isKnown("KOI8-R") && Charset.isKnown("latin1") && Charset.isKnown("gb2312"))
        #expect(!Charset.isKnown("x-unknown-foo"))
    }

    @Test func concurrentConversions() async {
        let expectedFolds = (0..<200).map { TextFolding.fold("Crème Brûlée Nº\($0)") }
        #expect(expectedFolds[7].hasPrefix("creme brulee n"))
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let koi = Charset.decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], label: index % 2 == 0 ? "koi8-r" : "KOI8-R")
                    let gb = Charset.decode([0xD6, 0xD0, 0xCE, 0xC4], label: "gbk")
                    let folded = TextFolding.fold("Crème Brûlée Nº\(index)")
                    return koi.text == "Привет" && gb.text == "中文" && folded == expectedFolds[index]
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}

@Suite("Text folding")
struct TextFoldingTests {
    @Test(arguments: [
        ("Café Crème", "cafe creme"),
        ("STRASSE Straße", "strasse strasse"),
        ("Æble Øl", "aeble ol"),
        ("Commande confirmée", "commande confirmee"),
        ("ORDER #123", "order #123"),
        ("Заказ", "заказ"),
        ("", ""),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test("ASCII text of every length folds to its lowercase; one 8-bit character anywhere leaves the ASCII path")
    func asciiPath() {
        var random = SystemRandomNumberGenerator()
        let ascii = (0..<128).compactMap { Unicode.Scalar($0).map(Character.init) }
        for length in 0..<40 {
            // Positions count in the generated characters: "\r" then "\n" make one Character
            // of the string, so the string's own characters may be fewer.
            let characters = (0..<length).map { _ in ascii.randomElement(using: &random) ?? "a" }
            let text = String(characters)
            #expect(TextFolding.fold(text) == text.lowercased(), "\(text.debugDescription)")
            for position in 0...length {
                var mixed = characters
                mixed.insert("É", at: position)
                #expect(TextFolding.fold(String(mixed)) == String(mixed).lowercased().replacingOccurrences(of: "é", with: "e"))
            }
        }
    }
}

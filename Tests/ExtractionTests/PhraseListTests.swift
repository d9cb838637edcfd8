import Foundation
import MIME
import Testing

@testable import Extraction

/// ``PhraseList/first(in:)`` reads the key's words once; it must name the phrase that searching
/// the phrases one by one, in list order, names.
@Suite("Phrase lists")
struct PhraseListTests {
    /// The first phrase of the list the key holds, searched phrase by phrase.
    static func naiveFirst(_ list: PhraseList, in key: SearchKey) -> String? {
        list.phrases.indices.first { key.contains(list.phrases[$0]) }.map { list.texts[$0] }
    }

    static let lists: [PhraseList] = [
        DateFinder.orderDateList, DateFinder.dueDateList, DateFinder.nextList, StatusDetector.preparingList,
        StatusDetector.billList, StatusDetector.confirmingList, TrackingFinder.labelList, OrderNumberFinder.labelWords,
        PhraseList(["order*", "order number", "a b", "b", "commande passee le", "passee le", "rembours*", "no"]),
    ] + StatusDetector.bodyLists.map(\.1) + StatusDetector.subjectLists.map(\.1)

    @Test("the first phrase of the list, as a phrase-by-phrase search finds it", arguments: [
        "Date de commande : 19 sept. 2025", "Commande passée le 3 mars 2025", "Payment due: 30/12/2025 order number 12",
        "a b", "b a", "", "   ", "orders ordered order", "Remboursement effectué", "no no no", "sera prélevé le 24/03/2025",
        "Votre prochain paiement sera prélevé le 1er", "Your order has shipped and will be delivered",
    ])
    func sameAsSearch(line: String) {
        let key = SearchKey(line)
        for list in Self.lists {
            #expect(list.first(in: key) == Self.naiveFirst(list, in: key), "\(list.texts.prefix(3)) on \(line)")
        }
    }

    @Test("on every line of every sample")
    func samples() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples")
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".eml") }
        var found = 0
        for file in files {
            let parsed = MessageParser.parse(try Data(contentsOf: root.appendingPathComponent(file)))
            for part in parsed.textParts {
                for line in (part.renderedText ?? part.text).split(separator: "\n").prefix(200) {
                    let key = SearchKey(String(line))
                    for list in Self.lists {
                        let first = list.first(in: key)
                        #expect(first == Self.naiveFirst(list, in: key), "\(list.texts.prefix(3)) on \(line)")
                        if first != nil { found += 1 }
                    }
                }
            }
        }
        #expect(found > 500)
    }
}

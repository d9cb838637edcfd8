import Foundation
import Logging
import MIME
import Pipeline
import Store
import Testing

@Suite("Reclassifying stored mail")
struct ReclassifierTests {
    @Test("the stored header and parts are enough: reclassifying the imported corpus changes nothing, orders included")
    func storedPartsSuffice() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-reclassify-\(UUID().uuidString)")
        let store = try MailStore(path: root.appendingPathComponent("store.sqlite").path)
        let importer = Importer(store: store, analyzer: GoldenTests.analyzer, logger: Logger(label: "test"),
                                now: { Date(timeIntervalSince1970: 1_700_000_000) })
        let imported = try importer.run(try MailSource(paths: [GoldenTests.repositoryRoot.appendingPathComponent("Samples").path]))
        #expect(imported.imported > 150)

        let before = try store.storedMessages(after: 0, limit: 10_000)
        let ordersBefore = try store.orderCount()
        #expect(ordersBefore > 40)
        var progress: [Int] = []
        var reclassifier = Reclassifier(store: store, analyzer: GoldenTests.analyzer)
        reclassifier.batchSize = 64
        let summary = try reclassifier.run { done, _ in progress.append(done) }
        #expect(summary.messages == imported.imported)
        #expect(summary.changed == 0)
        #expect(summary.orders == ordersBefore)
        #expect(progress.count == (imported.imported + 63) / 64)
        let after = try store.storedMessages(after: 0, limit: 10_000)
        #expect(after.map(\.vendorID) == before.map(\.vendorID))
        #expect(after.map(\.category) == before.map(\.category))
        #expect(after.allSatisfy { $0.stream != nil || $0.category == nil })
        try? FileManager.default.removeItem(at: root)
    }
}

@Suite("Stored parts")
struct StoredPartsTests {
    @Test("a message rebuilt from the store has the parsed message's text parts, HTML renderings included")
    func rebuilt() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-parts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try MailStore(path: root.appendingPathComponent("store.sqlite").path)
        let samples = GoldenTests.repositoryRoot.appendingPathComponent("Samples").path
        let importer = Importer(store: store, analyzer: GoldenTests.analyzer, logger: Logger(label: "test"),
                                now: { Date(timeIntervalSince1970: 1_700_000_000) })
        _ = try importer.run(try MailSource(paths: [samples]))
        var parsed: [String: [TextPart]] = [:]
        for file in try MailSource(paths: [samples]).files() {
            for raw in try MailSource.messages(in: file) {
                let analysis = GoldenTests.analyzer.analyze(raw)
                parsed[analysis.contentHash] = analysis.message.textParts
            }
        }
        let stored = try store.storedMessages(after: 0, limit: 10_000)
        #expect(stored.count > 150)
        var html = 0
        for message in stored {
            #expect(message.parts.allSatisfy { $0.renderedText == nil })
            #expect(message.message().textParts == parsed[message.contentHash], "\(message.contentHash)")
            html += message.parts.filter { $0.kind == .html }.count
        }
        #expect(html > 50)
    }
}

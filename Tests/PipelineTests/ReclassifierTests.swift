import Foundation
import Logging
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

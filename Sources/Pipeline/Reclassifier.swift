import Classification
import Dispatch
import Foundation
import MailroomCore
import Store

/// What `reclassify` did.
public struct ReclassifySummary: Sendable, Hashable, Codable {
    /// Messages whose derived data was recomputed.
    public var messages = 0
    /// Messages whose vendor or category changed.
    public var changed = 0
    /// Orders after the rebuild.
    public var orders = 0

    public init() {}
}

/// Recomputes vendor, category and orders of stored messages from their stored header and
/// parts, after a rules change or a correction; nothing is read from the network or the mail
/// files. Each batch of messages is written in one transaction, then the orders are rebuilt
/// whole in one more.
public struct Reclassifier: Sendable {
    public let store: MailStore
    public let analyzer: Analyzer
    public var batchSize = 500

    public init(store: MailStore, analyzer: Analyzer) {
        self.store = store
        self.analyzer = analyzer
    }

    /// Reclassifies every stored message; `progress` gets (done, total) after each batch.
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws(PipelineError) -> ReclassifySummary {
        var summary = ReclassifySummary()
        do throws(StoreError) {
            let total = try store.messageCount()
            var last: Int64 = 0
            var orders: [(message: StoredMessage, vendor: VendorID, order: StoredOrder)] = []
            while true {
                let batch = try store.storedMessages(after: last, limit: batchSize)
                guard let tail = batch.last else { break }
                let results = reclassifications(of: batch)
                summary.changed += try store.apply(results)
                orders += Self.orders(of: batch, results)
                summary.messages += batch.count
                last = tail.rowID
                progress(summary.messages, total)
            }
            try store.rebuildOrders(orders)
            summary.orders = try store.orderCount()
        } catch {
            throw PipelineError.store(error)
        }
        return summary
    }

    /// Reclassifies the stored messages with these row ids (after a correction, say).
    /// Orders are rebuilt when one of these messages had or now has one.
    public func run(rowIDs: [Int64]) throws(PipelineError) -> ReclassifySummary {
        var summary = ReclassifySummary()
        do throws(StoreError) {
            var ordersChanged = try store.hasOrders(amongMessages: rowIDs)
            for start in stride(from: 0, to: rowIDs.count, by: batchSize) {
                let batch = try store.storedMessages(rowIDs: Array(rowIDs[start..<min(start + batchSize, rowIDs.count)]))
                let results = reclassifications(of: batch)
                summary.changed += try store.apply(results)
                summary.messages += batch.count
                if results.contains(where: { $0.order != nil }) { ordersChanged = true }
            }
            if ordersChanged { try rebuildOrders() }
        } catch {
            throw PipelineError.store(error)
        }
        return summary
    }

    /// Extracts again the orders of the mail that may describe one, and rebuilds every order.
    public func rebuildOrders() throws(StoreError) {
        var orders: [(message: StoredMessage, vendor: VendorID, order: StoredOrder)] = []
        var last: Int64 = 0
        while true {
            let batch = try store.storedOrderCandidates(after: last, limit: batchSize)
            guard let tail = batch.last else { break }
            orders += Self.orders(of: batch, reclassifications(of: batch))
            last = tail.rowID
        }
        try store.rebuildOrders(orders)
    }

    static func orders(of batch: [StoredMessage], _ results: [Reclassification]) -> [(message: StoredMessage, vendor: VendorID, order: StoredOrder)] {
        zip(batch, results).compactMap { message, result in
            guard let order = result.order, let vendor = result.vendor?.id else { return nil }
            return (message, vendor, order)
        }
    }

    /// The new derived data of a batch, computed on all cores.
    func reclassifications(of batch: [StoredMessage]) -> [Reclassification] {
        let results = UnsafeResults<Reclassification>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            let stored = batch[index]
            let message = stored.message()
            let analysis = analyzer.analyze(
                message, raw: RawMessage(path: "", position: 0, data: stored.rawHeader), contentHash: stored.contentHash)
            let record = analysis.newMessage()
            results.set(index, Reclassification(
                rowID: stored.rowID, vendor: record.vendor, category: record.category,
                explanation: record.explanation, stream: record.stream, order: record.order))
        }
        return results.values()
    }
}

import Classification
import Dispatch
import Foundation
import Store

/// What `reclassify` did.
public struct ReclassifySummary: Sendable, Hashable, Codable {
    /// Messages whose derived data was recomputed.
    public var messages = 0
    /// Messages whose vendor or category changed.
    public var changed = 0

    public init() {}
}

/// Recomputes vendor and category of every stored message from its stored header and parts,
/// after a rules change or a correction; nothing is read from the network or the mail files.
/// Each batch is written in one transaction.
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
            while true {
                let batch = try store.storedMessages(after: last, limit: batchSize)
                guard let tail = batch.last else { break }
                summary.changed += try store.apply(reclassifications(of: batch))
                summary.messages += batch.count
                last = tail.rowID
                progress(summary.messages, total)
            }
        } catch {
            throw PipelineError.store(error)
        }
        return summary
    }

    /// Reclassifies the stored messages with these row ids (after a correction, say).
    public func run(rowIDs: [Int64]) throws(PipelineError) -> ReclassifySummary {
        var summary = ReclassifySummary()
        do throws(StoreError) {
            for start in stride(from: 0, to: rowIDs.count, by: batchSize) {
                let batch = try store.storedMessages(rowIDs: Array(rowIDs[start..<min(start + batchSize, rowIDs.count)]))
                summary.changed += try store.apply(reclassifications(of: batch))
                summary.messages += batch.count
            }
        } catch {
            throw PipelineError.store(error)
        }
        return summary
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
                explanation: record.explanation, stream: record.stream))
        }
        return results.values()
    }
}

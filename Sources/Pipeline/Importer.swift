import Dispatch
import Foundation
import Logging
import Store

/// What an import did.
public struct ImportSummary: Sendable, Hashable, Codable {
    /// Messages new to the store.
    public var imported = 0
    /// Messages already stored, skipped.
    public var duplicates = 0
    /// Messages that parsed with warnings (imported or not).
    public var warnings = 0
    /// Files that could not be read (each also logged).
    public var unreadable = 0

    public init() {}

    enum CodingKeys: String, CodingKey { case imported, duplicates, warnings, unreadable }
}

/// Progress of a running import, reported after each batch.
public struct ImportProgress: Sendable {
    public var messages: Int
    public var files: Int
    public var totalFiles: Int
    public var elapsed: Duration
}

/// Imports mail files into the store: read → parse and analyse (in parallel) → store in batches.
///
/// Each batch is stored in one transaction, so an interrupted import leaves whole messages only,
/// and running it again skips what is already there.
public struct Importer: Sendable {
    public let store: MailStore
    public let analyzer: Analyzer
    public let logger: Logger
    /// Messages per transaction.
    public var batchSize = 256
    /// The clock that dates stored rows.
    public var now: @Sendable () -> Date

    public init(store: MailStore, analyzer: Analyzer, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.analyzer = analyzer
        self.logger = logger
        self.now = now
    }

    /// Imports every message under `source`'s paths.
    ///
    /// Batches are analysed on all cores while the previous batch is written by a writer thread
    /// (one batch in flight), so parsing and storing overlap.
    public func run(
        _ source: MailSource, progress: (ImportProgress) -> Void = { _ in }
    ) throws(PipelineError) -> ImportSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let files = source.files()
        let writer = BatchWriter(store: store, now: now)
        var summary = ImportSummary()
        var pending: [RawMessage] = []
        var filesDone = 0
        var messagesDone = 0

        func flush() throws(PipelineError) {
            guard !pending.isEmpty else { return }
            let analyses = analyzer.analyze(pending)
            summary.warnings += analyses.count { !$0.message.warnings.isEmpty }
            try writer.submit(analyses.map { $0.newMessage() })
            messagesDone += pending.count
            pending.removeAll(keepingCapacity: true)
            progress(ImportProgress(messages: messagesDone, files: filesDone, totalFiles: files.count,
                                    elapsed: clock.now - start))
        }

        for file in files {
            do {
                for raw in try MailSource.messages(in: file) {
                    pending.append(raw)
                    if pending.count >= batchSize { try flush() }
                }
            } catch {
                if case .store = error {
                    _ = try? writer.finish()
                    throw error
                }
                logger.warning("\(error)")
                summary.unreadable += 1
            }
            filesDone += 1
        }
        try flush()
        summary += try writer.finish()
        return summary
    }
}

/// Writes batches on its own thread, one at a time, while the caller prepares the next.
final class BatchWriter: @unchecked Sendable {
    // `summary` and `failure` are written on the queue and read after `group.wait()`.
    private let store: MailStore
    private let now: @Sendable () -> Date
    private let queue = DispatchQueue(label: "mailroom.import.writer")
    private let group = DispatchGroup()
    private var summary = InsertSummary()
    private var failure: StoreError?

    init(store: MailStore, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Waits for the batch in flight, then starts writing `batch`.
    func submit(_ batch: [NewMessage]) throws(PipelineError) {
        group.wait()
        if let failure { throw .store(failure) }
        group.enter()
        queue.async { [self] in
            defer { group.leave() }
            do throws(StoreError) {
                summary += try store.insert(batch, now: now())
            } catch {
                failure = error
            }
        }
    }

    /// Waits for the last batch; what all batches stored.
    func finish() throws(PipelineError) -> InsertSummary {
        group.wait()
        if let failure { throw .store(failure) }
        return summary
    }
}

extension ImportSummary {
    static func += (lhs: inout ImportSummary, rhs: InsertSummary) {
        lhs.imported += rhs.inserted
        lhs.duplicates += rhs.duplicates
    }
}

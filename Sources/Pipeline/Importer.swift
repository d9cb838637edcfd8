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
    /// A batch also ends once it holds this many bytes of mail: a run of huge messages (a
    /// header of megabytes is stored whole) makes smaller transactions, not a bigger heap.
    public var batchBytes = 32 << 20
    /// Analysis threads: one per core.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
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
    /// A reader thread reads the files in order, one analysis thread per core parses and
    /// analyses the messages, and this thread stores them in reading order, `batchSize` per
    /// transaction (or fewer, `batchBytes` of mail), reporting progress after each. At most two
    /// batches of messages are in memory at once, whatever the size of the mailbox.
    public func run(
        _ source: MailSource, progress: (ImportProgress) -> Void = { _ in }
    ) throws(PipelineError) -> ImportSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let files = source.files()
        let pipeline = ImportPipeline(analyzer: analyzer, logger: logger, window: batchSize, byteWindow: batchBytes)
        pipeline.start(files: files, workers: workers)
        var summary = ImportSummary()
        var batch: [NewMessage] = []
        batch.reserveCapacity(batchSize)
        var heldBytes = 0
        var messagesDone = 0
        var filesRead = 0

        func store(_ filesDone: Int) throws(PipelineError) {
            guard !batch.isEmpty else { return }
            do throws(StoreError) {
                summary += try self.store.insert(batch, now: now())
            } catch {
                pipeline.stop()
                throw .store(error)
            }
            messagesDone += batch.count
            batch.removeAll(keepingCapacity: true)
            heldBytes = 0
            progress(ImportProgress(messages: messagesDone, files: filesDone, totalFiles: files.count, elapsed: clock.now - start))
        }

        while let result = pipeline.next() {
            if result.hasWarnings { summary.warnings += 1 }
            batch.append(result.message)
            heldBytes += result.bytes
            filesRead = result.filesRead
            if batch.count >= batchSize || heldBytes >= batchBytes { try store(filesRead) }
        }
        pipeline.join()
        try store(files.count)
        summary.unreadable = pipeline.unreadableFiles
        return summary
    }
}

extension ImportSummary {
    static func += (lhs: inout ImportSummary, rhs: InsertSummary) {
        lhs.imported += rhs.inserted
        lhs.duplicates += rhs.duplicates
    }
}

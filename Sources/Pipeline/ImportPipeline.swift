import Foundation
import Logging
import Store

/// The moving parts of one import: a reader thread reads the mail files in order, worker
/// threads analyse the messages (one per core), and the caller's thread stores them in
/// batches, in the order they were read.
///
/// - Bounded: at most ``window`` messages, and ``byteWindow`` bytes of mail (at least one
///   message), are read but not yet taken by the writer; the reader waits (back-pressure), so
///   memory grows neither with the mailbox nor with a run of huge messages.
/// - Deterministic: results are stored in reading order whatever order the workers finish in,
///   so the store ends up the same as with one thread (the first of two identical messages is
///   the one stored, the second a duplicate).
final class ImportPipeline: @unchecked Sendable {
    /// One message to analyse.
    struct Job {
        let sequence: Int
        let raw: RawMessage
        /// Files wholly read once this message is stored.
        let filesRead: Int
    }

    /// One message analysed.
    struct Result {
        let message: NewMessage
        let hasWarnings: Bool
        let filesRead: Int
        /// The message's size as read.
        let bytes: Int
    }

    let analyzer: Analyzer
    let logger: Logger
    /// Messages read and not yet taken by the writer, at most.
    let window: Int
    /// Bytes of mail read and not yet taken by the writer, at most (but one message always).
    let byteWindow: Int

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    /// Jobs in reading order; taken ones are set to `nil` (their bytes freed at once).
    private var jobs: [Job?] = []
    private var nextJob = 0
    private var results: [Int: Result] = [:]
    private var sequence = 0
    private var nextToStore = 0
    /// Bytes of the messages read and not yet taken by the writer.
    private var bytesInFlight = 0
    private var readerDone = false
    private var stopped = false
    private var running = 0
    private var unreadable = 0
    /// Threads waiting on `condition`, by role: a change wakes the threads only when one
    /// waits for it (every wake-up of all threads per message cost context switches).
    private var readerWaits = false
    private var workersWaiting = 0
    /// The sequence number the writer waits for, while it waits.
    private var writerWaitsFor: Int?

    init(analyzer: Analyzer, logger: Logger, window: Int, byteWindow: Int = 32 << 20) {
        self.analyzer = analyzer
        self.logger = logger
        self.window = max(1, window)
        self.byteWindow = byteWindow
    }

    /// Starts the reader and `workers` analysis threads.
    func start(files: [String], workers: Int) {
        condition.lock()
        running = 1 + max(1, workers)
        condition.unlock()
        spawn { $0.read(files) }
        for _ in 0..<max(1, workers) { spawn { $0.work() } }
    }

    private func spawn(_ body: @escaping @Sendable (ImportPipeline) -> Void) {
        let thread = Thread { [self] in
            body(self)
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The reader: every message of every file, in order, as the window allows. An mbox is
    /// read as it is split, so only the window's messages are in memory, whatever its size.
    private func read(_ files: [String]) {
        for (index, file) in files.enumerated() {
            let reader: MailFileReader
            do {
                reader = try MailFileReader(path: file)
            } catch {
                countUnreadable(error)
                continue
            }
            // One message is held back until the next is read: the last one of a file marks
            // the file as read.
            var held: RawMessage?
            repeat {
                var next: RawMessage?
                do {
                    next = try reader.next()
                } catch {
                    countUnreadable(error)  // what was read before stays
                }
                if let message = held, !enqueue(message, filesRead: next == nil ? index + 1 : index) { return }
                held = next
            } while held != nil
        }
        condition.lock()
        readerDone = true
        condition.broadcast()
        condition.unlock()
    }

    private func countUnreadable(_ error: PipelineError) {
        logger.warning("\(error)")
        condition.lock()
        unreadable += 1
        condition.unlock()
    }

    /// Adds a job once the window has room; false when the pipeline was stopped.
    private func enqueue(_ raw: RawMessage, filesRead: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, sequence - nextToStore >= window || (sequence > nextToStore && bytesInFlight + raw.data.count > byteWindow) {
            readerWaits = true
            condition.wait()
            readerWaits = false
        }
        if stopped { return false }
        jobs.append(Job(sequence: sequence, raw: raw, filesRead: filesRead))
        sequence += 1
        bytesInFlight += raw.data.count
        if workersWaiting > 0 { condition.broadcast() }
        return true
    }

    /// A worker: analyses jobs until the reader is done and no job is left.
    private func work() {
        while true {
            condition.lock()
            while !stopped, nextJob == jobs.count, !readerDone {
                workersWaiting += 1
                condition.wait()
                workersWaiting -= 1
            }
            guard !stopped, nextJob < jobs.count else {
                condition.unlock()
                return
            }
            let taken = jobs[nextJob]
            jobs[nextJob] = nil
            nextJob += 1
            if nextJob >= 64, nextJob * 2 >= jobs.count {  // drop the taken slots now and then
                jobs.removeFirst(nextJob)
                nextJob = 0
            }
            condition.unlock()
            guard let job = taken else { continue }

            let analysis = analyzer.analyze(job.raw)
            var message = analysis.newMessage()
            message.compressTexts()  // here, not on the writer's thread
            let result = Result(message: message, hasWarnings: !analysis.message.warnings.isEmpty, filesRead: job.filesRead,
                                bytes: job.raw.data.count)

            condition.lock()
            results[job.sequence] = result
            if writerWaitsFor == job.sequence { condition.broadcast() }
            condition.unlock()
        }
    }

    /// The next result in reading order, waiting for it; `nil` once every message was taken.
    func next() -> Result? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = results.removeValue(forKey: nextToStore) {
                nextToStore += 1
                bytesInFlight -= result.bytes
                if readerWaits { condition.broadcast() }
                return result
            }
            if readerDone, nextToStore == sequence { return nil }
            writerWaitsFor = nextToStore
            condition.wait()
            writerWaitsFor = nil
        }
    }

    /// Files that could not be read so far.
    var unreadableFiles: Int {
        condition.lock()
        defer { condition.unlock() }
        return unreadable
    }

    /// Stops the reader and the workers (after a failure) and waits for them to end.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    /// Waits for the reader and the workers to end (after the last result was taken).
    func join() {
        condition.lock()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}

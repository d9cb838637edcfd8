import Foundation
import IMAP
import Logging
import Store

/// The new messages of one mailbox, fetched, analysed and stored by three stages that run at
/// once, each at its own pace, joined by bounded channels (``BatchChannel``).
///
/// Each stage holds one batch at a time and hands it on when the next stage takes it, so a
/// stage waits only when the next one is still busy with the previous batch (or the previous
/// one has nothing yet): the slowest stage sets the pace, the others keep working ahead of it
/// instead of meeting at a barrier after every batch. At most one batch is in each stage's
/// hands: memory stays bounded by `batchBytes` per stage. Batches reach the store in UID
/// order, each stored with the mailbox's checkpoint in one transaction (crash safety).
struct BatchPipeline: Sendable {
    let context: BatchContext
    let uids: [IMAPUID]
    let batchSize: Int
    let batchBytes: Int
    let mailboxName: String
    let logger: Logger
    let shouldStop: @Sendable () -> Bool
    /// Called after each stored batch with the messages done so far.
    let stored: @Sendable (_ done: Int) -> Void

    /// What the pass stored, and whether it covered every UID.
    struct Outcome {
        var inserted = 0
        var duplicates = 0
        var complete = true
        var error: SyncError?
    }

    func run() async -> Outcome {
        let fetched = BatchChannel<FetchedBatch>(capacity: 0)
        let analysed = BatchChannel<AnalysedBatch>(capacity: 0)
        async let fetching = fetchStage(into: fetched)
        async let analysing: Void = analyseStage(from: fetched, into: analysed)
        var outcome = await storeStage(from: analysed, upstream: fetched)
        await analysing
        let (fetchError, fetchComplete) = await fetching
        outcome.complete = outcome.complete && fetchComplete && fetchError == nil
        // A lost connection ends the pass; what was fetched before it is stored.
        outcome.error = outcome.error ?? fetchError
        return outcome
    }

    /// Fetches batches in UID order. Each fetch tops up what the previous one left over (it
    /// stopped at the batch's byte budget) with the next UIDs, up to `batchSize`. Returns the
    /// error that ended it, and whether every UID was fetched.
    private func fetchStage(into channel: BatchChannel<FetchedBatch>) async -> (SyncError?, Bool) {
        defer { channel.finish() }
        let clock = ContinuousClock()
        var pending = uids[...]
        var carried = Leftover()
        while !pending.isEmpty || !carried.summaries.isEmpty {
            if shouldStop() { return (nil, false) }
            var chunk: UIDSet?
            if !pending.isEmpty {
                let count = max(1, batchSize - carried.summaries.count)
                chunk = UIDSet(pending.prefix(count))
                pending = pending.dropFirst(count)
            }
            let start = clock.now
            let batch: FetchedBatch?
            do {
                batch = try await context.fetch(chunk, carried: carried, byteBudget: batchBytes)
            } catch {
                return (error, false)
            }
            guard var batch else { break }
            carried = batch.leftover
            batch.leftover = Leftover()
            let fetchedAt = clock.now
            let count = batch.summaries.count
            guard await channel.send(batch) else { return (nil, false) }
            logger.debug("\(mailboxName) batch of \(count) up to UID \(batch.lastUID): fetch \(fetchedAt - start), then waited \(clock.now - fetchedAt) for the analysis")
        }
        return (nil, true)
    }

    /// Analyses each fetched batch (on all cores) and hands it to the store.
    private func analyseStage(from input: BatchChannel<FetchedBatch>, into output: BatchChannel<AnalysedBatch>) async {
        defer { output.finish() }
        let clock = ContinuousClock()
        while let batch = await input.receive() {
            let start = clock.now
            let result = await context.analyse(batch)
            let analysedAt = clock.now
            guard let result, await output.send(result) else {
                input.cancel()
                return
            }
            logger.debug("\(mailboxName) batch up to UID \(batch.lastUID): analyse \(analysedAt - start), then waited \(clock.now - analysedAt) for the store")
        }
    }

    /// Stores each analysed batch with the checkpoint, in order. On a store error the stages
    /// before it are told to stop.
    private func storeStage(from input: BatchChannel<AnalysedBatch>, upstream: BatchChannel<FetchedBatch>) async -> Outcome {
        var outcome = Outcome()
        var done = 0
        let clock = ContinuousClock()
        while let batch = await input.receive() {
            let start = clock.now
            do {
                guard let summary = try await context.store(batch) else { continue }
                outcome.inserted += summary.inserted
                outcome.duplicates += summary.duplicates
            } catch {
                input.cancel()
                upstream.cancel()
                outcome.error = error
                outcome.complete = false
                return outcome
            }
            done += batch.count
            logger.debug("\(mailboxName) batch up to UID \(batch.lastUID): store \(clock.now - start)")
            stored(done)
        }
        return outcome
    }
}

import Foundation
import IMAP
import Pipeline
import Store

/// A batch's fetched messages, ready to analyse.
struct FetchedBatch: Sendable {
    var summaries: [MessageSummary]
    var plans: [MessageAssembler.Plan]
    /// Each message's fetched parts by section (`TEXT` for the whole text).
    var parts: [[String: Data]]
    var lastUID: IMAPUID
    /// Summaries fetched after the batch was full (by bytes), to start the next one.
    var leftover: Leftover
}

/// Summaries fetched but left for the next batch, and the highest UID their fetch covered
/// (UIDs up to it without a summary were expunged meanwhile).
struct Leftover: Sendable {
    var summaries: [MessageSummary] = []
    var coveredUpTo = IMAPUID(0)
}

/// A batch analysed, ready to store.
struct AnalysedBatch: Sendable {
    var messages: [NewMessage]
    var lastUID: IMAPUID
    var count: Int { messages.count }
}

/// What each stage of a mailbox's pipeline needs.
struct BatchContext: Sendable {
    /// Headers are fetched with the summaries up to this many octets; a longer one is fetched
    /// again whole when its message's turn comes (real headers stay far below; a batch of
    /// 250 headers of megabytes would otherwise be held at once, several times over).
    static let headerLimit = 64 * 1024

    let connection: IMAPConnection
    let analyzer: Analyzer
    let store: MailStore
    let mailbox: Int64
    let validity: UIDValidity
    let path: String
    let limit: Int
    let now: @Sendable () -> Date
    let analysisQueue: BlockingQueue
    let writerQueue: BlockingQueue

    /// Header and structure of the batch (`carried` first, then `uids`), then its text parts,
    /// grouped by the parts wanted.
    ///
    /// The batch ends before the message that would take its text past `byteBudget` (it holds
    /// at least one message); the summaries after it are handed back in `leftover` to start the
    /// next batch. A run of large messages makes smaller batches, so the memory a sync holds is
    /// bounded by bytes and not only by the number of messages.
    func fetch(_ uids: UIDSet?, carried: Leftover, byteBudget: Int) async throws(SyncError) -> FetchedBatch? {
        guard uids != nil || !carried.summaries.isEmpty else { return nil }
        do {
            var summaries = carried.summaries
            var coveredUpTo = carried.coveredUpTo
            if let uids, let upper = uids.ranges.last?.upperBound {
                summaries += try await connection.summaries(uids, headerLimit: Self.headerLimit)
                coveredUpTo = IMAPUID(upper)
            }
            summaries.sort { $0.uid < $1.uid }
            var plans = summaries.map(MessageAssembler.plan(for:))
            var taken = 0
            var bytes = 0
            while taken < summaries.count {
                bytes += MessageAssembler.plannedBytes(summaries[taken], plan: plans[taken], limit: limit)
                if taken > 0, bytes > byteBudget { break }
                taken += 1
            }
            let leftover = Array(summaries[taken...])
            summaries.removeSubrange(taken...)
            plans.removeSubrange(taken...)
            try await completeHeaders(&summaries, plans: &plans)
            let lastUID = leftover.isEmpty ? max(coveredUpTo, summaries.last?.uid ?? coveredUpTo) : summaries[taken - 1].uid

            var members: [MessageAssembler.Plan: [IMAPUID]] = [:]
            for (summary, plan) in zip(summaries, plans) { members[plan, default: []].append(summary.uid) }
            var parts: [IMAPUID: [String: Data]] = [:]
            for (plan, planUIDs) in members {
                let sections: [String] =
                    switch plan {
                    case .wholeText: ["TEXT"]
                    case .sections(let list): list
                    }
                guard !sections.isEmpty else { continue }
                let fetched = try await connection.sections(sections, of: UIDSet(planUIDs), limit: limit)
                parts.merge(fetched) { $1 }
            }
            return FetchedBatch(summaries: summaries, plans: plans, parts: summaries.map { parts[$0.uid] ?? [:] }, lastUID: lastUID,
                                leftover: Leftover(summaries: leftover, coveredUpTo: coveredUpTo))
        } catch {
            throw .imap(error)
        }
    }

    /// The headers of the batch that were fetched cut, fetched again whole (the content hash and
    /// the analysis read the whole header, as `import` does), and their plans made again.
    private func completeHeaders(_ summaries: inout [MessageSummary], plans: inout [MessageAssembler.Plan]) async throws(IMAPError) {
        let cut = summaries.indices.filter { summaries[$0].headerCut }
        guard !cut.isEmpty else { return }
        let headers = try await connection.headers(UIDSet(cut.map { summaries[$0].uid }))
        for index in cut {
            guard let header = headers[summaries[index].uid] else { continue }
            summaries[index].header = header
            summaries[index].headerCut = false
            plans[index] = MessageAssembler.plan(for: summaries[index])
        }
    }

    /// The same analysis as `import`, on all cores, off the cooperative pool.
    func analyse(_ batch: FetchedBatch?) async -> AnalysedBatch? {
        guard let batch else { return nil }
        let analyzer = self.analyzer
        let (path, limit) = (self.path, self.limit)
        let (mailbox, validity) = (self.mailbox, self.validity)
        return await analysisQueue.run { () -> AnalysedBatch in
            let analyses = analyzer.analyze(count: batch.summaries.count) { index in
                let summary = batch.summaries[index]
                let (message, data) = MessageAssembler.parse(summary, plan: batch.plans[index], fetched: batch.parts[index], limit: limit)
                return (message, RawMessage(path: "\(path)/\(summary.uid)", position: 0, data: data))
            }
            let messages = zip(analyses, batch.summaries).map { analysis, summary in
                MessageAssembler.newMessage(analysis, summary: summary, mailbox: mailbox, uidValidity: validity)
            }
            return AnalysedBatch(messages: messages, lastUID: batch.lastUID)
        }
    }

    /// Stores the batch and moves the checkpoint, in one transaction.
    func store(_ batch: AnalysedBatch?) async throws(SyncError) -> InsertSummary? {
        guard let batch else { return nil }
        let store = self.store
        let mailbox = self.mailbox
        let now = self.now
        do {
            return try await writerQueue.run { () throws(StoreError) -> InsertSummary in
                try store.storeSyncBatch(batch.messages, mailbox: mailbox, lastSyncedUID: batch.lastUID.rawValue, now: now())
            }
        } catch {
            throw .store(error)
        }
    }
}

import Dashboard
import Dispatch
import Foundation
import Logging
import Report
import Store
import Sync

/// The daemon's `report.regenerate_after_sync`: after a pass that changed the store (new mail,
/// flag changes, expunges), the HTML report is written again, as `mailroom report` writes it
/// (each file atomically, owner-only). A pass that changed nothing leaves it alone. Failures
/// are logged, never fatal.
///
/// Writing runs on a serial queue of its own (off Swift's small cooperative pool), so two
/// accounts' passes ending together never write the report at the same time.
struct ReportRegenerator: Sendable {
    let store: MailStore
    /// The report folder.
    let directory: URL
    let logger: Logger
    let now: @Sendable () -> Date
    let timeZone: TimeZone
    private let queue = DispatchQueue(label: "mailroom.report")

    init(store: MailStore, directory: URL, logger: Logger, now: @escaping @Sendable () -> Date, timeZone: TimeZone) {
        self.store = store
        self.directory = directory
        self.logger = logger
        self.now = now
        self.timeZone = timeZone
    }

    /// Regenerates the report if the pass changed the store; whether it did.
    @discardableResult
    func passEnded(_ result: AccountSyncResult) async -> Bool {
        guard result.changedStore else { return false }
        return await regenerate(after: result.account)
    }

    /// Writes the report now; whether it worked.
    func regenerate(after account: String) async -> Bool {
        let (store, directory, now, timeZone, logger) = (self.store, self.directory, self.now, self.timeZone, self.logger)
        return await withCheckedContinuation { continuation in
            queue.async {
                let clock = ContinuousClock()
                let start = clock.now
                do {
                    let summary = try HTMLReport(dashboard: try Dashboard(store: store, now: now(), timeZone: timeZone)).write(to: directory)
                    let elapsed = clock.now - start
                    logger.info(
                        "report regenerated after \(account)'s sync: \(directory.appendingPathComponent("index.html").path) (\(summary.pages) pages, \(Int(elapsed / .milliseconds(1))) ms)")
                    continuation.resume(returning: true)
                } catch {
                    logger.error("cannot regenerate the report in \(directory.path): \(error)")
                    continuation.resume(returning: false)
                }
            }
        }
    }
}

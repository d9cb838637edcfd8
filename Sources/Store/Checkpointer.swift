import Foundation
import GRDB
import GRDBSQLite

/// Copies committed pages from SQLite's write-ahead log into the database on a background
/// queue, so that the thread that writes does not wait for a checkpoint's disk flushes.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses 1,000 pages of log, on the
/// writing connection, and (with `synchronous = NORMAL`) syncs the log and the database to
/// disk there. An import's writer spent about half its time blocked in those
/// `fdatasync` calls. Here the writer has automatic checkpoints off; after each commit a
/// passive checkpoint runs on a connection of its own, while the writer goes on. Durability is
/// unchanged: a commit is in the log, and the log is synced before any page is copied.
///
/// A passive checkpoint copies only what was committed when it started, and the log restarts
/// from its beginning only when every frame was copied. So once the log passes
/// ``catchUpFrames``, the writer waits for the checkpoint in flight and copies the rest itself
/// before its next transaction: the log stays bounded while the writer keeps writing.
final class Checkpointer: @unchecked Sendable {
    /// About 32 MB of 4 KB pages.
    static let catchUpFrames = 8192

    private let path: String
    private let configuration: Configuration
    private let queue = DispatchQueue(label: "mailroom.store.checkpoint", qos: .utility)
    private let lock = NSLock()
    // Guarded by `lock`.
    private var scheduled = false
    private var logFrames = 0
    // Used on `queue` only.
    private var connection: DatabaseQueue?

    init(path: String, configuration: Configuration) {
        self.path = path
        self.configuration = configuration
    }

    /// Has SQLite tell this checkpointer the log's size after each commit of `db` (the writer's
    /// connection). The hook replaces SQLite's automatic checkpoint, which is off anyway.
    func watch(_ db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, { context, _, _, frames in
            if let context { Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue().committed(logFrames: Int(frames)) }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Schedules a checkpoint after a commit that left `logFrames` frames in the log (one at a
    /// time: commits made while one is waiting to run are covered by it).
    func committed(logFrames frames: Int) {
        lock.lock()
        defer { lock.unlock() }
        logFrames = frames
        guard !scheduled else { return }
        scheduled = true
        queue.async { [self] in run() }
    }

    /// Before a write transaction, on the writer's connection: when the log has grown past
    /// ``catchUpFrames``, waits for the checkpoint in flight and copies what is left, so the
    /// transaction starts the log again from its beginning.
    func catchUp(_ db: Database) {
        guard lock.withLock({ logFrames }) > Self.catchUpFrames else { return }
        queue.sync {}
        guard let result = try? db.checkpoint(.passive) else { return }
        // Every frame copied: this transaction restarts the log (the hook then tells its size).
        if result.walFrameCount == result.checkpointedFrameCount { lock.withLock { logFrames = 0 } }
    }

    /// Waits for the checkpoint in flight and closes the connection (before the store closes).
    func close() {
        queue.sync { connection = nil }
    }

    private func run() {
        lock.withLock { scheduled = false }
        do {
            if connection == nil { connection = try DatabaseQueue(path: path, configuration: configuration) }
            // The log's size is the WAL hook's to tell: the writer may have committed since.
            _ = try connection?.writeWithoutTransaction { try $0.checkpoint(.passive) }
        } catch {
            // The next commit schedules another; the writer's catch-up covers the log meanwhile.
        }
    }

}

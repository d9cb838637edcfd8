import Foundation
import GRDB

/// The one façade over Mailroom's SQLite database; nothing outside `Store` sees GRDB.
///
/// A `DatabasePool` in WAL mode: the daemon writes while CLI commands read. Every write is an
/// intention-named method that runs in one transaction.
public final class MailStore: Sendable {
    let pool: DatabasePool
    let checkpointer: Checkpointer
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the store at `path` and applies pending migrations.
    public init(path: String) throws(StoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Checkpoints run in the background (`Checkpointer`), not inside commits; a log
            // that grew large is cut back to 64 MB once it restarts.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864")
        }
        checkpointer = Checkpointer(path: path, configuration: configuration)
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try Self.openPool(path: path, configuration: configuration)
            pool.writeWithoutTransaction { [checkpointer] db in checkpointer.watch(db) }
            try Self.migrate(pool)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.describe(error))
        }
    }

    /// Opens the pool, trying again for a while when the file is locked.
    ///
    /// SQLite answers "database is locked" without waiting (the busy timeout does not apply)
    /// while another connection holds the file exclusively for a moment: the last connection
    /// of another process closing the log, or a first connection recovering it, or putting a
    /// new file in WAL mode. Two processes opening a new store together meet this.
    static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(10)
        var pause = 0.005
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && Date() < deadline {
                Thread.sleep(forTimeInterval: pause * Double.random(in: 0.5...1.5))
                pause = min(pause * 2, 0.2)
            }
        }
    }

    /// The names of the migrations applied to this database, oldest first.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.query(Self.describe(error)) }
    }

    /// Runs `body` in one write transaction (its commit schedules a checkpoint: `Checkpointer`).
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        let value: T
        do {
            value = try pool.writeWithoutTransaction { db in
                checkpointer.catchUp(db)
                var value: T?
                try db.inTransaction {
                    value = try body(db)
                    return .commit
                }
                guard let value else { throw StoreError.query("the transaction ended without a result") }
                return value
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.query(Self.describe(error))
        }
        return value
    }

    deinit {
        checkpointer.close()
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}

import Foundation
import GRDB

extension MailStore {
    /// The `account` row for `name`, created on first use.
    public func accountID(named name: String) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO account (name) VALUES (?) ON CONFLICT (name) DO NOTHING", arguments: [name])
            return try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE name = ?", arguments: [name]) ?? 0
        }
    }

    /// The checkpoint of a mailbox, its row created on first use.
    public func checkpoint(account: Int64, mailbox name: String) throws(StoreError) -> MailboxCheckpoint {
        try write { db in
            try db.execute(sql: "INSERT INTO mailbox (account_id, name) VALUES (?, ?) ON CONFLICT (account_id, name) DO NOTHING",
                           arguments: [account, name])
            let row = try Row.fetchOne(db, sql: """
                SELECT id, uid_validity, uid_next, highest_modseq, last_synced_uid FROM mailbox WHERE account_id = ? AND name = ?
                """, arguments: [account, name])
            guard let row else { throw StoreError.query("the mailbox \(name) vanished") }
            return MailboxCheckpoint(
                id: row["id"], name: name, uidValidity: (row["uid_validity"] as Int64?).map { UInt32(truncatingIfNeeded: $0) },
                uidNext: (row["uid_next"] as Int64?).map { UInt32(truncatingIfNeeded: $0) },
                highestModSeq: (row["highest_modseq"] as Int64?).map { UInt64(bitPattern: $0) },
                lastSyncedUID: UInt32(truncatingIfNeeded: row["last_synced_uid"] as Int64))
        }
    }

    /// Starts the mailbox over under a new UIDVALIDITY: nothing of the new numbering is synced
    /// yet. Locations under the old UIDVALIDITY stay until ``removeStaleLocations(mailbox:)``,
    /// so messages seen again are linked to their stored analysis instead of being redone.
    public func restart(mailbox: Int64, uidValidity: UInt32) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE mailbox SET uid_validity = ?, uid_next = NULL, highest_modseq = NULL, last_synced_uid = 0 WHERE id = ?
                """, arguments: [Int64(uidValidity), mailbox])
        }
    }

    /// Stores a batch of new messages of one mailbox and moves its checkpoint to
    /// `lastSyncedUID`, in one transaction: a crash leaves both or neither.
    public func storeSyncBatch(_ batch: [NewMessage], mailbox: Int64, lastSyncedUID: UInt32, now: Date) throws(StoreError) -> InsertSummary {
        try write { db in
            let summary = try insert(batch, now: now, in: db)
            try db.execute(sql: "UPDATE mailbox SET last_synced_uid = max(last_synced_uid, ?) WHERE id = ?",
                           arguments: [Int64(lastSyncedUID), mailbox])
            return summary
        }
    }

    /// UID → flags of the stored locations of a mailbox under `uidValidity`.
    public func storedFlags(mailbox: Int64, uidValidity: UInt32) throws(StoreError) -> [UInt32: String] {
        try read { db in
            var result: [UInt32: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT uid, flags FROM message_location WHERE mailbox_id = ? AND uid_validity = ?",
                                           arguments: [mailbox, Int64(uidValidity)])
            while let row = try rows.next() {
                result[UInt32(truncatingIfNeeded: row[0] as Int64)] = row[1]
            }
            return result
        }
    }

    /// Applies flag changes and expunges of a mailbox in one transaction.
    ///
    /// A message left without any location is deleted, unless the person corrected it
    /// (a `correction` row names its Message-ID or content hash).
    public func applyChanges(mailbox: Int64, uidValidity: UInt32, flags: [UInt32: String], expunged: [UInt32]) throws(StoreError) -> ChangeSummary {
        try write { db in
            var summary = ChangeSummary()
            let update = try db.cachedStatement(sql: """
                UPDATE message_location SET flags = ? WHERE mailbox_id = ? AND uid_validity = ? AND uid = ? AND flags <> ?
                """)
            for (uid, value) in flags {
                try update.execute(arguments: [value, mailbox, Int64(uidValidity), Int64(uid), value])
                summary.changed += db.changesCount
            }
            var orphans: Set<Int64> = []
            let find = try db.cachedStatement(sql: "SELECT message_id FROM message_location WHERE mailbox_id = ? AND uid_validity = ? AND uid = ?")
            let delete = try db.cachedStatement(sql: "DELETE FROM message_location WHERE mailbox_id = ? AND uid_validity = ? AND uid = ?")
            for uid in expunged {
                let arguments: StatementArguments = [mailbox, Int64(uidValidity), Int64(uid)]
                guard let message = try Int64.fetchOne(find, arguments: arguments) else { continue }
                try delete.execute(arguments: arguments)
                summary.expunged += 1
                orphans.insert(message)
            }
            summary.deletedMessages = try deleteUnlocated(orphans, in: db)
            return summary
        }
    }

    /// Ends a complete pass over a mailbox: UIDNEXT and HIGHESTMODSEQ as the server gave them
    /// when the pass began, the time, and no error.
    public func completePass(mailbox: Int64, uidNext: UInt32?, highestModSeq: UInt64?, now: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE mailbox SET uid_next = ?, highest_modseq = ?, last_sync_at = ?, last_error = NULL WHERE id = ?
                """, arguments: [uidNext.map { Int64($0) }, highestModSeq.map { Int64(bitPattern: $0) }, Int64(now.timeIntervalSince1970), mailbox])
        }
    }

    /// Deletes the locations a mailbox had under an older UIDVALIDITY (after a resync), and the
    /// messages left without a location (never a corrected one). How many locations went.
    public func removeStaleLocations(mailbox: Int64) throws(StoreError) -> Int {
        try write { db in
            guard let current = try Int64.fetchOne(db, sql: "SELECT uid_validity FROM mailbox WHERE id = ?", arguments: [mailbox]) else { return 0 }
            // Two index range scans: cheap when there is nothing stale (the usual case).
            let stale = try Int64.fetchAll(db, sql: """
                SELECT message_id FROM message_location WHERE mailbox_id = ? AND (uid_validity < ? OR uid_validity > ?)
                """, arguments: [mailbox, current, current])
            guard !stale.isEmpty else { return 0 }
            try db.execute(sql: "DELETE FROM message_location WHERE mailbox_id = ? AND (uid_validity < ? OR uid_validity > ?)",
                           arguments: [mailbox, current, current])
            _ = try deleteUnlocated(Set(stale), in: db)
            return stale.count
        }
    }

    /// Deletes those of `candidates` that have no location left and no correction.
    private func deleteUnlocated(_ candidates: Set<Int64>, in db: Database) throws -> Int {
        var deleted = 0
        let check = try db.cachedStatement(sql: """
            SELECT 1 FROM message m WHERE m.id = ?
            AND NOT EXISTS (SELECT 1 FROM message_location l WHERE l.message_id = m.id)
            AND NOT EXISTS (SELECT 1 FROM correction c WHERE c.message_key = m.message_id OR c.message_key = m.content_hash)
            """)
        for id in candidates where try Bool.fetchOne(check, arguments: [id]) == true {
            try db.execute(sql: "DELETE FROM message_fts WHERE rowid = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM message WHERE id = ?", arguments: [id])
            deleted += 1
        }
        return deleted
    }

    /// Records why the last sync of some mailboxes failed (no password in it, ever).
    /// With no mailbox given, the error goes to every mailbox of the account (INBOX when it has none yet).
    public func recordSyncError(_ message: String, account: Int64, mailbox: Int64? = nil) throws(StoreError) {
        try write { db in
            if let mailbox {
                try db.execute(sql: "UPDATE mailbox SET last_error = ? WHERE id = ?", arguments: [message, mailbox])
                return
            }
            try db.execute(sql: "INSERT INTO mailbox (account_id, name) SELECT ?, 'INBOX' WHERE NOT EXISTS (SELECT 1 FROM mailbox WHERE account_id = ?)",
                           arguments: [account, account])
            try db.execute(sql: "UPDATE mailbox SET last_error = ? WHERE account_id = ?", arguments: [message, account])
        }
    }

    /// Every account and its mailboxes, with stored message counts and the last sync and
    /// error, sorted by name.
    public func syncStatus() throws(StoreError) -> [AccountSyncStatus] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.name AS account, m.name AS mailbox, m.last_sync_at, m.last_error,
                       (SELECT count(*) FROM message_location l WHERE l.mailbox_id = m.id AND l.uid_validity IS m.uid_validity) AS messages
                FROM account a LEFT JOIN mailbox m ON m.account_id = a.id
                ORDER BY a.name, m.name
                """)
            var accounts: [AccountSyncStatus] = []
            for row in rows {
                let name: String = row["account"]
                if accounts.last?.name != name { accounts.append(AccountSyncStatus(name: name, mailboxes: [])) }
                guard let mailbox = row["mailbox"] as String? else { continue }
                accounts[accounts.count - 1].mailboxes.append(MailboxSyncStatus(
                    name: mailbox, messages: row["messages"],
                    lastSync: (row["last_sync_at"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) },
                    lastError: row["last_error"]))
            }
            return accounts
        }
    }
}

extension MailStore {
    /// The messages stored for a mailbox (at its current UIDVALIDITY), by UID.
    public func syncedMessages(mailbox: Int64) throws(StoreError) -> [SyncedMessage] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.uid, l.flags, m.content_hash, m.message_id, m.category, m.size,
                       (SELECT count(*) FROM attachment a WHERE a.message_id = m.id) AS attachments
                FROM message_location l JOIN mailbox b ON b.id = l.mailbox_id JOIN message m ON m.id = l.message_id
                WHERE l.mailbox_id = ? AND l.uid_validity IS b.uid_validity ORDER BY l.uid
                """, arguments: [mailbox]).map { row in
                SyncedMessage(
                    uid: UInt32(truncatingIfNeeded: row["uid"] as Int64), flags: row["flags"], contentHash: row["content_hash"],
                    messageID: row["message_id"], category: row["category"], size: row["size"], attachments: row["attachments"])
            }
        }
    }

    /// The `mailbox` row of an account's mailbox, if it was ever synced.
    public func mailboxID(account: String, mailbox: String) throws(StoreError) -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT m.id FROM mailbox m JOIN account a ON a.id = m.account_id WHERE a.name = ? AND m.name = ?
                """, arguments: [account, mailbox])
        }
    }
}

extension MailStore {
    /// Content hash → category and vendor of every stored message: to compare two stores
    /// (a synced and an imported one) in tests and benchmarks.
    public func classificationsByContent() throws(StoreError) -> [String: StoredClassification] {
        try read { db in
            var result: [String: StoredClassification] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT content_hash, category, vendor_id, message_id, subject FROM message")
            while let row = try rows.next() {
                result[row[0]] = StoredClassification(category: row[1], vendorID: row[2], messageID: row[3], subject: row[4])
            }
            return result
        }
    }
}

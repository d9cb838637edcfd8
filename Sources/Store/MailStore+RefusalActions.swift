import Foundation
import GRDB

/// What the server-side refusal action (`refusals.action`: `keyword` or `move`) has done, so that
/// sync applies it once per message and never again on every pass.
///
/// A `keyword` row names the location (mailbox + UID) it was added to: a message stored in two
/// mailboxes gets the keyword in both, and `accept` takes off only keywords Mailroom added. A
/// `move` row names the message and the account: a message moved once is not moved again, even
/// if the person puts it back. A moved message keeps its stored analysis, corrections and
/// orders: its location is changed to the destination mailbox and UID the server gave.
extension MailStore {
    /// The `refusal_action` table (see the extension's comment).
    static func addRefusalActions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE refusal_action (
                id INTEGER PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                location_id INTEGER REFERENCES message_location(id) ON DELETE CASCADE,
                action TEXT NOT NULL CHECK (action IN ('keyword', 'move')),
                value TEXT NOT NULL CHECK (value <> ''),
                applied_at INTEGER NOT NULL,
                CHECK ((action = 'keyword') = (location_id IS NOT NULL))
            );
            CREATE UNIQUE INDEX refusal_action_on_keyword ON refusal_action(location_id, value) WHERE action = 'keyword';
            CREATE UNIQUE INDEX refusal_action_on_move ON refusal_action(message_id, account_id) WHERE action = 'move';
            CREATE INDEX refusal_action_on_location ON refusal_action(location_id);
            CREATE INDEX refusal_action_on_message ON refusal_action(message_id);
            """)
    }

    /// Locations of a mailbox (at its current UIDVALIDITY) that refusals hide and that have not
    /// had `keyword` added by Mailroom, by UID.
    public func locationsToTag(mailbox: Int64, keyword: String, hidden: HiddenMail) throws(StoreError) -> [ActionLocation] {
        guard !hidden.isEmpty else { return [] }
        let (from, arguments) = Self.hiddenLocations(hidden)
        return try read { db in
            try Self.actionLocations(db, sql: """
                SELECT l.id, l.message_id, l.uid, l.flags \(from)
                AND l.mailbox_id = ? AND l.uid_validity = b.uid_validity
                AND NOT EXISTS (SELECT 1 FROM refusal_action r WHERE r.location_id = l.id AND r.action = 'keyword' AND r.value = ?)
                ORDER BY l.uid
                """, arguments: arguments + [mailbox, keyword])
        }
    }

    /// Locations of a mailbox (at its current UIDVALIDITY) that refusals hide and whose message
    /// was never moved in this account, by UID.
    public func locationsToMove(mailbox: Int64, hidden: HiddenMail) throws(StoreError) -> [ActionLocation] {
        guard !hidden.isEmpty else { return [] }
        let (from, arguments) = Self.hiddenLocations(hidden)
        return try read { db in
            try Self.actionLocations(db, sql: """
                SELECT l.id, l.message_id, l.uid, l.flags \(from)
                AND l.mailbox_id = ? AND l.uid_validity = b.uid_validity
                AND NOT EXISTS (SELECT 1 FROM refusal_action r
                                WHERE r.message_id = l.message_id AND r.account_id = b.account_id AND r.action = 'move')
                ORDER BY l.uid
                """, arguments: arguments + [mailbox])
        }
    }

    /// `FROM … WHERE …` over the locations of hidden mail, walked from the hidden vendors'
    /// messages (index on `message.vendor_id`), so that the cost follows the refused mail, not
    /// the size of the mailbox; the caller adds `AND` terms on `l` (location) and `b` (mailbox).
    private static func hiddenLocations(_ hidden: HiddenMail) -> (sql: String, arguments: StatementArguments) {
        let predicate = hidden.hiddenSQL(vendor: "m.vendor_id", category: "m.category")
        let vendors = Set(hidden.vendors.map(\.rawValue)).union(hidden.pairs.map(\.vendor.rawValue)).sorted()
        let marks = Array(repeating: "?", count: vendors.count).joined(separator: ",")
        let sql = """
            FROM message m CROSS JOIN message_location l ON l.message_id = m.id CROSS JOIN mailbox b ON b.id = l.mailbox_id
            WHERE m.vendor_id IN (\(marks)) AND \(predicate.sql)
            """
        return (sql, StatementArguments(vendors) + StatementArguments(predicate.arguments))
    }

    /// Keywords Mailroom added in a mailbox (at its current UIDVALIDITY) to mail that refusals
    /// no longer hide (the person accepted the partner again), by UID. Walked from the records,
    /// so the cost follows the mail tagged, not the size of the mailbox.
    public func keywordsToRemove(mailbox: Int64, hidden: HiddenMail) throws(StoreError) -> [KeywordRemoval] {
        let predicate = hidden.hiddenSQL(vendor: "m.vendor_id", category: "m.category")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id AS record, r.value, l.id, l.message_id, l.uid, l.flags
                FROM refusal_action r CROSS JOIN message_location l ON l.id = r.location_id
                CROSS JOIN mailbox b ON b.id = l.mailbox_id CROSS JOIN message m ON m.id = l.message_id
                WHERE r.action = 'keyword' AND l.mailbox_id = ? AND l.uid_validity = b.uid_validity AND NOT \(predicate.sql)
                ORDER BY l.uid
                """, arguments: StatementArguments([mailbox]) + StatementArguments(predicate.arguments)).map { row in
                KeywordRemoval(recordID: row["record"], location: Self.actionLocation(row), keyword: row["value"])
            }
        }
    }

    /// Records that `keyword` was added to these locations: their flags gain it and a row
    /// remembers it, in one transaction.
    public func recordTagged(_ locations: [ActionLocation], keyword: String, now: Date) throws(StoreError) {
        guard !locations.isEmpty else { return }
        try write { db in
            let flags = try db.cachedStatement(sql: "UPDATE message_location SET flags = ? WHERE id = ?")
            let record = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO refusal_action (account_id, message_id, location_id, action, value, applied_at)
                SELECT b.account_id, l.message_id, l.id, 'keyword', ?, ?
                FROM message_location l JOIN mailbox b ON b.id = l.mailbox_id WHERE l.id = ?
                """)
            for location in locations {
                try flags.execute(arguments: [ActionLocation.adding(keyword, to: location.flags), location.id])
                try record.execute(arguments: [keyword, Int64(now.timeIntervalSince1970), location.id])
            }
        }
    }

    /// Records that these keywords were taken off again: the flags lose them and their rows
    /// go, in one transaction.
    public func recordUntagged(_ removals: [KeywordRemoval]) throws(StoreError) {
        guard !removals.isEmpty else { return }
        try write { db in
            let flags = try db.cachedStatement(sql: "UPDATE message_location SET flags = ? WHERE id = ?")
            let delete = try db.cachedStatement(sql: "DELETE FROM refusal_action WHERE id = ?")
            for removal in removals {
                try flags.execute(arguments: [ActionLocation.removing(removal.keyword, from: removal.location.flags), removal.location.id])
                try delete.execute(arguments: [removal.recordID])
            }
        }
    }

    /// Records that these locations were moved to the mailbox `target` (in one transaction):
    /// each message gets a `move` row, and each location the server gave a destination UID for
    /// (`COPYUID`) now points there, so the next pass neither sees it expunged nor stores it
    /// twice. A target mailbox never synced takes the destination's UIDVALIDITY.
    public func recordMoved(
        _ locations: [ActionLocation], to target: Int64, destinations: [UInt32: UInt32], uidValidity: UInt32?, folder: String, now: Date
    ) throws(StoreError) {
        guard !locations.isEmpty else { return }
        try write { db in
            let record = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO refusal_action (account_id, message_id, action, value, applied_at)
                SELECT b.account_id, l.message_id, 'move', ?, ? FROM message_location l JOIN mailbox b ON b.id = l.mailbox_id WHERE l.id = ?
                """)
            // OR REPLACE: a location already recorded at the destination (a sync of the target
            // mailbox got there first) is the same message; one row is kept.
            let relocate = try db.cachedStatement(sql: """
                UPDATE OR REPLACE message_location SET mailbox_id = ?, uid_validity = ?, uid = ? WHERE id = ?
                """)
            for location in locations {
                try record.execute(arguments: [folder, Int64(now.timeIntervalSince1970), location.id])
                if let uidValidity, let destination = destinations[location.uid] {
                    try relocate.execute(arguments: [target, Int64(uidValidity), Int64(destination), location.id])
                }
            }
            if let uidValidity {
                try db.execute(sql: "UPDATE mailbox SET uid_validity = ? WHERE id = ? AND uid_validity IS NULL",
                               arguments: [Int64(uidValidity), target])
            }
        }
    }

    /// How many messages of an account the refusal action has handled, by action.
    public func refusalActionCounts(account: String) throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT r.action, count(DISTINCT r.message_id) AS n FROM refusal_action r JOIN account a ON a.id = r.account_id
                WHERE a.name = ? GROUP BY r.action
                """, arguments: [account]) {
                counts[row["action"]] = row["n"]
            }
            return counts
        }
    }

    private static func actionLocations(_ db: Database, sql: String, arguments: StatementArguments) throws -> [ActionLocation] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(actionLocation)
    }

    private static func actionLocation(_ row: Row) -> ActionLocation {
        ActionLocation(id: row["id"], messageID: row["message_id"], uid: UInt32(truncatingIfNeeded: row["uid"] as Int64), flags: row["flags"])
    }
}

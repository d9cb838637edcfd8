import Foundation
import GRDB
import MailroomCore

/// Reads of stored messages for listings, search and vendor cards: metadata only.
extension MailStore {
    /// The read state of message `m` from its IMAP copies: 1 when one carries `\Seen`, 0 when
    /// none does, NULL when the message lives only in files.
    static let readStateSQL = """
        (SELECT max(' ' || l.flags || ' ' LIKE '% \\Seen %') FROM message_location l
         WHERE l.message_id = m.id AND l.mailbox_id IS NOT NULL)
        """

    static let messageColumns = """
        m.id, m.message_id, m.date, m.from_name, m.from_address, m.subject, m.vendor_id, m.category,
        v.name AS vendor_name, \(readStateSQL) AS read
        """

    /// Messages `filter` selects, newest first (undated last), at most `limit`. The page of
    /// row ids is chosen first (from the vendor/category/date index when it covers the filter),
    /// so read states and vendor names are looked up for the listed messages only.
    public func messages(_ filter: MailFilter, limit: Int?) throws(StoreError) -> [MessageRow] {
        let condition = filter.messageSQL()
        return try read { db in
            try Array(Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.messageColumns) FROM message m LEFT JOIN vendor v ON v.id = m.vendor_id
                WHERE m.id IN (SELECT m.id FROM message m WHERE \(condition.sql)
                               ORDER BY m.date IS NULL, m.date DESC, m.id DESC LIMIT ?)
                ORDER BY m.date IS NULL, m.date DESC, m.id DESC
                """), arguments: condition.arguments + [limit ?? -1]).map { Self.messageRow(from: $0) })
        }
    }

    /// Messages `filter` selects with their raw header blocks, oldest first, without read
    /// states: what threading support conversations needs.
    public func messagesWithHeaders(_ filter: MailFilter) throws(StoreError) -> [(row: MessageRow, header: Data)] {
        let condition = filter.messageSQL()
        return try read { db in
            try Array(Row.fetchCursor(db.cachedStatement(sql: """
                SELECT m.id, m.message_id, m.date, m.from_name, m.from_address, m.subject, m.vendor_id, m.category,
                       NULL AS vendor_name, NULL AS read, m.raw_header
                FROM message m WHERE \(condition.sql) ORDER BY m.date, m.id
                """), arguments: condition.arguments).map { (Self.messageRow(from: $0), $0[10] as Data? ?? Data()) })
        }
    }

    /// Messages whose subject or indexed text holds every word of `text` (FTS5, accents and
    /// case ignored), best match first, at most `limit`. Words are matched as words or
    /// prefixes (`factur` finds `facture`); FTS syntax in `text` is taken literally.
    public func search(_ text: String, _ filter: MailFilter, limit: Int?) throws(StoreError) -> [MessageRow] {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" })
        guard !words.isEmpty else { return [] }
        let query = words.map { "\"\($0)\"*" }.joined(separator: " ")
        let condition = filter.messageSQL()
        return try read { db in
            try Array(Row.fetchCursor(db.cachedStatement(sql: """
                SELECT \(Self.messageColumns),
                       snippet(message_fts, -1, '[', ']', '…', 12) AS snippet
                FROM message_fts JOIN message m ON m.id = message_fts.rowid
                LEFT JOIN vendor v ON v.id = m.vendor_id
                WHERE message_fts MATCH ? AND \(condition.sql)
                ORDER BY bm25(message_fts, 4.0, 1.0), m.date DESC LIMIT ?
                """), arguments: [query] + condition.arguments + [limit ?? -1]).map { Self.messageRow(from: $0, snippet: true) })
        }
    }

    /// Which of `messages` (a `Message-ID` and its date each, given by position) a later
    /// message written by a person quotes in its header (`In-Reply-To` or `References`: an
    /// answer). A person's mail has no vendor or is `personal`. One pass over that mail from
    /// the earliest date on, however many vendors the messages come from.
    public func answered(_ messages: [(messageID: String, date: Date)]) throws(StoreError) -> Set<Int> {
        guard let earliest = messages.map(\.date).min() else { return [] }
        let wanted = messages.map { (bytes: Data($0.messageID.utf8), date: Int64($0.date.timeIntervalSince1970)) }
        return try read { db in
            var found: Set<Int> = []
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT date, raw_header FROM message
                WHERE date >= ? AND (vendor_id IS NULL OR category = 'personal')
                """), arguments: [Int64(earliest.timeIntervalSince1970)])
            while let row = try rows.next(), found.count < wanted.count {
                let date: Int64 = row["date"]
                let header: Data = row["raw_header"]
                for (position, message) in wanted.enumerated() where !found.contains(position) && date >= message.date {
                    if header.range(of: message.bytes) != nil { found.insert(position) }
                }
            }
            return found
        }
    }

    /// Read states of the messages `filter` selects: how many an IMAP copy marks `\Seen`, how
    /// many have IMAP copies without it, how many live only in files.
    public func readStates(_ filter: MailFilter) throws(StoreError) -> (read: Int, unread: Int, unknown: Int) {
        let condition = filter.messageSQL()
        return try read { db in
            var states = (read: 0, unread: 0, unknown: 0)
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT state, count(*) AS n FROM (SELECT \(Self.readStateSQL) AS state FROM message m WHERE \(condition.sql))
                GROUP BY state
                """), arguments: condition.arguments) {
                let count: Int = row["n"]
                switch row["state"] as Int64? {
                case 1?: states.read += count
                case 0?: states.unread += count
                default: states.unknown += count
                }
            }
            return states
        }
    }

    /// A message of a row starting with `messageColumns` (read by position: GRDB's lookup by
    /// column name compares every column name case-insensitively, for each value of each row);
    /// `snippet` when column 10 is the search snippet.
    static func messageRow(from row: Row, snippet: Bool = false) -> MessageRow {
        MessageRow(
            id: row[0], messageID: row[1], date: date(row[2]), fromName: row[3],
            fromAddress: row[4], subject: row[5],
            vendor: (row[6] as String?).map(VendorID.init(rawValue:)), vendorName: row[8],
            category: (row[7] as String?).flatMap(Category.init(rawValue:)),
            read: (row[9] as Int64?).map { $0 != 0 }, snippet: snippet ? row[10] : nil)
    }
}

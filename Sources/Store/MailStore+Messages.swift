import Foundation
import GRDB
import MailroomCore

extension MailStore {
    /// Stores a batch of messages in one transaction; mail whose content is already stored is
    /// skipped (its new location is still recorded). A file location whose content changed
    /// points to the new message from then on.
    public func insert(_ batch: [NewMessage], now: Date) throws(StoreError) -> InsertSummary {
        try write { db in try insert(batch, now: now, in: db) }
    }

    /// Stores messages inside a transaction the caller holds (see ``insert(_:now:)``).
    func insert(_ batch: [NewMessage], now: Date, in db: Database) throws -> InsertSummary {
        var summary = InsertSummary()
        var indexed = FullTextRows()
        // The vendor rows written in this transaction, with the name and sector written: the
        // same vendor again changes nothing (most of a batch's mail comes from a few vendors).
        var vendorsWritten: [String: (name: String, sector: String?)] = [:]
        for message in batch {
            if let existing = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM message WHERE content_hash = ?"),
                arguments: [message.contentHash])
            {
                try record(message.location, of: existing, in: db)
                summary.duplicates += 1
                continue
            }
            try insertNew(message, now: now, indexed: &indexed, vendorsWritten: &vendorsWritten, in: db)
            summary.inserted += 1
        }
        try indexed.insert(in: db)
        return summary
    }

    /// Inserts a vendor or refreshes its name and sector. A vendor the catalog does not know is
    /// named from its domain unless a message's display name spelled it (`Eataly` for
    /// `eataly.it`): a later message without that spelling keeps the spelled name.
    static let upsertVendorSQL = """
        INSERT INTO vendor (id, name, sector, domain) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
            name = CASE WHEN excluded.name = vendor.domain AND vendor.name <> vendor.domain THEN vendor.name ELSE excluded.name END,
            sector = excluded.sector
        """

    private func insertNew(
        _ message: NewMessage, now: Date, indexed: inout FullTextRows, vendorsWritten: inout [String: (name: String, sector: String?)],
        in db: Database
    ) throws {
        let warnings = JSONStrings.encode(message.warnings)
        let explanation = JSONStrings.encode(message.explanation)
        if let vendor = message.vendor,
            vendorsWritten[vendor.id.rawValue].map({ $0.name != vendor.name || $0.sector != vendor.sector?.rawValue }) ?? true
        {
            vendorsWritten[vendor.id.rawValue] = (vendor.name, vendor.sector?.rawValue)
            try db.cachedStatement(sql: Self.upsertVendorSQL).execute(arguments: [vendor.id.rawValue, vendor.name, vendor.sector?.rawValue, vendor.domain])
        }
        try db.cachedStatement(sql: """
            INSERT INTO message (message_id, content_hash, date, from_name, from_address, subject,
                                 size, raw_header, warnings, vendor_id, vendor_domain, category, explanation, added_at, stream)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                message.messageID, message.contentHash, message.date.map { Int64($0.timeIntervalSince1970) },
                message.fromName, message.fromAddress, message.subject, message.size, message.rawHeader,
                warnings, message.vendor?.id.rawValue, message.vendor?.domain, message.category?.rawValue,
                explanation, Int64(now.timeIntervalSince1970), message.stream,
            ])
        let rowID = db.lastInsertedRowID
        try record(message.location, of: rowID, in: db)
        // An HTML part's rendering is derived from its text: it is not kept; readers render it
        // again. Texts come compressed from the analysis threads when they called
        // `compressTexts()`.
        let insertPart = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO message_text (message_id, section, kind, charset, content, compression)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        let texts = message.storedTexts ?? message.parts.map { StoredText($0.text) }
        for (part, text) in zip(message.parts, texts) {
            try insertPart.execute(arguments: [rowID, part.section, part.kind.rawValue, part.charset, text.content, text.compression?.rawValue])
        }
        // One text per message is indexed: the plain part, else the rendered HTML (the two
        // alternatives of a message say the same thing).
        let plain = message.parts.first { $0.kind == .plain && !$0.text.isEmpty }?.text
        let body = plain ?? message.parts.first { $0.kind == .html }?.renderedText ?? ""
        let insertAttachment = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO attachment (message_id, section, filename, mime_type, size) VALUES (?, ?, ?, ?, ?)
            """)
        for attachment in message.attachments {
            try insertAttachment.execute(arguments: [
                rowID, attachment.section, attachment.filename, attachment.mimeType, attachment.size,
            ])
        }
        indexed.append(rowID: rowID, subject: message.subject ?? "", body: body)
        if let order = message.order, let vendor = message.vendor { try recordOrder(order, of: message, vendor: vendor.id, messageRowID: rowID, in: db) }
    }

    private func record(_ location: MessageLocation, of messageRowID: Int64, in db: Database) throws {
        switch location {
        case .file(let path, let position):
            try db.cachedStatement(sql: """
                INSERT INTO message_location (message_id, path, position) VALUES (?, ?, ?)
                ON CONFLICT (path, position) WHERE path IS NOT NULL DO UPDATE SET message_id = excluded.message_id
                """).execute(arguments: [messageRowID, path, position])
        case .mailbox(let mailboxID, let uidValidity, let uid, let flags):
            try db.cachedStatement(sql: """
                INSERT INTO message_location (message_id, mailbox_id, uid_validity, uid, flags) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (mailbox_id, uid_validity, uid) WHERE mailbox_id IS NOT NULL
                DO UPDATE SET message_id = excluded.message_id, flags = excluded.flags
                """).execute(arguments: [messageRowID, mailboxID, Int64(uidValidity), Int64(uid), flags])
        }
    }

    /// How many distinct messages the store holds.
    public func messageCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM message") ?? 0 }
    }

    /// Message counts by category; `nil` counts the messages not classified yet.
    public func countsByCategory() throws(StoreError) -> [Category?: Int] {
        try read { db in
            var counts: [Category?: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT category, count(*) AS n FROM message GROUP BY category") {
                let category = (row["category"] as String?).flatMap(Category.init(rawValue:))
                counts[category, default: 0] += row["n"] as Int
            }
            return counts
        }
    }
}

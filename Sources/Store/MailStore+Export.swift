import Foundation
import GRDB
import MailroomCore

/// Reads for `mailroom export`: every message one at a time, and the user's corrections.
extension MailStore {
    /// Calls `body` with every stored message (visible or not, `hidden` telling which), oldest
    /// first, reading them one at a time so that memory does not grow with the store.
    public func forEachMessageForExport(
        hidden: HiddenMail, withText: Bool, _ body: (ExportMessageRow) throws -> Void
    ) throws(StoreError) {
        let predicate = hidden.hiddenSQL(vendor: "m.vendor_id", category: "m.category")
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(Self.messageColumns), m.vendor_domain, m.size, m.warnings,
                       \(predicate.sql) AS hidden,
                       (SELECT group_concat(CASE WHEN l.path IS NOT NULL
                                   THEN l.path || CASE WHEN l.position > 0 THEN '#' || l.position ELSE '' END
                                   ELSE a.name || '/' || b.name || '/' || l.uid END, char(10))
                        FROM message_location l LEFT JOIN mailbox b ON b.id = l.mailbox_id
                        LEFT JOIN account a ON a.id = b.account_id WHERE l.message_id = m.id) AS locations
                FROM message m LEFT JOIN vendor v ON v.id = m.vendor_id
                ORDER BY m.date IS NULL, m.date, m.id
                """, arguments: StatementArguments(predicate.arguments))
            while let row = try rows.next() {
                // The plain part, else the HTML source for the caller to render (no rendering
                // is stored), else nothing.
                var text: String?
                var html: String?
                if withText {
                    let parts = try Self.textParts(of: row["id"], in: db)
                    text = parts.first { $0.kind == .plain && !$0.text.isEmpty }?.text
                    html = text == nil ? parts.first { $0.kind == .html }?.text : nil
                    if text == nil, html == nil { text = "" }
                }
                let warnings = (try? JSONDecoder().decode([String].self, from: Data((row["warnings"] as String? ?? "[]").utf8))) ?? []
                let locations = (row["locations"] as String?)?.split(separator: "\n").map(String.init) ?? []
                try body(ExportMessageRow(
                    message: Self.messageRow(from: row), vendorDomain: row["vendor_domain"], size: row["size"],
                    warnings: warnings, locations: locations.sorted(), text: text, html: html,
                    hidden: row["hidden"] as Bool))
            }
        }
    }

    /// Every user correction, oldest first.
    public func corrections() throws(StoreError) -> [CorrectionRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM correction ORDER BY created_at, id").map { row in
                CorrectionRow(
                    id: row["id"], messageKey: row["message_key"], stream: row["stream"],
                    category: (row["category"] as String?).flatMap(Category.init(rawValue:)),
                    vendor: (row["vendor_id"] as String?).map(VendorID.init(rawValue:)),
                    createdAt: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64)))
            }
        }
    }
}

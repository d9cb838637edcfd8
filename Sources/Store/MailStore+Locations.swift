import Foundation
import GRDB
import MailroomCore

extension MailStore {
    /// The IMAP copies of stored mail with vendors, with whether refusals hide each one (only
    /// the hidden ones when `hiddenOnly`), by account, mailbox and UID.
    public func imapLocations(hidden: HiddenMail, hiddenOnly: Bool) throws(StoreError) -> [IMAPLocationRow] {
        let predicate = hidden.hiddenSQL(vendor: "m.vendor_id", category: "m.category")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name AS account, b.name AS mailbox, l.uid_validity, l.uid, l.flags, m.vendor_id, m.category,
                       \(predicate.sql) AS hidden
                FROM message_location l JOIN message m ON m.id = l.message_id
                JOIN mailbox b ON b.id = l.mailbox_id JOIN account a ON a.id = b.account_id
                WHERE l.mailbox_id IS NOT NULL AND m.vendor_id IS NOT NULL\(hiddenOnly ? " AND \(predicate.sql)" : "")
                ORDER BY a.name, b.name, l.uid
                """, arguments: StatementArguments(predicate.arguments + (hiddenOnly ? predicate.arguments : []))).map { row in
                IMAPLocationRow(
                    account: row["account"], mailbox: row["mailbox"], uidValidity: row["uid_validity"], uid: row["uid"],
                    flags: row["flags"], vendor: (row["vendor_id"] as String?).map(VendorID.init(rawValue:)),
                    category: (row["category"] as String?).flatMap(Category.init(rawValue:)), hidden: row["hidden"] as Bool)
            }
        }
    }
}

import Foundation
import Store

/// One account in `mailroom status`: `{"name","mailboxes":[{"name","messages","lastSync","lastError"}]}`.
struct SyncStatusRecord: Encodable {
    var status: AccountSyncStatus

    init(_ status: AccountSyncStatus) { self.status = status }

    enum AccountKeys: String, CodingKey { case name, mailboxes }
    enum MailboxKeys: String, CodingKey { case name, messages, lastSync, lastError }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AccountKeys.self)
        try container.encode(status.name, forKey: .name)
        var list = container.nestedUnkeyedContainer(forKey: .mailboxes)
        for mailbox in status.mailboxes {
            var item = list.nestedContainer(keyedBy: MailboxKeys.self)
            try item.encode(mailbox.name, forKey: .name)
            try item.encode(mailbox.messages, forKey: .messages)
            try item.encode(mailbox.lastSync.map(Self.timestamp), forKey: .lastSync)
            try item.encode(mailbox.lastError, forKey: .lastError)
        }
    }

    /// ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The text form: one line per mailbox under its account.
    static func lines(_ accounts: [SyncStatusRecord]) -> [String] {
        guard !accounts.isEmpty else { return [] }
        var lines = ["Accounts:"]
        for account in accounts {
            lines.append("  \(account.status.name)")
            for mailbox in account.status.mailboxes {
                let synced = mailbox.lastSync.map { "last sync \(timestamp($0))" } ?? "never synced"
                lines.append("    \(mailbox.name): \(mailbox.messages) messages, \(synced)\(mailbox.lastError.map { "; last error: \($0)" } ?? "")")
            }
        }
        return lines
    }
}

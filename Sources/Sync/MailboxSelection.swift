import Config
import IMAP

/// Which mailboxes of an account a sync covers.
///
/// By default INBOX and the archive (`\Archive`, `\All`); Trash, Junk, Drafts and Sent only
/// when `include` names them. `include` entries are names (`Clients/Acme`, INBOX in any case),
/// globs (`Clients/*`, `*` matching any run of characters) or special uses (`\Sent`);
/// `exclude` entries, in the same forms, always win.
public struct MailboxSelection: Sendable {
    /// Names, globs or special uses to sync.
    public var include: [String]
    /// Names, globs or special uses never to sync.
    public var exclude: [String]

    /// What an account without `include` syncs.
    public static let defaultInclude = ["INBOX", "\\Archive", "\\All"]
    static let skippedUses: Set<SpecialUse> = [.trash, .junk, .drafts, .sent]

    public init(include: [String], exclude: [String]) {
        self.include = include.isEmpty ? Self.defaultInclude : include
        self.exclude = exclude
    }

    /// The selectable mailboxes to sync, INBOX first, then by name.
    public func choose(from mailboxes: [MailboxInfo]) -> [MailboxInfo] {
        let chosen = mailboxes.filter { mailbox in
            guard mailbox.isSelectable, !exclude.contains(where: { Self.matches($0, mailbox) }) else { return false }
            return include.contains { entry in
                guard Self.matches(entry, mailbox) else { return false }
                // A broad entry (a glob or a special use) never pulls in Trash, Junk, Drafts or
                // Sent: only naming them (by name or by their own special use) does.
                if let use = mailbox.specialUse, Self.skippedUses.contains(use) {
                    return entry.caseInsensitiveCompare("\\" + use.rawValue) == .orderedSame || entry == mailbox.name
                }
                return true
            }
        }
        return chosen.sorted { lhs, rhs in
            if lhs.isInbox != rhs.isInbox { return lhs.isInbox }
            return lhs.name < rhs.name
        }
    }

    static func matches(_ entry: String, _ mailbox: MailboxInfo) -> Bool {
        if entry.hasPrefix("\\") {
            return mailbox.attributes.contains { $0.caseInsensitiveCompare(String(entry.dropFirst())) == .orderedSame }
        }
        if entry.uppercased() == "INBOX" { return mailbox.isInbox }
        if entry.contains("*") { return glob(Array(entry), Array(mailbox.name)) }
        return entry == mailbox.name
    }

    /// `*` matches any run of characters (delimiters included).
    static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var mark = 0
        while t < text.count {
            if p < pattern.count && pattern[p] != "*" && pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if let star {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

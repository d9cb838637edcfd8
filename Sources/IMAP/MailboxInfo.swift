/// One mailbox from LIST (RFC 3501 §7.2.2), with its special use (RFC 6154).
public struct MailboxInfo: Sendable, Hashable {
    /// The name as people read it (modified UTF-7 decoded): `Archives/Reçus`.
    public var name: String
    /// The name as the server spells it on the wire (modified UTF-7).
    public var wireName: String
    /// The hierarchy delimiter, if the server has one.
    public var delimiter: Character?
    /// Attributes without their backslash, as sent (`HasNoChildren`, `Archive`, `Noselect`).
    public var attributes: Set<String>

    public init(name: String, wireName: String, delimiter: Character?, attributes: Set<String>) {
        self.name = name
        self.wireName = wireName
        self.delimiter = delimiter
        self.attributes = attributes
    }

    /// The RFC 6154 special use, if any.
    public var specialUse: SpecialUse? {
        SpecialUse.allCases.first { use in attributes.contains { $0.caseInsensitiveCompare(use.rawValue) == .orderedSame } }
    }

    /// Whether the mailbox can be selected (`\Noselect` and `\NonExistent` cannot).
    public var isSelectable: Bool {
        !attributes.contains { ["noselect", "nonexistent"].contains($0.lowercased()) }
    }

    /// Whether this is the INBOX (its name is case-insensitive, RFC 3501 §5.1).
    public var isInbox: Bool { name.uppercased() == "INBOX" }
}

/// Mailbox roles (RFC 6154 §2).
public enum SpecialUse: String, Sendable, Hashable, CaseIterable {
    case all = "All"
    case archive = "Archive"
    case drafts = "Drafts"
    case flagged = "Flagged"
    case junk = "Junk"
    case sent = "Sent"
    case trash = "Trash"
}

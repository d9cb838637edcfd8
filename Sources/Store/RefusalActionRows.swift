/// A stored IMAP copy of refused mail, as the server-side refusal action (`refusals.action` in
/// the config: a keyword, or a move) sees it.
public struct ActionLocation: Sendable, Hashable {
    /// The `message_location` row.
    public var id: Int64
    /// The `message` row.
    public var messageID: Int64
    public var uid: UInt32
    /// Space-separated flags and keywords, sorted, as last synced.
    public var flags: String

    public init(id: Int64, messageID: Int64, uid: UInt32, flags: String) {
        self.id = id
        self.messageID = messageID
        self.uid = uid
        self.flags = flags
    }

    /// Whether the flags hold `keyword` (IMAP keywords are case-insensitive).
    public func hasFlag(_ keyword: String) -> Bool {
        Self.flagList(flags).contains { $0.caseInsensitiveCompare(keyword) == .orderedSame }
    }

    static func flagList(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }

    /// `text` with `keyword` added (sorted, as sync stores flags).
    static func adding(_ keyword: String, to text: String) -> String {
        var list = flagList(text)
        if !list.contains(where: { $0.caseInsensitiveCompare(keyword) == .orderedSame }) { list.append(keyword) }
        return list.sorted().joined(separator: " ")
    }

    /// `text` without `keyword`.
    static func removing(_ keyword: String, from text: String) -> String {
        flagList(text).filter { $0.caseInsensitiveCompare(keyword) != .orderedSame }.joined(separator: " ")
    }
}

/// A keyword Mailroom added to a message that refusals no longer hide: `accept` takes it off.
public struct KeywordRemoval: Sendable, Hashable {
    /// The `refusal_action` row recording the keyword.
    public var recordID: Int64
    public var location: ActionLocation
    public var keyword: String
}

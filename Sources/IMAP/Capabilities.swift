/// What a server says it can do (RFC 3501 §7.2.1), matched case-insensitively.
public struct Capabilities: Sendable, Hashable, CustomStringConvertible {
    /// Capability names, uppercased (`IDLE`, `CONDSTORE`, `AUTH=PLAIN`).
    public private(set) var names: Set<String>

    public init(_ names: some Sequence<String>) {
        self.names = Set(names.map { $0.uppercased() })
    }

    /// Whether the server named this capability (case-insensitive).
    public func contains(_ name: String) -> Bool { names.contains(name.uppercased()) }

    /// RFC 7162 §3.1: per-message modification sequences, `CHANGEDSINCE`.
    public var condstore: Bool { contains("CONDSTORE") || qresync }
    /// RFC 7162 §3.2: `VANISHED` responses for expunged UIDs.
    public var qresync: Bool { contains("QRESYNC") }
    /// RFC 2177.
    public var idle: Bool { contains("IDLE") }
    /// RFC 5161.
    public var enable: Bool { contains("ENABLE") }
    /// RFC 6851.
    public var move: Bool { contains("MOVE") }
    /// RFC 4315: `COPYUID` after COPY and MOVE, UID EXPUNGE.
    public var uidPlus: Bool { contains("UIDPLUS") }
    /// RFC 6154.
    public var specialUse: Bool { contains("SPECIAL-USE") }
    /// RFC 3501 §6.2.1.
    public var startTLS: Bool { contains("STARTTLS") }

    /// The names, sorted, space-separated.
    public var description: String { names.sorted().joined(separator: " ") }
}

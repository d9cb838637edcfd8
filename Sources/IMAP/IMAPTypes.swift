/// A message's unique identifier inside one mailbox (RFC 3501 §2.3.1.1); valid only together
/// with the mailbox's ``UIDValidity``.
public struct IMAPUID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The UID as the server sends it.
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ value: UInt32) { rawValue = value }
    public static func < (lhs: IMAPUID, rhs: IMAPUID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// The UIDVALIDITY of a mailbox (RFC 3501 §2.3.1.1): when it changes, every stored UID of the
/// mailbox is meaningless.
public struct UIDValidity: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ value: UInt32) { rawValue = value }
    public var description: String { String(rawValue) }
}

/// A CONDSTORE modification sequence (RFC 7162 §3.1.1); grows with every change in a mailbox.
public struct ModSeq: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ value: UInt64) { rawValue = value }
    public static func < (lhs: ModSeq, rhs: ModSeq) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}

/// A set of UIDs as ranges (RFC 3501 §9, `sequence-set`), kept sorted and merged.
public struct UIDSet: Hashable, Sendable, CustomStringConvertible, Sequence {
    /// Closed ranges, ascending, neither overlapping nor touching.
    public private(set) var ranges: [ClosedRange<UInt32>] = []

    public init() {}

    public init(_ uids: some Sequence<IMAPUID>) {
        for uid in uids.sorted() { insert(uid) }
    }

    public init(_ range: ClosedRange<UInt32>) { ranges = [range] }

    /// Whether the set holds no UID.
    public var isEmpty: Bool { ranges.isEmpty }
    /// How many UIDs the set holds.
    public var count: Int { ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 } }

    /// Adds one UID, merging ranges (fast when UIDs come in ascending order).
    public mutating func insert(_ uid: IMAPUID) {
        let value = uid.rawValue
        if let last = ranges.last {
            if last.contains(value) { return }
            if last.upperBound < UInt32.max, value == last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...value
                return
            }
            if value > last.upperBound {
                ranges.append(value...value)
                return
            }
        } else {
            ranges.append(value...value)
            return
        }
        var values = Array(self.map(\.rawValue))
        values.append(value)
        self = UIDSet(values.sorted().map { IMAPUID($0) })
    }

    /// Adds a range of UIDs.
    public mutating func insert(_ range: ClosedRange<UInt32>) {
        var merged = ranges + [range]
        merged.sort { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        for range in merged {
            if let last = result.last, UInt64(range.lowerBound) <= UInt64(last.upperBound) + 1 {
                result[result.count - 1] = last.lowerBound...Swift.max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        ranges = result
    }

    /// Whether the set holds `uid` (binary search over the ranges).
    public func contains(_ uid: IMAPUID) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if uid.rawValue < range.lowerBound { high = middle - 1 } else if uid.rawValue > range.upperBound { low = middle + 1 } else { return true }
        }
        return false
    }

    public func makeIterator() -> Iterator { Iterator(ranges: ranges) }

    /// Walks the UIDs in ascending order.
    public struct Iterator: IteratorProtocol {
        let ranges: [ClosedRange<UInt32>]
        var rangeIndex = 0
        var upcoming: UInt64?

        init(ranges: [ClosedRange<UInt32>]) {
            self.ranges = ranges
            upcoming = ranges.first.map { UInt64($0.lowerBound) }
        }

        /// The next UID, ascending.
        public mutating func next() -> IMAPUID? {
            guard let value = upcoming else { return nil }
            let range = ranges[rangeIndex]
            if value < UInt64(range.upperBound) {
                upcoming = value + 1
            } else {
                rangeIndex += 1
                upcoming = rangeIndex < ranges.count ? UInt64(ranges[rangeIndex].lowerBound) : nil
            }
            return IMAPUID(UInt32(value))
        }
    }

    /// The set in IMAP syntax: `1:5,7,9:12`.
    public var description: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound):\($0.upperBound)" }
            .joined(separator: ",")
    }
}

/// The standard system flags (RFC 3501 §2.3.2) and keywords, as the server spells them.
public enum MessageFlag {
    /// Read.
    public static let seen = "\\Seen"
    /// Replied to.
    public static let answered = "\\Answered"
    /// Marked important.
    public static let flagged = "\\Flagged"
    /// Marked for deletion (Mailroom never sets it).
    public static let deleted = "\\Deleted"
    /// Not sent yet.
    public static let draft = "\\Draft"
}

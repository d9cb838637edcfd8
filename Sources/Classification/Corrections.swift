import MIME
import MailroomCore

/// A decision the person made with `mailroom correct`: it outranks every rule.
public struct Correction: Sendable, Hashable {
    /// The category to give, or `nil` to leave the category to the rules.
    public var category: Category?
    /// The vendor to give, or `nil` to leave the vendor to the rules.
    public var vendor: IdentifiedVendor?
    /// How the correction is shown in explanations, e.g. `correction #3 (2026-11-23)`.
    public var label: String

    public init(category: Category?, vendor: IdentifiedVendor?, label: String) {
        self.category = category
        self.vendor = vendor
        self.label = label
    }
}

/// The person's corrections, by message and by sender stream; loaded from the store once and
/// consulted for every message (user corrections are the strongest signal).
///
/// A correction made on one message holds for that message, and for every message of the same
/// sender stream (see `SenderStream`) unless it was made for that message only. A correction
/// of the message itself outranks one of its stream; a later correction outranks an earlier one.
public struct Corrections: Sendable {
    /// Keyed by Message-ID (with angle brackets) or, for mail without one, the content hash.
    public private(set) var byMessage: [String: Correction] = [:]
    /// Keyed by `SenderStream.key(of:)`.
    public private(set) var byStream: [String: Correction] = [:]

    /// No corrections.
    public static let none = Corrections()

    public init() {}

    /// Records a correction; call in the order the corrections were made (later ones win field by field).
    public mutating func add(_ correction: Correction, messageKey: String, stream: String?) {
        byMessage[messageKey] = Self.merge(byMessage[messageKey], correction)
        if let stream { byStream[stream] = Self.merge(byStream[stream], correction) }
    }

    public var isEmpty: Bool { byMessage.isEmpty && byStream.isEmpty }

    /// The correction that applies to a message, field by field: the message's own first, then its stream's.
    public func correction(messageKeys: [String], stream: String?) -> Correction? {
        let own = messageKeys.lazy.compactMap { byMessage[$0] }.first
        let shared = stream.flatMap { byStream[$0] }
        guard own != nil || shared != nil else { return nil }
        return Self.merge(shared, own ?? Correction(category: nil, vendor: nil, label: ""))
    }

    /// `later` over `earlier`, field by field; the label names every correction that still counts.
    static func merge(_ earlier: Correction?, _ later: Correction) -> Correction {
        guard let earlier else { return later }
        let category = later.category ?? earlier.category
        let vendor = later.vendor ?? earlier.vendor
        let earlierCounts = (earlier.category != nil && later.category == nil) || (earlier.vendor != nil && later.vendor == nil)
        let labels = (earlierCounts ? [earlier.label] : []) + [later.label]
        return Correction(category: category, vendor: vendor, label: labels.filter { !$0.isEmpty }.joined(separator: ", "))
    }
}

/// The sender stream a message belongs to: the mailing list when it has a `List-Id`, else the
/// sending address. Mail of one stream is the same kind of mail from the same vendor, so a
/// correction of one message is followed by the others.
public enum SenderStream {
    /// `list:<list-id>` or `from:<address>`, lowercased; `nil` when the message has neither.
    public static func key(of message: Message) -> String? {
        if let list = message.list.id?.trimmingCharacters(in: .whitespaces), !list.isEmpty {
            return "list:" + list.lowercased()
        }
        if let address = message.from.first?.address, address.contains("@") {
            return "from:" + address.lowercased()
        }
        return nil
    }
}

import Foundation
import MailroomCore

/// A parsed message ready to be stored, with where it was found.
public struct NewMessage: Sendable {
    /// Where the message came from.
    public var location: MessageLocation
    /// `Message-ID` with angle brackets, when present.
    public var messageID: String?
    /// Identity of the content, used to skip the same mail seen twice (hex SHA-256).
    public var contentHash: String
    public var date: Date?
    public var fromName: String?
    public var fromAddress: String?
    public var subject: String?
    public var size: Int
    /// The header block exactly as received.
    public var rawHeader: Data
    /// Parser warning codes.
    public var warnings: [String]
    public var parts: [StoredPart] {
        didSet { storedTexts = nil }
    }
    /// The parts' texts as they will be written, when compressed ahead (``compressTexts()``).
    private(set) var storedTexts: [StoredText]?
    public var attachments: [StoredAttachment]
    /// The vendor found for the message, if any.
    public var vendor: StoredVendor?
    public var category: Category?
    /// Why the vendor and category were chosen.
    public var explanation: [String]
    /// The sender stream (`list:<List-Id>` or `from:<address>`) that corrections follow.
    public var stream: String?
    /// The order the message describes, if any (stored only with a vendor).
    public var order: StoredOrder?

    public init(
        location: MessageLocation, messageID: String?, contentHash: String, date: Date?,
        fromName: String?, fromAddress: String?, subject: String?, size: Int, rawHeader: Data,
        warnings: [String], parts: [StoredPart], attachments: [StoredAttachment],
        vendor: StoredVendor? = nil, category: Category? = nil, explanation: [String] = [], stream: String? = nil,
        order: StoredOrder? = nil
    ) {
        self.location = location
        self.messageID = messageID
        self.contentHash = contentHash
        self.date = date
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.subject = subject
        self.size = size
        self.rawHeader = rawHeader
        self.warnings = warnings
        self.parts = parts
        self.attachments = attachments
        self.vendor = vendor
        self.category = category
        self.explanation = explanation
        self.stream = stream
        self.order = order
    }

    /// Compresses the parts' texts now, on the caller's thread, so that the one thread that
    /// writes to the store does not (the import and sync pipelines call it on their analysis
    /// threads). Without it, the insert compresses them itself.
    public mutating func compressTexts() {
        storedTexts = parts.map { StoredText($0.text) }
    }
}

/// A vendor as stored: catalog vendors and vendors named from an unknown domain alike.
public struct StoredVendor: Sendable, Hashable {
    public var id: VendorID
    public var name: String
    public var sector: Sector?
    /// Registrable domain of the message's sender identity.
    public var domain: String

    public init(id: VendorID, name: String, sector: Sector?, domain: String) {
        self.id = id
        self.name = name
        self.sector = sector
        self.domain = domain
    }
}

/// Where a stored message lives.
public enum MessageLocation: Sendable, Hashable {
    /// An imported file; `position` tells messages of one mbox apart (0 for single-message files).
    case file(path: String, position: Int)
    /// A message in an IMAP mailbox (a `mailbox` row): its UIDVALIDITY, UID and flags
    /// (space-separated, as in `message_location.flags`).
    case mailbox(id: Int64, uidValidity: UInt32, uid: UInt32, flags: String)
}

/// A decoded text part as stored.
public struct StoredPart: Sendable, Hashable {
    public enum Kind: String, Sendable { case plain, html }
    public var section: String
    public var kind: Kind
    public var charset: String?
    public var text: String
    public var renderedText: String?

    public init(section: String, kind: Kind, charset: String?, text: String, renderedText: String?) {
        self.section = section
        self.kind = kind
        self.charset = charset
        self.text = text
        self.renderedText = renderedText
    }
}

/// A non-text part as recorded: never its content.
public struct StoredAttachment: Sendable, Hashable {
    public var section: String
    public var filename: String?
    public var mimeType: String
    public var size: Int

    public init(section: String, filename: String?, mimeType: String, size: Int) {
        self.section = section
        self.filename = filename
        self.mimeType = mimeType
        self.size = size
    }
}

/// What storing a batch did.
public struct InsertSummary: Sendable, Hashable {
    /// Messages new to the store.
    public var inserted: Int = 0
    /// Messages already stored (same content), skipped.
    public var duplicates: Int = 0

    public init(inserted: Int = 0, duplicates: Int = 0) {
        self.inserted = inserted
        self.duplicates = duplicates
    }

    public static func += (lhs: inout InsertSummary, rhs: InsertSummary) {
        lhs.inserted += rhs.inserted
        lhs.duplicates += rhs.duplicates
    }
}

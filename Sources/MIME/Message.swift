import Foundation
import MailroomCore

/// One parsed RFC 5322 message: decoded headers, addresses, body text and attachment records.
///
/// Built by ``MessageParser``; never fails: problems in the input are listed in ``warnings``.
public struct Message: Sendable {
    /// Every header field in order of appearance, values unfolded and decoded (RFC 2047).
    public var headers: [HeaderField]
    /// The header block exactly as received (up to, not including, the blank line).
    public var rawHeader: Data

    /// Decoded `Subject`, or `nil` when absent.
    public var subject: String?
    /// `From` mailboxes (usually one).
    public var from: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: [MailAddress]
    /// `Sender`, when present.
    public var sender: MailAddress?
    /// `Return-Path` address without angle brackets, when present.
    public var returnPath: String?
    /// `Date`, parsed from RFC 5322 and the usual broken forms; `nil` when absent or unreadable.
    public var date: Date?

    /// `Message-ID` with its angle brackets (`<id@host>`), or `nil`.
    public var messageID: String?
    /// `In-Reply-To` message ids, with angle brackets.
    public var inReplyTo: [String]
    /// `References` message ids, with angle brackets.
    public var references: [String]

    /// Mailing-list and bulk-mail signals (RFC 2369, RFC 2919, RFC 8058).
    public var list: ListHeaders
    /// DKIM signatures found in `DKIM-Signature` fields (RFC 6376), in order.
    public var dkimSignatures: [DKIMSignature]
    /// Results recorded by the receiving server in `Authentication-Results` (RFC 8601).
    public var authenticationResults: [AuthenticationResult]

    /// Text parts (text/plain and text/html), decoded to UTF-8, in document order.
    public var textParts: [TextPart]
    /// Everything that is not a text body: recorded, not kept.
    public var attachments: [Attachment]
    /// Size of the whole message in bytes.
    public var size: Int

    /// What went wrong while parsing; empty for a well-formed message.
    public var warnings: [ParseWarning]

    public init(
        headers: [HeaderField] = [], rawHeader: Data = Data(), subject: String? = nil,
        from: [MailAddress] = [], to: [MailAddress] = [], cc: [MailAddress] = [],
        replyTo: [MailAddress] = [], sender: MailAddress? = nil, returnPath: String? = nil,
        date: Date? = nil, messageID: String? = nil, inReplyTo: [String] = [],
        references: [String] = [], list: ListHeaders = ListHeaders(),
        dkimSignatures: [DKIMSignature] = [], authenticationResults: [AuthenticationResult] = [],
        textParts: [TextPart] = [], attachments: [Attachment] = [], size: Int = 0,
        warnings: [ParseWarning] = []
    ) {
        self.headers = headers
        self.rawHeader = rawHeader
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.sender = sender
        self.returnPath = returnPath
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.list = list
        self.dkimSignatures = dkimSignatures
        self.authenticationResults = authenticationResults
        self.textParts = textParts
        self.attachments = attachments
        self.size = size
        self.warnings = warnings
    }

    /// Values of every header field named `name` (case-insensitive), decoded, in order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The first text/plain part, if any.
    public var plainText: String? { textParts.first { $0.kind == .plain }?.text }
    /// The first text/html part's source, if any.
    public var html: String? { textParts.first { $0.kind == .html }?.text }

    /// The body as plain text for matching: the text/plain part, else the HTML rendered to text.
    public var bodyText: String {
        if let plain = textParts.first(where: { $0.kind == .plain }), !plain.text.isEmpty { return plain.text }
        if let html = textParts.first(where: { $0.kind == .html }) { return html.renderedText ?? "" }
        return ""
    }
}

/// One header field: its name as written and its unfolded, RFC 2047-decoded value.
public struct HeaderField: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A mailbox: optional display name and an address (`local@domain`).
public struct MailAddress: Sendable, Hashable, Codable {
    public var name: String?
    public var address: String
    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    /// The part before the last `@`, as written.
    public var localPart: String {
        guard let at = lastAt else { return address }
        return String(address[..<at])
    }

    /// The part after the last `@`, lowercased; empty when there is none.
    public var domain: String {
        guard let at = lastAt else { return "" }
        return address[address.index(after: at)...].lowercased()
    }

    /// Where the last `@` is: found on the bytes of an ASCII address (almost every one; a
    /// `Character` search costs thousands of instructions and classification reads these
    /// parts a few times per message), by `Character` otherwise.
    private var lastAt: String.Index? {
        let utf8 = address.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return address.lastIndex(of: "@") }
        return utf8.lastIndex(of: UInt8(ascii: "@"))
    }
}

/// The list and bulk-mail headers that tell automated mail apart.
public struct ListHeaders: Sendable, Hashable {
    /// `List-Id` identifier without angle brackets (`news.example.com`), RFC 2919.
    public var id: String?
    /// `List-Id` phrase before the identifier, when present.
    public var name: String?
    /// `List-Unsubscribe` URIs without angle brackets (mailto: and https:), RFC 2369.
    public var unsubscribe: [String]
    /// `List-Unsubscribe-Post` value (`List-Unsubscribe=One-Click`), RFC 8058.
    public var unsubscribePost: String?
    /// `Precedence` value, lowercased (`bulk`, `list`, `junk`).
    public var precedence: String?
    /// `Feedback-ID` value (Gmail's feedback loop identifier).
    public var feedbackID: String?
    /// `Auto-Submitted` value, lowercased (RFC 3834).
    public var autoSubmitted: String?

    public init(
        id: String? = nil, name: String? = nil, unsubscribe: [String] = [],
        unsubscribePost: String? = nil, precedence: String? = nil, feedbackID: String? = nil,
        autoSubmitted: String? = nil
    ) {
        self.id = id
        self.name = name
        self.unsubscribe = unsubscribe
        self.unsubscribePost = unsubscribePost
        self.precedence = precedence
        self.feedbackID = feedbackID
        self.autoSubmitted = autoSubmitted
    }
}

/// The identity fields of one `DKIM-Signature` (RFC 6376 §3.5). The signature is not verified here.
public struct DKIMSignature: Sendable, Hashable {
    /// Signing domain (`d=`), lowercased.
    public var domain: String
    /// Selector (`s=`).
    public var selector: String?
    /// Agent or user identifier (`i=`), when present.
    public var identity: String?
    public init(domain: String, selector: String? = nil, identity: String? = nil) {
        self.domain = domain
        self.selector = selector
        self.identity = identity
    }
}

/// One method result from `Authentication-Results` (RFC 8601 §2.2).
public struct AuthenticationResult: Sendable, Hashable {
    /// The server that wrote the header (authserv-id).
    public var authServID: String
    /// Method, lowercased: `dkim`, `spf`, `dmarc`, `arc`…
    public var method: String
    /// Result, lowercased: `pass`, `fail`, `none`, `neutral`, `temperror`…
    public var result: String
    /// Properties such as `header.d`, `header.i`, `header.from`, `smtp.mailfrom`, keys lowercased.
    public var properties: [String: String]
    public init(authServID: String, method: String, result: String, properties: [String: String] = [:]) {
        self.authServID = authServID
        self.method = method
        self.result = result
        self.properties = properties
    }
}

/// A decoded text body part.
public struct TextPart: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case plain
        case html
    }

    public var kind: Kind
    /// IMAP body section number (`1`, `1.2`…), RFC 3501 §6.4.5.
    public var section: String
    /// The charset label as declared, lowercased, or `nil` when none was declared.
    public var declaredCharset: String?
    /// The text, converted to UTF-8 (HTML source for `.html`).
    public var text: String
    /// For `.html`: the document rendered to plain text for matching; `nil` for `.plain`.
    public var renderedText: String?

    public init(kind: Kind, section: String, declaredCharset: String?, text: String, renderedText: String? = nil) {
        self.kind = kind
        self.section = section
        self.declaredCharset = declaredCharset
        self.text = text
        self.renderedText = renderedText
    }
}

/// A non-text part: recorded by name, type and size, never kept.
public struct Attachment: Sendable, Hashable {
    /// File name from Content-Disposition or Content-Type parameters (RFC 2231 decoded).
    public var filename: String?
    /// Lowercased `type/subtype`.
    public var mimeType: String
    /// Decoded size in bytes (estimated from the encoded size when not decoded).
    public var size: Int
    /// IMAP body section number.
    public var section: String
    public init(filename: String?, mimeType: String, size: Int, section: String) {
        self.filename = filename
        self.mimeType = mimeType
        self.size = size
        self.section = section
    }
}

/// Something wrong with the input that parsing worked around.
public struct ParseWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A stable kebab-case code, e.g. `unknown-charset`, `bad-base64`, `missing-boundary`.
    public var code: String
    /// A human-readable detail.
    public var detail: String
    public init(code: String, detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code): \(detail)" }
}

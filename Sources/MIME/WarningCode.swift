/// The stable kebab-case codes of ``ParseWarning``, in one place.
///
/// Codes are part of the contract (stored, shown, tested): add new ones, never rename.
public enum WarningCode {
    /// A charset label no converter knows; decoded as UTF-8 if valid, else windows-1252.
    public static let unknownCharset = "unknown-charset"
    /// Bytes invalid in the declared charset were replaced with U+FFFD.
    public static let invalidCharsetBytes = "invalid-charset-bytes"
    /// Base64 with characters outside the alphabet or a missing/misplaced padding.
    public static let badBase64 = "bad-base64"
    /// Quoted-printable with `=` not followed by two hex digits or a line break.
    public static let badQuotedPrintable = "bad-quoted-printable"
    /// An unknown Content-Transfer-Encoding; the body was taken as is.
    public static let unknownTransferEncoding = "unknown-transfer-encoding"
    /// A multipart without a boundary parameter, or whose boundary never occurs.
    public static let missingBoundary = "missing-boundary"
    /// A multipart whose closing boundary (`--boundary--`) is missing.
    public static let unterminatedMultipart = "unterminated-multipart"
    /// Multiparts nested deeper than ``MessageParser/maximumDepth``; deeper parts were ignored.
    public static let nestingTooDeep = "nesting-too-deep"
    /// A header field with 8-bit bytes that are not UTF-8 (decoded as windows-1252).
    public static let raw8BitHeader = "raw-8bit-header"
    /// A header line that is neither a field nor a continuation: joined to the field before it
    /// when header fields follow, else the body starts there.
    public static let malformedHeader = "malformed-header"
    /// A header field value longer than ``MessageParser/maximumHeaderValueLength``; cut there.
    public static let oversizedHeader = "oversized-header"
    /// A text part longer than ``MessageParser/maximumTextPartLength``; its text was cut there.
    public static let oversizedPart = "oversized-part"
    /// Header lines end in both CRLF and bare LF (RFC 5322 §2.1 asks for CRLF throughout).
    public static let mixedLineEndings = "mixed-line-endings"
    /// A `Date` that could not be read.
    public static let badDate = "bad-date"
    /// A `Date` without a time zone; read as UTC.
    public static let missingTimezone = "missing-timezone"
    /// No `Date` field at all.
    public static let missingDate = "missing-date"
    /// An address that could not be read (no `@`, unbalanced brackets…).
    public static let badAddress = "bad-address"
    /// The input does not start with header fields: treated as a plain-text body.
    public static let noHeader = "no-header"
    /// The input is empty or only whitespace.
    public static let emptyMessage = "empty-message"
    /// The input ends in the middle of the header block.
    public static let truncated = "truncated"
    /// NUL bytes in the input (binary junk or a broken transfer); they are dropped from text.
    public static let binaryContent = "binary-content"
    /// libetpan could not parse the MIME structure; the body was read as one text part.
    public static let mimeParseError = "mime-parse-error"
    /// A malformed RFC 2047 encoded word or RFC 2231 parameter, left as written.
    public static let badEncodedWord = "bad-encoded-word"
    /// A `DKIM-Signature` without a `d=` tag.
    public static let badDKIMSignature = "bad-dkim-signature"
}

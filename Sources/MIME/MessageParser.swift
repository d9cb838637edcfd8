import Foundation

/// Parses RFC 5322 messages into ``Message`` values.
///
/// The header block is read by hand (every field, in order, whatever its state), the MIME tree
/// by libetpan (`mailmime_parse`), charsets by ICU through `Intl`, HTML text through
/// `HTML.HTMLText`. Parsing is a pure function of the bytes: safe to call from many threads at
/// once, and independent of the process time zone and locale.
///
/// Decisions callers rely on:
/// - Sections are IMAP's (RFC 3501 §6.4.5): `1` for a single-part body, `1`, `2`, `2.1`… in
///   multiparts. A `message/rfc822` part is one attachment; its contents are not descended.
/// - Text parts are text/plain and text/html without a file name and not
///   `Content-Disposition: attachment`; their text uses `\n` line endings and has no NUL.
/// - Attachment sizes are decoded sizes: computed from the base64 alphabet count without
///   decoding, exact for quoted-printable and identity encodings.
/// - `renderedText` puts blocks on their own lines and table cells of a row on one line,
///   separated by a tab (`USB-C cable\t2\t9,99 €`).
/// - A `Date` without a zone is read as UTC (``WarningCode/missingTimezone``).
/// https://www.rfc-editor.org/rfc/rfc5322
public enum MessageParser {
    /// Multiparts nested deeper than this are ignored with ``WarningCode/nestingTooDeep``.
    public static let maximumDepth = 32
    /// Bodies naming more `multipart/` or `message/rfc822` containers than this are not
    /// analysed at all (libetpan recurses into each; this bounds its stack use).
    public static let maximumMultipartCount = 256
    /// Header field values are cut at this many bytes (``WarningCode/oversizedHeader``).
    public static let maximumHeaderValueLength = 64 * 1024
    /// A text part's decoded text is cut at this many UTF-8 bytes (on a character boundary)
    /// with ``WarningCode/oversizedPart``: rendering and extraction of a 35 MB HTML table took
    /// over 400 MB per message (found by fuzzing); real order and vendor mail stays far below.
    public static let maximumTextPartLength = 4 << 20

    /// Parses one message. Never fails: malformed input yields a best-effort message with warnings.
    public static func parse(_ data: Data) -> Message {
        data.withUnsafeBytes { parse(buffer: $0) }
    }

    /// Parses one message from raw bytes; see ``parse(_:)``.
    public static func parse(bytes: some Collection<UInt8>) -> Message {
        if let message = bytes.withContiguousStorageIfAvailable({ parse(buffer: UnsafeRawBufferPointer($0)) }) {
            return message
        }
        return Array(bytes).withUnsafeBytes { parse(buffer: $0) }
    }

    static func parse(buffer: UnsafeRawBufferPointer) -> Message {
        var message = Message(size: buffer.count)
        var log = WarningLog()
        read(buffer, into: &message, log: &log)
        message.warnings = log.warnings
        return message
    }

    private static func read(_ buffer: UnsafeRawBufferPointer, into message: inout Message, log: inout WarningLog) {
        guard buffer.contains(where: { !isWhitespace($0) }) else {
            log.add(WarningCode.emptyMessage, buffer.isEmpty ? "no bytes" : "only whitespace")
            return
        }
        if let base = buffer.baseAddress, memchr(base, 0, buffer.count) != nil {
            log.add(WarningCode.binaryContent, "NUL bytes in the message")
        }

        let block = HeaderBlock(parsing: buffer)
        let partHeader = readHeaderBlock(block, of: buffer, into: &message, log: &log)
        let body = UnsafeRawBufferPointer(rebasing: buffer[block.bodyStart..<buffer.count])
        var bodyParser = BodyParser()
        bodyParser.parse(body: body, header: partHeader, log: &log)
        message.textParts = bodyParser.textParts
        message.attachments = bodyParser.attachments
    }

    /// The message's header fields, their warnings and its top-level MIME fields.
    static func readHeaderBlock(_ block: HeaderBlock, of buffer: UnsafeRawBufferPointer, into message: inout Message, log: inout WarningLog) -> PartHeader {
        if block.noHeader {
            log.add(WarningCode.noHeader, "input does not start with header fields; read as plain text")
        }
        if block.stoppedAtMalformedLine {
            log.add(WarningCode.malformedHeader, "header block ends at a line that is not a field")
        }
        if block.joinedStrayLines {
            log.add(WarningCode.malformedHeader, "a header line without a colon was joined to the field before it")
        }
        if block.mixedLineEndings {
            log.add(WarningCode.mixedLineEndings, "header lines end in both CRLF and bare LF")
        }
        if block.truncated {
            log.add(WarningCode.truncated, "input ends inside the header block")
        }
        for name in block.oversizedFields {
            log.add(WarningCode.oversizedHeader, "\(name) longer than \(maximumHeaderValueLength) bytes; cut")
        }
        message.rawHeader = Data(UnsafeRawBufferPointer(rebasing: buffer[0..<block.headerEnd]))
        readHeaders(block.fields, into: &message, log: &log)
        return PartHeader(fields: block.fields, log: &log)
    }
}

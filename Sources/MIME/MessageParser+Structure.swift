import Foundation

extension MessageParser {
    /// One leaf of a multipart message whose MIME structure a server has parsed already (an
    /// IMAP BODYSTRUCTURE), with the content fetched for it.
    public struct StructuredLeaf: Sendable {
        /// The IMAP section (`1`, `2.1`).
        public var section: String
        /// The part's MIME header fields as lines (`Content-Type: text/html; charset="utf-8"\r\n`…).
        public var header: String
        /// The part's content, still transfer-encoded; empty when it was not fetched.
        public var body: Data

        public init(section: String, header: String, body: Data) {
            self.section = section
            self.header = header
            self.body = body
        }
    }

    /// Parses a multipart message given as its header block and its leaves, in document order:
    /// the message ``parse(_:)`` makes of the MIME message they put together (each leaf's header
    /// and content between boundaries), without writing that message out and scanning it again
    /// for its boundaries.
    ///
    /// `containers` counts the multiparts below the top and the `message/rfc822` leaves. `nil`
    /// when the header does not open a multipart with a usable boundary, or the structure comes
    /// near ``maximumDepth`` or ``maximumMultipartCount``: those messages take the assembled
    /// path, whose warnings and fallbacks ``parse(_:)`` decides.
    public static func parse(header: Data, leaves: [StructuredLeaf], containers: Int) -> Message? {
        guard leaves.allSatisfy({ $0.section.utf8.count(where: { $0 == UInt8(ascii: ".") }) < maximumDepth - 2 }) else { return nil }
        return header.withUnsafeBytes { buffer -> Message? in
            guard buffer.contains(where: { !isWhitespace($0) }) else { return nil }
            let block = HeaderBlock(parsing: buffer)
            guard !block.noHeader, !block.truncated, block.bodyStart == buffer.count else { return nil }
            // `parse(_:)` counts these tokens over the whole body, the parts' contents included.
            var tokens = containers
            for leaf in leaves { tokens += leaf.body.withUnsafeBytes { BodyParser.countMultiparts($0) } }
            guard tokens < maximumMultipartCount - 16 else { return nil }

            var message = Message(size: buffer.count + leaves.reduce(0) { $0 + $1.body.count })
            var log = WarningLog()
            func hasNUL(_ bytes: UnsafeRawBufferPointer) -> Bool {
                guard let base = bytes.baseAddress else { return false }
                return memchr(base, 0, bytes.count) != nil
            }
            if hasNUL(buffer) || leaves.contains(where: { $0.body.withUnsafeBytes(hasNUL) }) {
                log.add(WarningCode.binaryContent, "NUL bytes in the message")
            }
            let top = readHeaderBlock(block, of: buffer, into: &message, log: &log)
            guard top.isMultipart, let boundary = top.typeParameters["boundary"], BodyParser.isUsableBoundary(boundary) else { return nil }

            var bodyParser = BodyParser()
            for leaf in leaves {
                var fields = Array(leaf.header.utf8)
                fields += [0x0D, 0x0A]
                let partHeader = fields.withUnsafeBytes { bytes in
                    let block = HeaderBlock(parsing: bytes)
                    return PartHeader(fields: block.noHeader ? [] : block.fields, log: &log)
                }
                leaf.body.withUnsafeBytes { bodyParser.addLeaf(body: $0, header: partHeader, section: leaf.section, log: &log) }
            }
            message.textParts = bodyParser.textParts
            message.attachments = bodyParser.attachments
            message.warnings = log.warnings
            return message
        }
    }
}

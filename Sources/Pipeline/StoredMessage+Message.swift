import Foundation
import MIME
import Store

extension StoredMessage {
    /// The message rebuilt from what the store keeps: the header block, parsed again, with the
    /// decoded text parts and the attachment list as they were stored (an HTML part rendered
    /// again when the store kept no rendering). Derived data computed from it equals what the
    /// original mail gives, without reading the mail again.
    public func message() -> Message {
        var header = rawHeader
        header.append(contentsOf: Array("\n".utf8))
        var message = MessageParser.parse(header)
        message.textParts = parts.map {
            TextPart(kind: $0.kind == .html ? .html : .plain, section: $0.section, declaredCharset: $0.charset,
                     text: $0.text, renderedText: $0.renderedText ?? ($0.kind == .html ? MessageParser.renderedText(ofHTML: $0.text) : nil))
        }
        message.attachments = attachments.map {
            Attachment(filename: $0.filename, mimeType: $0.mimeType, size: $0.size, section: $0.section)
        }
        message.size = size
        message.warnings = []
        return message
    }
}

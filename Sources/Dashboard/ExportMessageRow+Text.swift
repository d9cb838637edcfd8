import MIME
import Store

extension ExportMessageRow {
    /// The message's text for an export: the plain part, else the HTML part rendered (the
    /// store keeps HTML parts unrendered); `nil` unless the text was asked for.
    public var exportedText: String? {
        text ?? html.map(MessageParser.renderedText(ofHTML:))
    }
}

/// Fast HTML-to-text rendering for matching, in one pass over the bytes.
///
/// Produces the same text as ``HTMLDocument/renderedText()`` for ordinary mail HTML (same
/// ``TextOutput`` rules) without building a tree: libxml2 2.9's HTML parser costs about
/// 60 ns per byte here, too slow to run on every message of an import. Use ``HTMLDocument``
/// when structure matters (XPath, JSON-LD); use this for the text of every HTML part.
///
/// Tolerant by construction: any byte sequence renders, unknown markup is skipped, a `<`
/// that starts no tag is text, and an unterminated comment or script ends the document.
public enum HTMLText {
    /// Renders UTF-8 HTML source to plain text (see ``TextOutput`` for the rules).
    public static func render(_ html: String) -> String {
        var source = html
        return source.withUTF8 { render(utf8: $0) }
    }

    /// Renders UTF-8 HTML bytes to plain text.
    public static func render(utf8 html: UnsafeBufferPointer<UInt8>) -> String {
        var tokenizer = HTMLTokenizer(html)
        var output = TextOutput(capacity: html.count / 3)
        var headDepth = 0
        // Whether the last token closed a `span`, `b`, `a`… (see ``ElementKind/separatesSiblings(_:)``).
        var afterSeparatedInline = false
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                if !range.isEmpty { afterSeparatedInline = false }  // a comment reads as empty text
                if headDepth == 0 { output.appendText(UnsafeBufferPointer(rebasing: html[range])) }
            case .character(let scalar):
                afterSeparatedInline = false
                if headDepth == 0 { output.append(scalar: scalar) }
            case .startTag(let range, let selfClosing):
                let name = UnsafeBufferPointer(rebasing: html[range])
                if afterSeparatedInline, ElementKind.separatesSiblings(name) { output.space() }
                afterSeparatedInline = false
                if isHead(name) { headDepth = 1; continue }
                if isBody(name) { headDepth = 0 }
                switch ElementKind(name: name) {
                case .skipped:
                    if !selfClosing { tokenizer.skipRawText(until: name) }
                case .lineBreak:
                    output.lineBreak()
                case .inline:
                    continue
                case .block:
                    output.lineBreak()
                case .table:
                    output.openTable()
                case .row:
                    output.rowBreak()
                case .cell:
                    output.openCell()
                }
            case .endTag(let range):
                let name = UnsafeBufferPointer(rebasing: html[range])
                afterSeparatedInline = ElementKind.separatesSiblings(name)
                if isHead(name) { headDepth = 0; continue }
                switch ElementKind(name: name) {
                case .block, .lineBreak:
                    output.lineBreak()
                case .table:
                    output.closeTable()
                case .row:
                    output.rowBreak()
                case .cell:
                    output.closeCell()
                case .inline, .skipped:
                    continue
                }
            }
        }
        return output.finish()
    }

    private static func isHead(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 4 && name[0] | 0x20 == 0x68 && name[1] | 0x20 == 0x65 && name[2] | 0x20 == 0x61 && name[3] | 0x20 == 0x64
    }

    private static func isBody(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 4 && name[0] | 0x20 == 0x62 && name[1] | 0x20 == 0x6F && name[2] | 0x20 == 0x64 && name[3] | 0x20 == 0x79
    }
}

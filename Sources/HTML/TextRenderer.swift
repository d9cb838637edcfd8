import CLibXML2

/// Renders an HTML tree to plain text for matching.
///
/// Rules: `script`, `style`, `head`, `title`, `template` and comments are skipped; block
/// elements (`p`, `div`, `br`, `li`, `tr`, `h1`…`h6`, `table`…) start a new line; table cells
/// on one row are separated by one tab (`USB-C cable\t2\t9,99 €`), and blocks inside a cell
/// that holds no nested table become spaces so each row stays on one line; runs of whitespace
/// (including no-break spaces) collapse to one space; lines carry no leading or trailing
/// spaces and there are no blank lines.
struct TextRenderer {
    private var output: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = false
    private var pendingCell = false
    /// One entry per open `table`/`td`/`th`: `true` for a cell.
    private var cellStack: [Bool] = []

    /// Deeper trees are cut: libxml2 already caps depth, this keeps the recursion bounded.
    private static let maximumDepth = 512

    init() {
        output.reserveCapacity(4096)
    }

    mutating func render(children first: xmlNodePtr?, depth: Int = 0) {
        var child = first
        while let node = child {
            render(node: node, depth: depth)
            child = node.pointee.next
        }
    }

    mutating func render(node: xmlNodePtr, depth: Int) {
        guard depth < Self.maximumDepth else { return }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { appendText(content) }
        case XML_ELEMENT_NODE:
            renderElement(node, depth: depth)
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE, XML_DOCUMENT_FRAG_NODE:
            render(children: node.pointee.children, depth: depth + 1)
        default:
            break
        }
    }

    private mutating func renderElement(_ node: xmlNodePtr, depth: Int) {
        let kind = node.pointee.name.map { ElementKind(name: $0) } ?? .inline
        switch kind {
        case .skipped:
            return
        case .lineBreak:
            lineBreak()
        case .inline:
            render(children: node.pointee.children, depth: depth + 1)
        case .block:
            lineBreak()
            render(children: node.pointee.children, depth: depth + 1)
            lineBreak()
        case .table:
            cellStack.append(false)
            lineBreak()
            render(children: node.pointee.children, depth: depth + 1)
            lineBreak()
            cellStack.removeLast()
        case .row:
            forceLineBreak()
            render(children: node.pointee.children, depth: depth + 1)
            forceLineBreak()
        case .cell:
            pendingCell = true
            cellStack.append(true)
            render(children: node.pointee.children, depth: depth + 1)
            cellStack.removeLast()
        }
    }

    /// A block boundary: a new line, or a space inside a table cell (keeps rows on one line).
    private mutating func lineBreak() {
        if cellStack.last == true {
            pendingSpace = true
        } else {
            pendingBreak = true
        }
    }

    private mutating func forceLineBreak() {
        pendingBreak = true
        pendingCell = false
    }

    private mutating func appendText(_ text: UnsafePointer<xmlChar>) {
        var index = 0
        while true {
            let byte = text[index]
            if byte == 0 { break }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                index += 1
                continue
            }
            if byte == 0xC2, text[index + 1] == 0xA0 { // U+00A0 no-break space
                pendingSpace = true
                index += 2
                continue
            }
            flushPending()
            output.append(byte)
            index += 1
        }
    }

    private mutating func flushPending() {
        let lineHasContent = !(output.last == nil || output.last == 0x0A)
        if pendingBreak {
            if lineHasContent { output.append(0x0A) }
        } else if pendingCell {
            if lineHasContent { output.append(0x09) }
        } else if pendingSpace {
            if lineHasContent, output.last != 0x09 { output.append(0x20) }
        }
        pendingBreak = false
        pendingCell = false
        pendingSpace = false
    }

    func finish() -> String {
        String(decoding: output, as: UTF8.self)
    }
}

/// How the renderer treats an element, by its lowercase name.
enum ElementKind {
    case skipped, lineBreak, inline, block, table, row, cell

    init(name: UnsafePointer<xmlChar>) {
        // Compare raw bytes: this runs for every element of every HTML part.
        var length = 0
        while length <= 10, name[length] != 0 { length += 1 }
        guard length <= 10 else { self = .inline; return }
        let key = String(decoding: UnsafeBufferPointer(start: name, count: length), as: UTF8.self)
        self = Self.kinds[key] ?? .inline
    }

    private static let kinds: [String: ElementKind] = {
        var table: [String: ElementKind] = [:]
        for name in ["script", "style", "head", "title", "template", "noembed", "iframe", "object"] { table[name] = .skipped }
        table["br"] = .lineBreak
        for name in [
            "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "hr", "section", "article", "header", "footer", "nav", "aside", "address", "center", "form",
            "fieldset", "figure", "figcaption", "main", "caption", "body", "html", "legend", "details", "summary",
            "option", "tbody", "thead", "tfoot",
        ] {
            table[name] = .block
        }
        table["table"] = .table
        table["tr"] = .row
        table["td"] = .cell
        table["th"] = .cell
        return table
    }()
}

import CLibXML2

/// Renders a libxml2 HTML tree to plain text with the rules of ``TextOutput``.
///
/// `script`, `style`, `head`, `title`, `template` and comments are skipped.
struct TextRenderer {
    private var output = TextOutput()

    /// Deeper trees are cut: libxml2 already caps depth, this keeps the recursion bounded.
    private static let maximumDepth = 512

    mutating func render(children first: xmlNodePtr?, depth: Int = 0) {
        var child = first
        var previousSeparates = false
        while let node = child {
            let separates = node.pointee.type == XML_ELEMENT_NODE && node.pointee.name.map(ElementKind.separatesSiblings(cString:)) == true
            if previousSeparates, separates { output.space() }
            render(node: node, depth: depth)
            if node.pointee.type != XML_COMMENT_NODE { previousSeparates = separates }
            child = node.pointee.next
        }
    }

    mutating func render(node: xmlNodePtr, depth: Int) {
        guard depth < Self.maximumDepth else { return }
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                var length = 0
                while content[length] != 0 { length += 1 }
                output.appendText(UnsafeBufferPointer(start: content, count: length))
            }
        case XML_ELEMENT_NODE:
            renderElement(node, depth: depth)
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE, XML_DOCUMENT_FRAG_NODE:
            render(children: node.pointee.children, depth: depth + 1)
        default:
            break
        }
    }

    private mutating func renderElement(_ node: xmlNodePtr, depth: Int) {
        let kind = node.pointee.name.map { ElementKind(cString: $0) } ?? .inline
        switch kind {
        case .skipped:
            return
        case .lineBreak:
            output.lineBreak()
        case .inline:
            render(children: node.pointee.children, depth: depth + 1)
        case .block:
            output.lineBreak()
            render(children: node.pointee.children, depth: depth + 1)
            output.lineBreak()
        case .table:
            output.openTable()
            render(children: node.pointee.children, depth: depth + 1)
            output.closeTable()
        case .row:
            output.rowBreak()
            render(children: node.pointee.children, depth: depth + 1)
            output.rowBreak()
        case .cell:
            output.openCell()
            render(children: node.pointee.children, depth: depth + 1)
            output.closeCell()
        }
    }

    func finish() -> String { output.finish() }
}

/// How renderers treat an element, by its lowercase name.
enum ElementKind {
    case skipped, lineBreak, inline, block, table, row, cell

    /// Looks up a NUL-terminated lowercase name.
    init(cString name: UnsafePointer<UInt8>) {
        var length = 0
        while length <= 10, name[length] != 0 { length += 1 }
        self.init(name: UnsafeBufferPointer(start: name, count: length))
    }

    /// Whether two such elements side by side are read apart (`<span>Total</span><span>€9</span>`
    /// reads `Total €9`): mail lays them out as columns (flex rows, inline blocks), never as one
    /// word. Other inline elements (`sup`, `small`…) stay glued (`12<sup>99</sup>`).
    static func separatesSiblings(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let key = key(name) else { return false }
        return names.entry(key)?.separates ?? false
    }

    /// ``separatesSiblings(_:)`` for a NUL-terminated lowercase name.
    static func separatesSiblings(cString name: UnsafePointer<UInt8>) -> Bool {
        var length = 0
        while length <= 10, name[length] != 0 { length += 1 }
        return separatesSiblings(UnsafeBufferPointer(start: name, count: length))
    }

    /// Looks up an ASCII name, case-insensitively.
    init(name: UnsafeBufferPointer<UInt8>) {
        guard let key = Self.key(name) else { self = .inline; return }
        self = Self.names.entry(key)?.kind ?? .inline
    }

    /// An exact packed key for names of up to 10 letters, digits, `-`, `_` or `:` (6 bits each,
    /// never zero): integer hashing is several times cheaper than string hashing, and this runs
    /// for every tag of every HTML part.
    static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard name.count > 0, name.count <= 10 else { return nil }
        var key: UInt64 = 0
        for byte in name {
            let code: UInt64
            switch byte | 0x20 {
            case 0x61...0x7A: code = UInt64((byte | 0x20) - 0x61 + 1)
            case 0x30...0x39: code = UInt64(byte - 0x30 + 27)
            default:
                switch byte {
                case 0x2D: code = 37
                case 0x5F: code = 38
                case 0x3A: code = 39
                default: return nil
                }
            }
            key = key << 6 | code
        }
        return key
    }

    /// The elements with a kind other than `inline`, and the inline ones that separate siblings.
    private static let names = NameTable(kinds: {
        var table: [String: ElementKind] = [:]
        for name in ["script", "style", "head", "title", "template", "noembed", "iframe", "object", "textarea", "select"] {
            table[name] = .skipped
        }
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
    }(), separating: ["span", "a", "b", "strong", "em", "i", "font", "label"])

    /// Packed names (see ``key(_:)``) in an open-addressed table: one multiplication and a
    /// compare or two per tag, where a `Dictionary` hashed the key with SipHash.
    struct NameTable {
        private var keys = [UInt64](repeating: 0, count: 256)
        private var entries = [(kind: ElementKind, separates: Bool)](repeating: (.inline, false), count: 256)

        init(kinds: [String: ElementKind], separating: [String]) {
            for (name, kind) in kinds { insert(name, kind: kind, separates: separating.contains(name)) }
            for name in separating where kinds[name] == nil { insert(name, kind: .inline, separates: true) }
        }

        private mutating func insert(_ name: String, kind: ElementKind, separates: Bool) {
            var bytes = Array(name.utf8)
            guard let key = bytes.withUnsafeMutableBufferPointer({ ElementKind.key(UnsafeBufferPointer($0)) }) else { return }
            var slot = Self.slot(key)
            while keys[slot] != 0 { slot = (slot + 1) & 255 }
            keys[slot] = key
            entries[slot] = (kind, separates)
        }

        /// The entry of a packed name (never 0), or `nil` for an element not in the table.
        @inline(__always)
        func entry(_ key: UInt64) -> (kind: ElementKind, separates: Bool)? {
            var slot = Self.slot(key)
            while true {
                let stored = keys[slot]
                if stored == key { return entries[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & 255
            }
        }

        @inline(__always)
        private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }
    }
}

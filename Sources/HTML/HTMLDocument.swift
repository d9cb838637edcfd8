import CLibXML2

/// An HTML document parsed by libxml2's forgiving HTML parser, for text rendering and XPath.
///
/// Input is always UTF-8 (the MIME layer converts charsets first); `<meta charset>` is ignored.
/// Broken markup never fails: libxml2 recovers, and empty input gives an empty document.
/// A document is immutable after parsing but not `Sendable`: use it on one thread at a time.
public final class HTMLDocument {
    /// The libxml2 document; `nil` when the input was empty or unparsable.
    let pointer: htmlDocPtr?

    /// libxml2 options: recover from everything, stay silent, never touch the network, and
    /// ignore the document's own encoding hints (the bytes are UTF-8 already).
    /// `HTML_PARSE_NOBLANKS` is deliberately absent: it drops the spaces between inline elements.
    private static let options: Int32 = Int32(bitPattern:
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses UTF-8 HTML source.
    public convenience init(html: String) {
        var source = html
        let pointer = source.withUTF8 { Self.parse(UnsafeRawBufferPointer($0)) }
        self.init(pointer: pointer)
    }

    /// Parses HTML from UTF-8 bytes.
    public convenience init(utf8 bytes: some Collection<UInt8>) {
        let pointer = bytes.withContiguousStorageIfAvailable { Self.parse(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { Self.parse($0) }
        self.init(pointer: pointer)
    }

    private init(pointer: htmlDocPtr?) {
        self.pointer = pointer
    }

    deinit {
        if let pointer { xmlFreeDoc(pointer) }
    }

    /// libxml2's global state must be initialised once before threads parse concurrently.
    private static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    private static func parse(_ buffer: UnsafeRawBufferPointer) -> htmlDocPtr? {
        guard libraryReady else { return nil }
        guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else { return nil }
        return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "UTF-8", options)
    }

    /// The root element (`<html>`), or `nil` for an empty document.
    public var root: HTMLNode? {
        guard let pointer, let element = xmlDocGetRootElement(pointer) else { return nil }
        return HTMLNode(document: self, pointer: element)
    }

    /// The `<title>` text, whitespace collapsed, or `nil` when there is none.
    public var title: String? {
        guard let node = select("//title").first else { return nil }
        let words = node.textContent.split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The contents of every `<script type="application/ld+json">` block, in document order.
    ///
    /// These carry schema.org data (Order, ParcelDelivery, Invoice) that extraction reads first.
    public var jsonLDBlocks: [String] {
        select("//script[translate(normalize-space(@type), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')='application/ld+json']")
            .map(\.textContent)
    }

    /// The document as readable plain text for matching. See ``HTMLNode/renderedText()``.
    public func renderedText() -> String {
        guard let pointer else { return "" }
        var renderer = TextRenderer()
        renderer.render(children: pointer.pointee.children)
        return renderer.finish()
    }
}

import CLibXML2

/// One node of an ``HTMLDocument``: an element, text or attribute matched by XPath.
///
/// Keeps its document alive; not `Sendable`, like the document.
public struct HTMLNode {
    /// The owning document, kept alive while this node exists.
    public let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// The lowercase element or attribute name (`td`, `href`), or `text` for text nodes.
    public var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Whether this node is an element.
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The concatenated text of this node and its descendants, as in the source (entities decoded).
    public var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { mr_xml_free(content) }
        return String(cString: content)
    }

    /// The value of attribute `name` (lowercase), or `nil` when absent.
    public func attribute(_ name: String) -> String? {
        guard pointer.pointee.type == XML_ELEMENT_NODE, let value = xmlGetProp(pointer, name) else { return nil }
        defer { mr_xml_free(value) }
        return String(cString: value)
    }

    /// The child elements, in order.
    public var children: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(HTMLNode(document: document, pointer: node)) }
            child = node.pointee.next
        }
        return result
    }

    /// The nodes matched by an XPath 1.0 expression evaluated with this node as context
    /// (`./td`, `.//a/@href`). An invalid expression matches nothing.
    public func select(_ xpath: String) -> [HTMLNode] {
        document.evaluate(xpath, context: pointer) { object in
            guard let nodes = object.pointee.nodesetval, nodes.pointee.nodeNr > 0, let table = nodes.pointee.nodeTab else {
                return []
            }
            return (0..<Int(nodes.pointee.nodeNr)).compactMap { index in
                table[index].map { HTMLNode(document: document, pointer: $0) }
            }
        } ?? []
    }

    /// This subtree rendered as plain text, with the rules of ``HTMLDocument/renderedText()``:
    /// blocks on their own lines, table cells separated by a tab, whitespace collapsed.
    public func renderedText() -> String {
        var renderer = TextRenderer()
        if pointer.pointee.type == XML_ELEMENT_NODE {
            renderer.render(node: pointer, depth: 0)
        } else if pointer.pointee.type == XML_ATTRIBUTE_NODE {
            renderer.render(children: pointer.pointee.children)
        } else {
            renderer.render(node: pointer, depth: 0)
        }
        return renderer.finish()
    }
}

import CLibXML2

extension HTMLNode {
    /// The parent element, or `nil` at the root.
    public var parent: HTMLNode? {
        guard let node = pointer.pointee.parent, node.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(document: document, pointer: node)
    }

    /// Whether the element carries attribute `name` (lowercase), even without a value
    /// (`<div itemscope>`).
    public func hasAttribute(_ name: String) -> Bool {
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return false }
        return xmlHasProp(pointer, name) != nil
    }

    /// Whether an element named `name` (lowercase) lies anywhere below this one (no XPath:
    /// cheap enough to ask of every cell of a table).
    public func hasDescendant(named name: String) -> Bool {
        let target: [xmlChar] = Array(name.utf8) + [0]
        var stack: [xmlNodePtr] = []
        var child = pointer.pointee.children
        while let node = child { stack.append(node); child = node.pointee.next }
        var visited = 0
        while let node = stack.popLast(), visited < 100_000 {
            visited += 1
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            if let nodeName = node.pointee.name, xmlStrEqual(nodeName, target) == 1 { return true }
            var inner = node.pointee.children
            while let next = inner { stack.append(next); inner = next.pointee.next }
        }
        return false
    }

    /// Whether two values are the same node of the same document.
    public func isSameNode(as other: HTMLNode) -> Bool { pointer == other.pointer }

    /// What this element holds, rendered as text with the rules of
    /// ``HTMLDocument/renderedText()`` but as if it were the whole document: inside a table
    /// cell, `<br>` and blocks start new lines instead of becoming spaces. For reading a cell's
    /// lines (a product name above its seller).
    public func renderedContent() -> String {
        var renderer = TextRenderer()
        renderer.render(children: pointer.pointee.children)
        return renderer.finish()
    }
}

extension HTMLDocument {
    /// Whether `xpath` is a valid XPath 1.0 expression (compiled, not evaluated).
    public static func isValidXPath(_ xpath: String) -> Bool {
        guard !xpath.isEmpty else { return false }
        // Compiling needs no document; route errors to a no-op instead of stderr.
        guard let context = xmlXPathNewContext(nil) else { return false }
        defer { xmlXPathFreeContext(context) }
        context.pointee.error = { _, _ in }
        guard let compiled = xmlXPathCtxtCompile(context, xpath) else { return false }
        xmlXPathFreeCompExpr(compiled)
        return true
    }
}

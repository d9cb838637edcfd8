import CLibXML2

extension HTMLDocument {
    /// The nodes matched by an XPath 1.0 expression over the whole document.
    ///
    /// Element and attribute names are lowercase (libxml2's HTML parser lowercases them).
    /// An invalid expression matches nothing.
    public func select(_ xpath: String) -> [HTMLNode] {
        evaluate(xpath, context: nil) { object in
            guard let nodes = object.pointee.nodesetval, nodes.pointee.nodeNr > 0, let table = nodes.pointee.nodeTab else {
                return []
            }
            return (0..<Int(nodes.pointee.nodeNr)).compactMap { index in
                table[index].map { HTMLNode(document: self, pointer: $0) }
            }
        } ?? []
    }

    /// The string value of an XPath 1.0 expression (`normalize-space(//h1)`, `count(//tr)`…),
    /// or `nil` when the expression is invalid.
    ///
    /// For a node set this is the text of its first node, as XPath's `string()` defines it.
    public func string(_ xpath: String) -> String? {
        evaluate(xpath, context: nil) { object in
            guard let value = xmlXPathCastToString(object) else { return nil }
            defer { mr_xml_free(value) }
            return String(cString: value)
        } ?? nil
    }

    /// Evaluates `xpath` with `context` as the context node (or the document) and hands the
    /// result to `body` before freeing it.
    func evaluate<Result>(_ xpath: String, context: xmlNodePtr?, _ body: (xmlXPathObjectPtr) -> Result) -> Result? {
        guard let pointer, let xpathContext = xmlXPathNewContext(pointer) else { return nil }
        defer { xmlXPathFreeContext(xpathContext) }
        // Route errors of invalid expressions to a no-op instead of stderr.
        xpathContext.pointee.error = { _, _ in }
        if let context { xpathContext.pointee.node = context }
        guard let object = xmlXPathEvalExpression(xpath, xpathContext) else { return nil }
        defer { xmlXPathFreeObject(object) }
        return body(object)
    }
}

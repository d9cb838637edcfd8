import HTML
import Intl

/// schema.org microdata (`itemscope`, `itemtype`, `itemprop`) read into the same values as
/// JSON-LD, so one reader serves both (https://html.spec.whatwg.org/multipage/microdata.html).
enum MicrodataReader {
    /// Every top-level item of the document, as JSON-LD-like objects with their `@type`.
    static func items(in document: HTMLDocument) -> [JSONValue] {
        document.select("//*[@itemscope and not(@itemprop)]").prefix(20).map { item($0, depth: 0) }
    }

    static func item(_ node: HTMLNode, depth: Int) -> JSONValue {
        var members: [String: [JSONValue]] = [:]
        if let type = node.attribute("itemtype") {
            members["@type"] = type.split(separator: " ").map { .string(String($0)) }
        }
        if depth < 8 { collect(node.children, into: &members, depth: depth) }
        // An offer marked up with its product and price whose count is left as text in its row
        // (`<td>Qté 2</td>`, `<td>Qty: 2</td>`, `<td>x2</td>`): that count is its quantity.
        if members["itemOffered"] != nil || members["orderedItem"] != nil, members["eligibleQuantity"] == nil,
            members["orderQuantity"] == nil, let count = shownCount(in: node.children, depth: 0)
        {
            members["orderQuantity"] = [.string(String(count))]
        }
        var object: [String: JSONValue] = [:]
        for (key, values) in members { object[key] = values.count == 1 ? values[0] : .array(values) }
        return .object(object)
    }

    /// The properties under `nodes` that belong to the current item (not to nested ones).
    static func collect(_ nodes: [HTMLNode], into members: inout [String: [JSONValue]], depth: Int) {
        for node in nodes {
            let names = node.attribute("itemprop")?.split(separator: " ").map(String.init) ?? []
            let scoped = node.hasAttribute("itemscope")
            if !names.isEmpty {
                let value = scoped ? item(node, depth: depth + 1) : .string(value(of: node))
                for name in names { members[name, default: []].append(value) }
            }
            if !scoped { collect(node.children, into: &members, depth: depth) }
        }
    }

    /// The first count written in the elements under an item outside its properties: a count
    /// after its label (`Qté 2`, `Menge: 1`), with its sign (`x2`, `× 3`) or with its unit word
    /// (`2 st.`, `3 szt.`, `2 pcs`) in a short text.
    static func shownCount(in nodes: [HTMLNode], depth: Int) -> Int? {
        guard depth < 6 else { return nil }
        for node in nodes where !node.hasAttribute("itemprop") && !node.hasAttribute("itemscope") {
            if node.select(".//*[@itemprop or @itemscope]").isEmpty {
                let text = node.textContent
                guard text.utf8.count <= 40 else { continue }
                if let count = TextItemReader.markedQuantity(text) ?? TextItemReader.labelledQuantity(TextFolding.fold(text))
                    ?? TextItemReader.countedQuantity(text)
                {
                    return count
                }
            } else if let count = shownCount(in: node.children, depth: depth + 1) {
                return count
            }
        }
        return nil
    }

    /// A property's value by element (microdata §5.2.4): `content`, `href`, `src`, `datetime`,
    /// `value`, else the text.
    static func value(of node: HTMLNode) -> String {
        if let content = node.attribute("content") { return content }
        switch node.name {
        case "a", "link", "area": return node.attribute("href") ?? node.textContent
        case "img", "audio", "video", "source", "embed", "iframe", "track": return node.attribute("src") ?? ""
        case "object": return node.attribute("data") ?? ""
        case "time": return node.attribute("datetime") ?? node.textContent
        case "data", "meter": return node.attribute("value") ?? node.textContent
        default:
            return node.textContent.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
    }
}

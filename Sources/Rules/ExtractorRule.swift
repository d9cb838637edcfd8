import Foundation
import HTML
import Intl
import MailroomCore
import Yams

/// How to read one vendor's order mail (`Rules/extractors/<vendor>.yaml`): XPath over the
/// HTML for the rows of its item table and for order fields, ICU patterns over the text.
///
/// Loaded and checked once: every XPath is compiled and every pattern too, and a mistake is
/// reported at its `file:line:col`. Running a rule is the `Extraction` module's job.
public struct ExtractorRule: Sendable {
    /// A value read from the mail: the text of the first node an XPath selects, or group 1 of
    /// the first match of a pattern over the body text (the XPath is tried first).
    public struct Field: Sendable {
        public var xpath: String?
        public var pattern: ICURegex?
        public var patternSource: String?
    }

    /// Where the line items are.
    public struct Items: Sendable {
        /// XPath selecting one node per line item (usually a `tr`).
        public var rows: String?
        /// XPaths relative to a row, each giving one column's text.
        public var name: String?
        public var quantity: String?
        public var unitPrice: String?
        public var lineTotal: String?
        public var sku: String?
        /// Or: a pattern over each line of the body text, with the meaning of its groups.
        public var pattern: ICURegex?
        public var patternSource: String?
        public var groups: [String]
    }

    public var vendor: VendorID
    /// The rule applies only when the folded subject matches one of these (any subject when empty).
    public var subjects: [Pattern]
    /// The rule applies only when this XPath selects something (always when `nil`).
    public var requires: String?
    public var items: Items?
    /// Order fields by name: `number`, `date`, `currency`, `total`, `subtotal`, `shipping`,
    /// `tax`, `discount`, `status`, `tracking`.
    public var fields: [String: Field]
    public var source: SourceLocation

    /// The names `fields` may use.
    public static let fieldNames = ["number", "date", "currency", "total", "subtotal", "shipping", "tax", "discount", "status", "tracking"]
    /// The names item pattern groups may take.
    public static let groupNames = ["name", "quantity", "unit_price", "line_total", "sku"]
}

extension ExtractorRule {
    static let keys = ["vendor", "when", "items", "fields"]

    /// Reads one extractor file; problems go to the reader's diagnostics.
    static func read(_ text: String, expectedID: String, reader: inout YAMLReader) -> ExtractorRule? {
        guard let root = reader.compose(text) else {
            if reader.diagnostics.isEmpty { reader.problem("the file is empty", at: nil) }
            return nil
        }
        guard let fields = reader.mapping(root, allowed: keys, required: ["vendor"], what: "an extractor") else { return nil }
        let vendor = reader.string(fields["vendor"], what: "vendor")
        if let vendor, vendor != expectedID {
            reader.problem("vendor '\(vendor)' must match the file name '\(expectedID).yaml'", at: fields["vendor"])
        }
        var subjects: [Pattern] = []
        var requires: String?
        if let when = fields["when"], let condition = reader.mapping(when, allowed: ["subject", "xpath"], required: [], what: "when") {
            subjects = reader.patterns(condition["subject"], what: "subject")
            requires = reader.xpath(condition["xpath"], what: "xpath")
        }
        var items: Items?
        if let node = fields["items"] { items = readItems(node, reader: &reader) }
        var values: [String: Field] = [:]
        if let node = fields["fields"], let map = reader.mapping(node, allowed: fieldNames, required: [], what: "fields") {
            for (name, value) in map {
                if let field = readField(value, what: name, reader: &reader) { values[name] = field }
            }
        }
        if items == nil && values.isEmpty {
            reader.problem("an extractor needs items or fields", at: root)
        }
        guard let vendor else { return nil }
        return ExtractorRule(vendor: VendorID(vendor), subjects: subjects, requires: requires, items: items, fields: values,
                             source: reader.location(of: root))
    }

    static func readItems(_ node: Node, reader: inout YAMLReader) -> Items? {
        let allowed = ["rows", "name", "quantity", "unit_price", "line_total", "sku", "pattern", "groups"]
        guard let map = reader.mapping(node, allowed: allowed, required: [], what: "items") else { return nil }
        var items = Items(rows: reader.xpath(map["rows"], what: "rows"), name: reader.xpath(map["name"], what: "name"),
                          quantity: reader.xpath(map["quantity"], what: "quantity"),
                          unitPrice: reader.xpath(map["unit_price"], what: "unit_price"),
                          lineTotal: reader.xpath(map["line_total"], what: "line_total"),
                          sku: reader.xpath(map["sku"], what: "sku"), pattern: nil, patternSource: nil,
                          groups: reader.strings(map["groups"], what: "a group name"))
        if let (regex, source) = reader.capturingPattern(map["pattern"], what: "pattern") {
            items.pattern = regex
            items.patternSource = source
        }
        for (index, group) in items.groups.enumerated() where !groupNames.contains(group) {
            let hint = suggestion(for: group, among: groupNames).map { "; did you mean '\($0)'?" } ?? " (allowed: \(groupNames.joined(separator: ", ")))"
            let groupNode: Node? = {
                if case .sequence(let list) = map["groups"], index < list.count { return list[index] }
                return map["groups"]
            }()
            reader.problem("unknown group '\(group)'\(hint)", at: groupNode)
        }
        if items.rows != nil {
            if items.name == nil { reader.problem("items with rows need a name (an XPath relative to the row)", at: node) }
            if items.pattern != nil { reader.problem("items take rows or a pattern, not both", at: map["pattern"]) }
        } else if items.pattern != nil {
            if !items.groups.contains("name") { reader.problem("an item pattern needs groups naming at least 'name'", at: map["groups"] ?? node) }
        } else {
            reader.problem("items need rows (XPath) or a pattern", at: node)
            return nil
        }
        return items
    }

    static func readField(_ node: Node, what: String, reader: inout YAMLReader) -> Field? {
        guard let map = reader.mapping(node, allowed: ["xpath", "pattern"], required: [], what: "field '\(what)'") else { return nil }
        var field = Field(xpath: reader.xpath(map["xpath"], what: "xpath"), pattern: nil, patternSource: nil)
        if let (regex, source) = reader.capturingPattern(map["pattern"], what: "pattern") {
            field.pattern = regex
            field.patternSource = source
        }
        if field.xpath == nil && field.pattern == nil {
            reader.problem("field '\(what)' needs an xpath or a pattern", at: node)
            return nil
        }
        return field
    }
}

extension YAMLReader {
    /// An XPath 1.0 expression, compiled now so a mistake is reported where it is written.
    mutating func xpath(_ node: Node?, what: String) -> String? {
        guard let node, let text = string(node, what: what) else { return nil }
        guard HTMLDocument.isValidXPath(text) else {
            problem("invalid XPath '\(text)' in \(what)", at: node)
            return nil
        }
        return text
    }

    /// A case-insensitive pattern over unfolded text; a field pattern needs one capture group.
    mutating func capturingPattern(_ node: Node?, what: String) -> (ICURegex, String)? {
        guard let node, let text = string(node, what: what) else { return nil }
        do {
            let regex = try ICURegex(text, caseInsensitive: true)
            if !text.contains("(") || text.replacingOccurrences(of: "(?", with: "").filter({ $0 == "(" }).isEmpty {
                problem("pattern '\(text)' needs a capture group: the value is group 1", at: node)
                return nil
            }
            return (regex, text)
        } catch {
            problem("invalid pattern '\(text)': \(error)", at: node)
            return nil
        }
    }
}

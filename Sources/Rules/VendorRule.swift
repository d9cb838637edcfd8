import Foundation
import MailroomCore
import Yams

/// One vendor of the catalog (`Rules/vendors/<id>.yaml`).
public struct VendorRule: Sendable, Hashable {
    public var id: VendorID
    public var name: String
    public var sector: Sector
    /// Registrable domains, lowercased.
    public var domains: [String]
    /// `List-Id` values or suffixes that name this vendor, lowercased.
    public var listIDs: [String]
    /// Display names that name this vendor when mail comes from a shared platform.
    public var brands: [String]
    /// Sample messages of this vendor with their expected category, run by `mailroom rules test`.
    public var examples: [VendorExample]
    /// Return-window and warranty overrides for this vendor (`deadlines:`), if any.
    public var deadlines: DeadlinePolicy.Override?
    /// Set for a platform that sells, books or collects on behalf of businesses: its mail sent
    /// under a business's name names that business (`intermediary:`).
    public var intermediary: Intermediary?
    public var source: SourceLocation

    public init(id: VendorID, name: String, sector: Sector, domains: [String], listIDs: [String] = [],
                brands: [String] = [], examples: [VendorExample] = [], deadlines: DeadlinePolicy.Override? = nil, intermediary: Intermediary? = nil,
                source: SourceLocation) {
        self.id = id
        self.name = name
        self.sector = sector
        self.domains = domains
        self.listIDs = listIDs
        self.brands = brands
        self.examples = examples
        self.deadlines = deadlines
        self.intermediary = intermediary
        self.source = source
    }
}

/// A sample message a vendor file names, with the category it must get.
public struct VendorExample: Sendable, Hashable {
    /// The mail file, as written: relative to the vendor file's folder unless absolute.
    public var file: String
    public var category: Category
    public var source: SourceLocation

    /// The mail file's location.
    public var url: URL {
        if file.hasPrefix("/") { return URL(fileURLWithPath: file) }
        return URL(fileURLWithPath: source.file).deletingLastPathComponent().appendingPathComponent(file).standardizedFileURL
    }
}

extension VendorRule {
    static let keys = ["id", "name", "sector", "domains", "list_ids", "brands", "examples", "deadlines", "intermediary"]

    /// Reads one vendor file; problems go to the reader's diagnostics.
    static func read(_ text: String, expectedID: String, reader: inout YAMLReader) -> VendorRule? {
        guard let root = reader.compose(text) else {
            if reader.diagnostics.isEmpty { reader.problem("the file is empty", at: nil) }
            return nil
        }
        guard let fields = reader.mapping(root, allowed: keys, required: ["id", "name", "sector", "domains"], what: "a vendor") else {
            return nil
        }
        let id = reader.string(fields["id"], what: "id")
        if let id, !isSlug(id) {
            reader.problem("id '\(id)' must use only a-z, 0-9 and '-'", at: fields["id"])
        } else if let id, id != expectedID {
            reader.problem("id '\(id)' must match the file name '\(expectedID).yaml'", at: fields["id"])
        }
        let name = reader.string(fields["name"], what: "name")
        let sector = reader.choice(fields["sector"], what: "sector", as: Sector.self)
        let domains = reader.strings(fields["domains"], what: "a domain").map { $0.lowercased() }
        if fields["domains"] != nil && domains.isEmpty { reader.problem("domains must list at least one domain", at: fields["domains"]) }
        for (index, domain) in domains.enumerated() where !isDomain(domain) {
            let node = fields["domains"].flatMap { node -> Node? in
                if case .sequence(let sequence) = node, index < sequence.count { return sequence[index] }
                return node
            }
            reader.problem("'\(domain)' is not a domain name (write it as example.com, without scheme or path)", at: node)
        }
        let deadlines = fields["deadlines"].flatMap { reader.deadlineOverride($0, what: "the vendor") }
        let intermediary = reader.choice(fields["intermediary"], what: "intermediary", as: Intermediary.self)
        guard let id, let name, let sector else { return nil }
        return VendorRule(
            id: VendorID(id), name: name, sector: sector, domains: domains,
            listIDs: reader.strings(fields["list_ids"], what: "a List-Id").map { $0.lowercased() },
            brands: reader.strings(fields["brands"], what: "a brand"),
            examples: readExamples(fields["examples"], reader: &reader), deadlines: deadlines, intermediary: intermediary,
            source: reader.location(of: root)
        )
    }

    /// `examples:` a list of `{file: PATH, category: CATEGORY}`.
    static func readExamples(_ node: Node?, reader: inout YAMLReader) -> [VendorExample] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else {
            reader.problem("examples must be a list of {file, category}", at: node)
            return []
        }
        return sequence.compactMap { item in
            guard let fields = reader.mapping(item, allowed: ["file", "category"], required: ["file", "category"], what: "an example"),
                let file = reader.string(fields["file"], what: "file"),
                let category = reader.choice(fields["category"], what: "category", as: Category.self)
            else { return nil }
            return VendorExample(file: file, category: category, source: reader.location(of: item))
        }
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func isDomain(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" }
        }
    }
}

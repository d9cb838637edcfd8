import Foundation
import MailroomCore

/// Every rule Mailroom applies, loaded and validated once; lookups are pure.
public struct RuleSet: Sendable {
    public private(set) var vendors: [VendorID: VendorRule] = [:]
    /// Registrable domain → vendor.
    public private(set) var vendorByDomain: [String: VendorID] = [:]
    /// `List-Id` value or suffix → vendor.
    private var vendorByListID: [String: VendorID] = [:]
    /// Global category rules, in file order.
    public var categoryRules: [CategoryRule] = []
    /// Domains that name a platform or a mailbox provider rather than a vendor.
    public var platforms = Platforms()
    /// Order extractor rules by vendor (`Rules/extractors/`).
    public var extractors: [VendorID: ExtractorRule] = [:]
    /// Sector names and descriptions (`Rules/sectors.yaml`).
    public var sectors: [Sector: SectorInfo] = [:]
    /// Return-window and warranty defaults and their sector overrides (`Rules/deadlines.yaml`).
    public var deadlines = DeadlineSettings()
    /// Word statistics learned from labelled mail (`Rules/model/categories.tsv`), if shipped.
    public var categoryModel: CategoryModel?

    public init(vendors: [VendorRule] = [], categoryRules: [CategoryRule] = [], platforms: Platforms = Platforms()) {
        for vendor in vendors { add(vendor) }
        self.categoryRules = categoryRules
        self.platforms = platforms
    }

    /// Adds or replaces a vendor (a later one with the same id overrides an earlier one).
    mutating func add(_ vendor: VendorRule) {
        if let previous = vendors[vendor.id] {
            for domain in previous.domains where vendorByDomain[domain] == vendor.id { vendorByDomain[domain] = nil }
        }
        if let previous = vendors[vendor.id] {
            for listID in previous.listIDs where vendorByListID[listID] == vendor.id { vendorByListID[listID] = nil }
        }
        vendors[vendor.id] = vendor
        for domain in vendor.domains { vendorByDomain[domain] = vendor.id }
        for listID in vendor.listIDs { vendorByListID[listID] = vendor.id }
    }

    /// The vendor whose List-Id patterns match `listID` (the identifier or one of its parent domains).
    public func vendor(forListID listID: String) -> VendorRule? {
        var labels = listID.lowercased().split(separator: ".")
        while !labels.isEmpty {
            if let id = vendorByListID[labels.joined(separator: ".")], let vendor = vendors[id] { return vendor }
            labels.removeFirst()
        }
        return nil
    }

    /// The vendor that owns a registrable domain.
    public func vendor(forDomain domain: String) -> VendorRule? {
        vendorByDomain[domain.lowercased()].flatMap { vendors[$0] }
    }
}

/// Loads `Rules/` folders: the shipped rules first, then the user's, which extend and override.
public enum RulesLoader {
    /// Loads every folder in order; all problems are collected before failing.
    public static func load(folders: [URL]) throws(RulesError) -> RuleSet {
        var set = RuleSet()
        var diagnostics: [Diagnostic] = []
        for folder in folders {
            var seenDomains: [String: (VendorID, SourceLocation)] = [:]
            for vendor in loadVendors(in: folder.appendingPathComponent("vendors"), diagnostics: &diagnostics) {
                for domain in vendor.domains {
                    if let (other, location) = seenDomains[domain], other != vendor.id {
                        diagnostics.append(Diagnostic(file: vendor.source.file, line: vendor.source.line, column: vendor.source.column,
                                                      message: "domain '\(domain)' is already claimed by vendor '\(other)' (\(location))"))
                    }
                    seenDomains[domain] = (vendor.id, vendor.source)
                }
                set.add(vendor)
            }
            if let rules = read(folder.appendingPathComponent("categories.yaml"), diagnostics: &diagnostics, CategoryRule.readAll) {
                // A user's rule with a shipped rule's id replaces it; others are added.
                for rule in rules {
                    if let index = set.categoryRules.firstIndex(where: { $0.id == rule.id }) {
                        set.categoryRules[index] = rule
                    } else {
                        set.categoryRules.append(rule)
                    }
                }
            }
            if let sectors = read(folder.appendingPathComponent("sectors.yaml"), diagnostics: &diagnostics, SectorInfo.readAll) {
                set.sectors.merge(sectors) { $1 }
            }
            if let platforms = read(folder.appendingPathComponent("platforms.yaml"), diagnostics: &diagnostics, Platforms.read) {
                set.platforms.emailServiceProviders.formUnion(platforms.emailServiceProviders)
                set.platforms.mailboxProviders.formUnion(platforms.mailboxProviders)
            }
            loadOrderRules(in: folder, into: &set, diagnostics: &diagnostics)
            loadCategoryModel(in: folder, into: &set, diagnostics: &diagnostics)
        }
        guard diagnostics.isEmpty else { throw RulesError(diagnostics: diagnostics) }
        return set
    }

    /// Reads one optional file with `parse`; a missing file is not a problem.
    static func read<T>(_ url: URL, diagnostics: inout [Diagnostic], _ parse: (String, inout YAMLReader) -> T) -> T? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let display = displayPath(url)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(file: display, line: 0, column: 0, message: "cannot read the file as UTF-8 text"))
            return nil
        }
        var reader = YAMLReader(file: display)
        let value = parse(text, &reader)
        diagnostics += reader.diagnostics
        return value
    }

    static func loadVendors(in folder: URL, diagnostics: inout [Diagnostic]) -> [VendorRule] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var vendors: [VendorRule] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let url = folder.appendingPathComponent(name)
            let display = displayPath(url)
            var reader = YAMLReader(file: display)
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(file: display, line: 0, column: 0, message: "cannot read the file as UTF-8 text"))
                continue
            }
            let id = (name as NSString).deletingPathExtension
            if let vendor = VendorRule.read(text, expectedID: id, reader: &reader) { vendors.append(vendor) }
            diagnostics += reader.diagnostics
        }
        return vendors
    }

    /// A path relative to the working directory when it lies below it, for short diagnostics.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }
}

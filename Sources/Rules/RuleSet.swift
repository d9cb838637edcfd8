import Foundation
import MailroomCore

/// Every rule Mailroom applies, loaded and validated once; lookups are pure.
public struct RuleSet: Sendable {
    public private(set) var vendors: [VendorID: VendorRule] = [:]
    /// Registrable domain → vendor.
    public private(set) var vendorByDomain: [String: VendorID] = [:]

    public init(vendors: [VendorRule] = []) {
        for vendor in vendors { add(vendor) }
    }

    /// Adds or replaces a vendor (a later one with the same id overrides an earlier one).
    mutating func add(_ vendor: VendorRule) {
        if let previous = vendors[vendor.id] {
            for domain in previous.domains where vendorByDomain[domain] == vendor.id { vendorByDomain[domain] = nil }
        }
        vendors[vendor.id] = vendor
        for domain in vendor.domains { vendorByDomain[domain] = vendor.id }
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
        }
        guard diagnostics.isEmpty else { throw RulesError(diagnostics: diagnostics) }
        return set
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

import Foundation
import MailroomCore

extension RuleSet {
    /// The deadlines that apply to an order from `vendor` (a catalog vendor id) of `sector`:
    /// the vendor's overrides, else its sector's, else the defaults.
    public func deadlinePolicy(vendor: VendorID?, sector: Sector?) -> DeadlinePolicy {
        let catalogVendor = vendor.flatMap { vendors[$0] }
        let effectiveSector = sector ?? catalogVendor?.sector
        return deadlines.base
            .applying(effectiveSector.flatMap { deadlines.sectors[$0] })
            .applying(catalogVendor?.deadlines)
    }
}

extension RulesLoader {
    /// Loads `extractors/*.yaml` and `deadlines.yaml` of one folder into `set`.
    static func loadOrderRules(in folder: URL, into set: inout RuleSet, diagnostics: inout [Diagnostic]) {
        let extractorFolder = folder.appendingPathComponent("extractors")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: extractorFolder.path) {
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let id = (name as NSString).deletingPathExtension
                let url = extractorFolder.appendingPathComponent(name)
                let rule = read(url, diagnostics: &diagnostics) { text, reader in
                    ExtractorRule.read(text, expectedID: id, reader: &reader)
                }
                guard let rule = rule ?? nil else { continue }
                if set.vendors[rule.vendor] == nil {
                    diagnostics.append(Diagnostic(file: rule.source.file, line: rule.source.line, column: rule.source.column,
                                                  message: "vendor '\(rule.vendor)' is not in the catalog (Rules/vendors/)"))
                }
                set.extractors[rule.vendor] = rule
            }
        }
        if let overrides = read(folder.appendingPathComponent("deadlines.yaml"), diagnostics: &diagnostics, DeadlineSettings.read) {
            set.deadlines.apply(overrides)
        }
    }
}

import Foundation
import MailroomCore

extension RuleSet {
    /// Problems the loader cannot see in one file alone: sectors without a description, example
    /// files that do not exist. (A vendor domain may also be a platform's, like shopify.com: mail
    /// from it then reaches the vendor through its display name.)
    public func lint() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for sector in Sector.allCases where sectors[sector] == nil {
            problems.append(Diagnostic(file: "sectors.yaml", line: 0, column: 0, message: "sector '\(sector.rawValue)' has no name and description"))
        }
        for vendor in vendors.values.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            for example in vendor.examples where !FileManager.default.fileExists(atPath: example.url.path) {
                problems.append(Diagnostic(at: example.source, "example file '\(example.file)' does not exist (looked for \(example.url.path))"))
            }
        }
        return problems
    }
}

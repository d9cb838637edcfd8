import Store

/// Why a dashboard query could not answer; messages read "cannot <verb> <object>: <reason>".
public enum DashboardError: Error, Sendable, CustomStringConvertible {
    /// No vendor matches; `suggestions` are the closest names, best first.
    case noSuchVendor(String, suggestions: [String])
    /// Several vendors match equally well.
    case ambiguousVendor(String, candidates: [String])
    case store(StoreError)

    public var description: String {
        switch self {
        case .noSuchVendor(let query, let suggestions):
            "cannot find the vendor \"\(query)\"" + (suggestions.isEmpty
                ? ": no vendor has that id, name or domain"
                : ": did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?")
        case .ambiguousVendor(let query, let candidates):
            "cannot choose the vendor \"\(query)\": it matches \(candidates.joined(separator: ", ")); give its id"
        case .store(let error):
            error.description
        }
    }
}

/// Collects the warnings of one parse, without duplicates and with a cap.
struct WarningLog {
    private(set) var warnings: [ParseWarning] = []
    private var seen: Set<ParseWarning> = []

    /// More warnings than this say nothing new; junk input would otherwise produce thousands.
    static let maximumCount = 64

    mutating func add(_ code: String, _ detail: String) {
        guard warnings.count < Self.maximumCount else { return }
        let warning = ParseWarning(code: code, detail: detail)
        if seen.insert(warning).inserted { warnings.append(warning) }
    }

    func contains(_ code: String) -> Bool { warnings.contains { $0.code == code } }
}

import ArgumentParser
import Classification
import Foundation
import MailroomCore
import Pipeline
import Rules
import Store

/// `mailroom correct MESSAGE --category C | --vendor V`: a correction that the message's
/// sender stream follows from then on, and that reclassification never undoes.
struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Correct the category or the vendor of a stored message; mail of the same stream follows.",
        discussion: """
            MESSAGE is a store row id (as `mailroom messages` shows it), a Message-ID, the first \
            hex digits (8 or more) of a content hash, or a mail file that was imported.
            The correction also holds for every message of the same sender stream (its List-Id, \
            else its sending address), stored or still to come, unless --only-this is given. \
            Corrections are your data: `reclassify` and resyncs keep them.
            """
    )

    @Argument(help: ArgumentHelp("The message to correct.", valueName: "message"))
    var message: String

    @Option(help: ArgumentHelp("The right category: \(Category.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "category"))
    var category: Category?

    @Option(help: ArgumentHelp("The right vendor: a catalog id, domain or name, or a vendor id the store knows.", valueName: "vendor"))
    var vendor: String?

    @Flag(help: "Correct this message only, not its sender stream.")
    var onlyThis = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if category == nil && vendor == nil { throw ValidationError("give --category, --vendor, or both") }
    }

    func run() throws {
        let store = try global.openStore()
        let rules = try global.rules()
        let vendorID = try vendor.map { try Self.resolveVendor($0, rules: rules, store: store) }
        let targets = try Self.find(message, in: store, analyzer: Analyzer(classifier: nil))
        guard !targets.isEmpty else {
            throw CommandFailure("cannot find the message '\(message)' in the store: give a row id, a Message-ID, a content hash or an imported file")
        }
        var affected = Set<Int64>()
        for target in try store.storedMessages(rowIDs: targets) {
            let stream = onlyThis ? nil : target.stream ?? SenderStream.key(of: target.message())
            _ = try store.addCorrection(messageKey: target.messageID ?? target.contentHash, stream: stream,
                                       category: category, vendorID: vendorID, now: Date())
            affected.insert(target.rowID)
            if let stream { affected.formUnion(try store.messageRowIDs(inStream: stream)) }
            let what = [category.map { "category \($0.rawValue)" }, vendorID.map { "vendor \($0)" }].compactMap { $0 }
            Terminal.output("Corrected message #\(target.rowID): \(what.joined(separator: ", "))"
                + (stream.map { "; stream \($0) follows it" } ?? " (this message only)") + ".")
        }
        let analyzer = Analyzer(classifier: Classifier(rules: rules), corrections: try Corrections.load(from: store, rules: rules))
        let summary = try Reclassifier(store: store, analyzer: analyzer).run(rowIDs: affected.sorted())
        let others = affected.count - targets.count
        if others > 0 {
            Terminal.output("\(others) other stored message\(others == 1 ? "" : "s") of the same stream now follow\(others == 1 ? "s" : "") it; \(summary.changed) changed in all.")
        }
    }

    /// The row ids `selector` names; a readable mail file is found by its content.
    static func find(_ selector: String, in store: MailStore, analyzer: Analyzer) throws -> [Int64] {
        let found = try store.messageRowIDs(matching: selector)
        if !found.isEmpty || !FileManager.default.fileExists(atPath: selector) { return found }
        return try MailSource.messages(in: selector).compactMap { raw throws(StoreError) in
            try store.messageRowID(contentHash: analyzer.analyze(raw).contentHash)
        }
    }

    /// The vendor id `text` names: a catalog vendor (id, domain or name), else a vendor of the store.
    static func resolveVendor(_ text: String, rules: RuleSet, store: MailStore) throws -> VendorID {
        if let rule = rules.vendor(named: text) { return rule.id }
        if let known = try store.vendor(id: VendorID(text.lowercased())) { return known.id }
        let suggestions = rules.vendorSuggestions(for: text).map { "\($0.id) (\($0.name))" }
        throw CommandFailure("cannot find the vendor '\(text)' in the catalog or the store"
            + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"))
    }
}

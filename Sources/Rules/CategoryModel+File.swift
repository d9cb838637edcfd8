import Foundation
import MailroomCore

/// The model file, `model/categories.tsv`: tab-separated text, one feature per line.
///
///     # comments
///     feature     orders  account  support  newsletters  notifications
///     messages    412     300      280      350          330
///     s:commande  120     3        10       5            2
///
/// The header names the columns; `messages` counts the training messages of each category;
/// every other line counts the training messages of each category a feature occurs in.
extension CategoryModel {
    static let header = (["feature"] + categories.map(\.rawValue)).joined(separator: "\t")
    static let messagesKey = "messages"

    /// Reads a model file; problems are reported as `file:line:col`.
    static func read(_ text: String, file: String) -> (CategoryModel, [Diagnostic]) {
        var model = CategoryModel()
        var diagnostics: [Diagnostic] = []
        var sawHeader = false
        let width = categories.count
        var values = [Int32](repeating: 0, count: width)
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader {
                guard line == header else {
                    diagnostics.append(Diagnostic(file: file, line: number, column: 1, message: "expected the header line '\(header.replacingOccurrences(of: "\t", with: "<tab>"))'"))
                    return (model, diagnostics)
                }
                sawHeader = true
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == width + 1, !fields[0].isEmpty else {
                diagnostics.append(Diagnostic(file: file, line: number, column: 1, message: "expected a feature and \(width) counts separated by tabs"))
                continue
            }
            var column = fields[0].count + 2
            var valid = true
            for (slot, field) in fields.dropFirst().enumerated() {
                guard let value = Int32(field), value >= 0 else {
                    diagnostics.append(Diagnostic(file: file, line: number, column: column, message: "'\(field)' is not a count"))
                    valid = false
                    break
                }
                values[slot] = value
                column += field.count + 1
            }
            guard valid else { continue }
            if fields[0] == messagesKey {
                for slot in 0..<width { model.messages[slot] += Int(values[slot]) }
            } else {
                model.add(String(fields[0]), counts: values[...])
            }
        }
        if !sawHeader { diagnostics.append(Diagnostic(file: file, line: 0, column: 0, message: "the model file has no header line")) }
        model.prepare()
        return (model, diagnostics)
    }

    /// Counts of features in labelled messages, written out as a model file.
    public struct Training: Sendable {
        public private(set) var messages = Array(repeating: 0, count: CategoryModel.categories.count)
        public private(set) var counts: [String: [Int]] = [:]

        public init() {}

        /// Counts one message: each of its features once.
        public mutating func add(_ features: Set<String>, category: Category) {
            guard let column = CategoryModel.categories.firstIndex(of: category) else { return }
            messages[column] += 1
            for feature in features {
                counts[feature, default: Array(repeating: 0, count: CategoryModel.categories.count)][column] += 1
            }
        }

        /// The model file: features sorted, so the same training gives the same bytes.
        public func text(comment: [String]) -> String {
            var lines = comment.map { "# \($0)" }
            lines.append(CategoryModel.header)
            lines.append(([CategoryModel.messagesKey] + messages.map(String.init)).joined(separator: "\t"))
            for feature in counts.keys.sorted() where !feature.contains("\t") && !feature.contains("\n") {
                lines.append(([feature] + (counts[feature] ?? []).map(String.init)).joined(separator: "\t"))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

extension RulesLoader {
    /// Reads `model/categories.tsv` of one folder, if any, adding its counts to `set`'s model.
    static func loadCategoryModel(in folder: URL, into set: inout RuleSet, diagnostics: inout [Diagnostic]) {
        let url = folder.appendingPathComponent("model").appendingPathComponent("categories.tsv")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let display = displayPath(url)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(file: display, line: 0, column: 0, message: "cannot read the file as UTF-8 text"))
            return
        }
        let (model, problems) = CategoryModel.read(text, file: display)
        diagnostics += problems
        if var existing = set.categoryModel {
            existing.add(model)
            set.categoryModel = existing
        } else {
            set.categoryModel = model
        }
    }
}

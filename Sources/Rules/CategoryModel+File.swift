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
        read(Array(text.utf8), file: file)
    }

    /// Reads a model file's bytes line by line (a shipped model has tens of thousands of lines,
    /// read by every command that classifies).
    static func read(_ bytes: [UInt8], file: String) -> (CategoryModel, [Diagnostic]) {
        var model = CategoryModel()
        var diagnostics: [Diagnostic] = []
        let width = categories.count
        let headerBytes = Array(header.utf8)
        let messagesBytes = Array(messagesKey.utf8)
        var sawHeader = false
        var values = [Int32](repeating: 0, count: width)
        var number = 0
        var lineStart = 0
        // The fields of the line being read, in one array kept for every line (splitting each
        // line into a new array grew one array per line, four times over).
        var fields: [Slice<UnsafeBufferPointer<UInt8>>] = []
        fields.reserveCapacity(width + 2)
        bytes.withUnsafeBufferPointer { bytes in
            while lineStart < bytes.count {
                number += 1
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                if line.isEmpty || line[0] == UInt8(ascii: "#") { continue }
                if !sawHeader {
                    guard line.elementsEqual(headerBytes) else {
                        diagnostics.append(Diagnostic(file: file, line: number, column: 1,
                                                      message: "expected the header line '\(header.replacingOccurrences(of: "\t", with: "<tab>"))'"))
                        lineStart = bytes.count
                        return
                    }
                    sawHeader = true
                    continue
                }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = 0
                for index in 0..<line.count where line[index] == 0x09 {
                    fields.append(line[fieldStart..<index])
                    fieldStart = index + 1
                }
                fields.append(line[fieldStart..<line.count])
                guard fields.count == width + 1, !fields[0].isEmpty else {
                    diagnostics.append(Diagnostic(file: file, line: number, column: 1, message: "expected a feature and \(width) counts separated by tabs"))
                    continue
                }
                var valid = true
                for (slot, field) in fields.dropFirst().enumerated() {
                    guard let value = count(field) else {
                        diagnostics.append(Diagnostic(file: file, line: number, column: field.startIndex + 1,
                                                      message: "'\(String(decoding: field, as: UTF8.self))' is not a count"))
                        valid = false
                        break
                    }
                    values[slot] = value
                }
                guard valid else { continue }
                if fields[0].elementsEqual(messagesBytes) {
                    for slot in 0..<width { model.messages[slot] += Int(values[slot]) }
                } else {
                    model.add(fields[0], hash: FeatureHash.of(fields[0]), counts: values[...])
                }
            }
        }
        if !sawHeader, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(file: file, line: 0, column: 0, message: "the model file has no header line"))
        }
        model.prepare()
        return (model, diagnostics)
    }

    /// A count written in decimal digits, at most `Int32.max`.
    static func count(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> Int32? {
        guard !field.isEmpty, field.count <= 10 else { return nil }
        var value: Int64 = 0
        for byte in field {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        return value <= Int64(Int32.max) ? Int32(value) : nil
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
        guard let data = try? Data(contentsOf: url) else {
            diagnostics.append(Diagnostic(file: display, line: 0, column: 0, message: "cannot read the file"))
            return
        }
        let (model, problems) = CategoryModel.read([UInt8](data), file: display)
        diagnostics += problems
        if var existing = set.categoryModel {
            existing.add(model)
            set.categoryModel = existing
        } else {
            set.categoryModel = model
        }
    }
}

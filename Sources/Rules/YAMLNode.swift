import Foundation
import Yams

/// Strict, located reading of a YAML document: every problem becomes a ``Diagnostic``.
struct YAMLReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func problem(_ message: String, at node: Node?) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
    }

    /// Parses YAML text into a node tree, recording a syntax error as a diagnostic.
    mutating func compose(_ text: String) -> Node? {
        do {
            // UTF-8 named: Yams' default encoding reads the whole process environment on every
            // call (a quarter of the rules' loading time, once per file). The basic resolver:
            // every scalar stays a string (the readers convert what they need themselves), so
            // no scalar is matched against Yams' regular expressions for booleans, numbers and
            // dates — a fifth of the loading time, spent hashing keys for the duplicate check.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                diagnostics.append(Diagnostic(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)"))
            default:
                diagnostics.append(Diagnostic(file: file, line: 0, column: 0, message: "invalid YAML: \(error)"))
            }
        } catch {
            diagnostics.append(Diagnostic(file: file, line: 0, column: 0, message: "invalid YAML: \(error)"))
        }
        return nil
    }

    /// The pairs of a mapping whose keys are all in `allowed`; unknown keys are reported with
    /// a did-you-mean, missing `required` keys too.
    mutating func mapping(_ node: Node, allowed: [String], required: [String], what: String) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            problem("\(what) must be a mapping of keys to values", at: node)
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                problem("keys of \(what) must be plain words", at: key)
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                let hint = suggestion(for: name, among: allowed).map { "; did you mean '\($0)'?" } ?? " (allowed: \(allowed.joined(separator: ", ")))"
                problem("unknown key '\(name)' in \(what)\(hint)", at: key)
                continue
            }
            result[name] = value
        }
        for key in required where result[key] == nil {
            problem("\(what) needs the key '\(key)'", at: node)
        }
        return result
    }

    /// A non-empty string scalar.
    mutating func string(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem("\(what) must be a non-empty text", at: node)
            return nil
        }
        return scalar.string
    }

    /// A list of non-empty strings (a single string is accepted as a list of one).
    mutating func strings(_ node: Node?, what: String) -> [String] {
        guard let node else { return [] }
        if case .scalar = node { return string(node, what: what).map { [$0] } ?? [] }
        guard case .sequence(let sequence) = node else {
            problem("\(what) must be a list", at: node)
            return []
        }
        return sequence.compactMap { string($0, what: what) }
    }

    /// A word from a closed vocabulary (`retail`, `orders`), with a did-you-mean when it is not.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, what: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let node, let word = string(node, what: what) else { return nil }
        if let value = T(rawValue: word) { return value }
        let hint = suggestion(for: word, among: T.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
        problem("unknown \(what) '\(word)'\(hint)", at: node)
        return nil
    }

    /// The mark of a node, for values that keep their source location.
    func location(of node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
    }
}

/// Where a rule was written: `file:line:col`.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var description: String { "\(file):\(line):\(column)" }
}

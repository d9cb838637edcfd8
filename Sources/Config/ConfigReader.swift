import Foundation
import Yams

/// Strict, located reading of the config's YAML: unknown keys and wrong values become problems
/// with their `file:line:col`.
struct ConfigReader {
    let file: String
    var problems: [ConfigProblem] = []

    init(file: String) { self.file = file }

    mutating func problem(_ message: String, at node: Node?) {
        problems.append(ConfigProblem(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message))
    }

    mutating func compose(_ text: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                problems.append(ConfigProblem(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)"))
            default:
                problems.append(ConfigProblem(file: file, line: 0, column: 0, message: "invalid YAML: \(error)"))
            }
        } catch {
            problems.append(ConfigProblem(file: file, line: 0, column: 0, message: "invalid YAML: \(error)"))
        }
        return nil
    }

    /// The pairs of a mapping, in order, when every key is allowed.
    mutating func mapping(_ node: Node, allowed: [String], what: String) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            problem("\(what) must be a mapping of keys to values", at: node)
            return []
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                problem("keys of \(what) must be plain words", at: key)
                continue
            }
            guard allowed.isEmpty || allowed.contains(scalar.string) else {
                let hint = Self.suggestion(for: scalar.string, among: allowed).map { "; did you mean '\($0)'?" }
                    ?? " (allowed: \(allowed.joined(separator: ", ")))"
                problem("unknown key '\(scalar.string)' in \(what)\(hint)", at: key)
                continue
            }
            if pairs.contains(where: { $0.key == scalar.string }) {
                problem("'\(scalar.string)' appears twice in \(what)", at: key)
                continue
            }
            pairs.append((scalar.string, key, value))
        }
        return pairs
    }

    /// The mapping as a dictionary (keys checked as in ``mapping(_:allowed:what:)``).
    mutating func fields(_ node: Node, allowed: [String], what: String) -> [String: Node] {
        Dictionary(mapping(node, allowed: allowed, what: what).map { ($0.key, $0.value) }) { first, _ in first }
    }

    mutating func string(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem("\(what) must be a non-empty text", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func integer(_ node: Node?, what: String, range: ClosedRange<Int>) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), range.contains(value) else {
            problem("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: node)
            return nil
        }
        return value
    }

    mutating func boolean(_ node: Node?, what: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = ["true": true, "yes": true, "false": false, "no": false][scalar.string.lowercased()] else {
            problem("\(what) must be true or false", at: node)
            return nil
        }
        return value
    }

    mutating func strings(_ node: Node?, what: String) -> [String] {
        guard let node else { return [] }
        if case .scalar = node { return string(node, what: what).map { [$0] } ?? [] }
        guard case .sequence(let sequence) = node else {
            problem("\(what) must be a list", at: node)
            return []
        }
        return sequence.compactMap { string($0, what: what) }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, what: String, as type: T.Type) -> T? where T.RawValue == String {
        guard let node, let word = string(node, what: what) else { return nil }
        if let value = T(rawValue: word) { return value }
        let words = T.allCases.map(\.rawValue)
        let hint = Self.suggestion(for: word, among: words).map { "; did you mean '\($0)'?" } ?? " (one of: \(words.joined(separator: ", ")))"
        problem("unknown \(what) '\(word)'\(hint)", at: node)
        return nil
    }

    /// The closest candidate to a misspelled word, when it is close enough.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            if a.isEmpty { return b.count }
            if b.isEmpty { return a.count }
            var previous = Array(0...b.count)
            var current = [Int](repeating: 0, count: b.count + 1)
            for i in 1...a.count {
                current[0] = i
                for j in 1...b.count {
                    current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
        let scored = candidates.map { ($0, distance(Array(word.lowercased()), Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= Swift.max(2, word.count / 3) else { return nil }
        return best.0
    }
}

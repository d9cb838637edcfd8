import Classification
import Foundation
import Pipeline
import Rules
import Testing

/// Every `Samples/**/<case>.eml` against the `<case>.expected.json` written beside it.
///
/// `MAILROOM_RECORD=1` rewrites the compared fields on purpose (the other, hand-written fields
/// are kept); review the diff before committing.
@Suite("Golden samples")
struct GoldenTests {
    /// The fields the pipeline produces; `explanation` is never compared.
    static let comparedFields = ["path", "messageId", "subject", "date", "from", "vendor", "category", "order", "warnings"]

    /// The key order of expected files (Samples/README.md).
    static let keyOrder = [
        "path", "messageId", "subject", "date", "from", "vendor", "category", "order", "warnings", "explanation",
    ]

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The pipeline with the shipped rules, loaded once for every sample.
    static let analyzer: Analyzer = {
        let rules = try! RulesLoader.load(folders: [repositoryRoot.appendingPathComponent("Rules")])
        return Analyzer(classifier: Classifier(rules: rules))
    }()

    static var recording: Bool { ProcessInfo.processInfo.environment["MAILROOM_RECORD"] == "1" }

    /// Sample paths relative to the repository root, sorted.
    static let samples: [String] = {
        let root = repositoryRoot.appendingPathComponent("Samples")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var paths: [String] = []
        while let entry = enumerator?.nextObject() as? String {
            if entry.hasSuffix(".eml") { paths.append("Samples/" + entry) }
        }
        return paths.sorted()
    }()

    @Test("the corpus is there")
    func corpusExists() {
        #expect(Self.samples.count >= 150, "Samples/ holds \(Self.samples.count) messages")
        #expect(Self.samples.contains { $0.hasPrefix("Samples/_broken/") })
    }

    @Test("sample matches its expected file", arguments: samples)
    func sample(_ path: String) throws {
        let file = Self.repositoryRoot.appendingPathComponent(path)
        let data = try Data(contentsOf: file)
        let record = ClassifyRecord(Self.analyzer.analyze(RawMessage(path: path, position: 0, data: data)))
        let produced = try JSONSerialization.jsonObject(with: ClassifyRecord.jsonEncoder().encode(record)) as! [String: Any]

        if path.hasPrefix("Samples/_broken/") {
            #expect(!(produced["warnings"] as! [Any]).isEmpty, "a broken sample parses with warnings")
        }

        let expectedURL = file.deletingPathExtension().appendingPathExtension("expected.json")
        guard let expectedData = try? Data(contentsOf: expectedURL) else {
            Issue.record("\(path): no expected file \(expectedURL.lastPathComponent) (write it by hand; MAILROOM_RECORD=1 only refreshes it)")
            return
        }
        var expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any],
                                    "\(expectedURL.lastPathComponent) is not a JSON object")

        if Self.recording {
            let changed = try Self.comparedFields.filter {
                try Self.canonical(expected[$0] ?? NSNull()) != Self.canonical(produced[$0] ?? NSNull())
            }
            guard !changed.isEmpty else { return }
            for field in changed { expected[field] = produced[field] ?? NSNull() }
            try Self.write(expected, to: expectedURL)
            return
        }
        for field in Self.comparedFields {
            let want = try Self.canonical(expected[field] ?? NSNull())
            let got = try Self.canonical(produced[field] ?? NSNull())
            #expect(got == want, "\(path): \(field)\n  expected \(want)\n  produced \(got)")
        }
    }

    /// One JSON text per value, with sorted keys, so values compare as strings.
    static func canonical(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes an expected file with its keys in the documented order, one per line.
    static func write(_ object: [String: Any], to url: URL) throws {
        let keys = keyOrder.filter { object[$0] != nil } + object.keys.filter { !keyOrder.contains($0) }.sorted()
        let lines = try keys.map { "  \(try canonical($0)): \(try canonical(object[$0]!))" }
        try Data(("{\n" + lines.joined(separator: ",\n") + "\n}\n").utf8).write(to: url, options: .atomic)
    }
}

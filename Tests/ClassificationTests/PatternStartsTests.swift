import Foundation
import Intl
import MIME
import Testing

@testable import Classification
@testable import Rules

/// Every shipped pattern, searched only where its leading literals occur, finds what a whole
/// search finds, on the subjects and bodies of every sample (as the classifier folds them).
@Suite("Pattern search from leading literals")
struct PatternStartsTests {
    static let texts: [PatternText] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        var texts: [PatternText] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let entry = enumerator?.nextObject() as? String {
            guard entry.hasSuffix(".eml"), let data = FileManager.default.contents(atPath: root.appendingPathComponent(entry).path) else {
                continue
            }
            let message = MessageParser.parse(data)
            let features = MessageFeatures(message, sender: message.from.first)
            texts += [features.subject, features.body]
        }
        return texts
    }()

    @Test("shipped patterns: same first match either way")
    func shipped() {
        #expect(Self.texts.count >= 300)
        var patterns: [Pattern] = []
        for rule in ClassifierTests.rules.categoryRules {
            patterns += rule.subject + rule.body
            for set in [rule.subjectMatcher, rule.bodyMatcher] {
                guard let set else { continue }
                patterns += set.gated.map(\.pattern) + (set.always.map { [$0] } ?? [])
            }
        }
        #expect(patterns.filter { $0.starts != nil }.count * 10 >= patterns.count * 8, "most shipped patterns have leading literals")
        var compared = 0
        var matched = 0
        for pattern in patterns where pattern.starts != nil {
            for text in Self.texts {
                let found = pattern.firstMatch(in: text)
                #expect(found == pattern.firstMatch(in: text.utf16), "\(pattern.source) on \(text.string.prefix(80))")
                compared += 1
                if found != nil { matched += 1 }
            }
        }
        #expect(matched > 100, "\(matched) matches among \(compared) searches")
    }
}

@Suite("Body prefix")
struct BodyPrefixTests {
    @Test("cut from the bytes or by characters, the prefix is the first characters", arguments: [
        String(repeating: "a", count: 10), String(repeating: "ab", count: 10) + "e\u{301}xyz", "abcdefghi\u{301}jk", "abcdefgh\r\nij",
        "abc", "", "éééééééééééé", "abcdefghij", "abcdefghij\u{301}", "😀😀😀😀😀😀😀😀😀😀😀😀",
    ])
    func prefix(text: String) {
        for count in [0, 1, 5, 9, 10, 11, 30] {
            #expect(MessageFeatures.prefix(text, characters: count) == String(text.prefix(count)), "\(count) of \(text)")
        }
    }
}

import Foundation
import Intl
import MIME
import Store

/// Groups a vendor's support messages into conversations.
///
/// Two messages are in one conversation when one names the other in `In-Reply-To` or
/// `References`, or when both name a common earlier message; messages linked to nothing are
/// grouped by subject, once reply and forward prefixes (`Re:`, `AW:`, `TR:`, `Fwd:`…) and
/// bracketed tags are removed and the rest is folded. A pure function of its input.
public enum SupportThreads {
    /// One support message with its threading headers.
    public struct Message: Sendable, Hashable {
        public var row: MessageRow
        public var inReplyTo: [String]
        public var references: [String]

        public init(row: MessageRow, inReplyTo: [String], references: [String]) {
            self.row = row
            self.inReplyTo = inReplyTo
            self.references = references
        }

        /// The message with the threading headers read from its raw header block.
        public init(row: MessageRow, rawHeader: Data) {
            let parsed = MessageParser.parse(rawHeader)
            self.init(row: row, inReplyTo: parsed.inReplyTo, references: parsed.references)
        }
    }

    /// Conversations, each oldest message first; conversations ordered by their last message,
    /// newest first.
    public static func group(_ messages: [Message]) -> [[Message]] {
        var parent = Array(messages.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var byIdentifier: [String: Int] = [:]
        for (index, message) in messages.enumerated() {
            for identifier in [message.row.messageID].compactMap({ $0 }) + message.inReplyTo + message.references {
                if let other = byIdentifier[identifier] { union(index, other) } else { byIdentifier[identifier] = index }
            }
        }
        var bySubject: [String: Int] = [:]
        // Folding is the costly part and a conversation repeats its subject: once per subject.
        var normalized: [String: String] = [:]
        for (index, message) in messages.enumerated() where message.inReplyTo.isEmpty && message.references.isEmpty {
            let subject = message.row.subject ?? ""
            let key = normalized[subject] ?? normalizedSubject(subject)
            normalized[subject] = key
            guard !key.isEmpty else { continue }
            if let other = bySubject[key] { union(index, other) } else { bySubject[key] = index }
        }
        var groups: [Int: [Message]] = [:]
        for index in messages.indices { groups[root(index), default: []].append(messages[index]) }
        return groups.values
            .map { $0.sorted { ($0.row.date ?? .distantPast, $0.row.id) < ($1.row.date ?? .distantPast, $1.row.id) } }
            .sorted { ($0.last?.row.date ?? .distantPast, $0.last?.row.id ?? 0) > ($1.last?.row.date ?? .distantPast, $1.last?.row.id ?? 0) }
    }

    /// `Re: AW: [Ticket #123] Votre demande` → `votre demande`.
    public static func normalizedSubject(_ subject: String?) -> String {
        var text = TextFolding.fold(subject ?? "")
        let prefixes = ["re", "aw", "tr", "fw", "fwd", "wg", "rv", "sv", "vs", "antw", "ref", "r"]
        var changed = true
        while changed {
            changed = false
            text = text.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                text = String(text[text.index(after: close)...])
                changed = true
                continue
            }
            if let colon = text.firstIndex(of: ":") {
                let head = text[..<colon].trimmingCharacters(in: .whitespaces)
                let word = head.split(separator: "[").first.map(String.init) ?? head
                if prefixes.contains(word.trimmingCharacters(in: .whitespaces)) {
                    text = String(text[text.index(after: colon)...])
                    changed = true
                }
            }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

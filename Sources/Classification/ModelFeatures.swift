import MailroomCore
import Rules

/// One feature the category model reads: a tag saying where it was found and one word, or two
/// for a pair of neighbouring subject words.
///
/// Tags: `s` a subject word, `s2` two neighbouring subject words, `b` a word of the start of
/// the text, `l` a word of the sender's local part, `d` a word of the sender's subdomain,
/// `h` a list or reply header (or a reply prefix of the subject, `h:re`), `t` a schema.org type.
/// Words are read in folded text (case and accents removed), so `Commandé` and `commande` are
/// one word.
struct ModelFeature {
    let tag: StaticString
    let first: ArraySlice<UInt8>
    let second: ArraySlice<UInt8>?

    /// The hash the model file's name of this feature has.
    var hash: UInt64 {
        var hash = FeatureHash.seed
        tag.withUTF8Buffer { for byte in $0 { FeatureHash.add(byte, to: &hash) } }
        FeatureHash.add(UInt8(ascii: ":"), to: &hash)
        for byte in first { FeatureHash.add(byte, to: &hash) }
        if let second {
            FeatureHash.add(UInt8(ascii: "_"), to: &hash)
            for byte in second { FeatureHash.add(byte, to: &hash) }
        }
        return hash
    }

    /// The name the model file gives it: `s:commande`, `s2:votre_commande`.
    var name: String {
        var bytes = Array(tag.description.utf8) + [UInt8(ascii: ":")] + first
        if let second { bytes += [UInt8(ascii: "_")] + second }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Reads the model's features out of a message's classification features.
enum ModelFeatures {
    /// Header fields whose presence the model weighs: list and bulk headers, and replies.
    static let headerSignals: [(name: String, bytes: [UInt8])] = [
        "list-unsubscribe", "list-unsubscribe-post", "list-id", "precedence", "feedback-id",
        "in-reply-to", "references", "auto-submitted",
    ].map { ($0, Array($0.utf8)) }

    /// Subject prefixes of replies and forwards (EN, DE, FR, NL, ES, IT, PL, Nordic), folded.
    static let replyPrefixes: Set<[UInt8]> = Set(["re", "aw", "tr", "fw", "fwd", "wg", "sv", "rv", "odp", "rif", "doorst"].map { Array($0.utf8) })
    static let reply = Array("re".utf8)

    /// Calls `body` with every feature of the message, duplicates included; the words of the
    /// text only `withText`.
    static func forEach(in features: MessageFeatures, withText: Bool = true, _ body: (ModelFeature) -> Void) {
        let subject = features.subject.utf8
        let subjectWords = words(in: subject, lettersOnly: false)
        for (offset, word) in subjectWords.enumerated() {
            body(ModelFeature(tag: "s", first: subject[word], second: nil))
            if offset + 1 < subjectWords.count {
                body(ModelFeature(tag: "s2", first: subject[word], second: subject[subjectWords[offset + 1]]))
            }
        }
        if withText {
            let text = features.body.utf8
            for word in words(in: text, lettersOnly: false) { body(ModelFeature(tag: "b", first: text[word], second: nil)) }
        }
        let local = features.senderLocalPart.utf8
        for word in words(in: local, lettersOnly: true) { body(ModelFeature(tag: "l", first: local[word], second: nil)) }
        let subdomain = features.senderSubdomain.utf8
        for word in words(in: subdomain, lettersOnly: true) { body(ModelFeature(tag: "d", first: subdomain[word], second: nil)) }
        for header in headerSignals where features.headerNames.contains(header.name) {
            body(ModelFeature(tag: "h", first: header.bytes[...], second: nil))
        }
        if isReply(subject, firstWord: subjectWords.first) { body(ModelFeature(tag: "h", first: reply[...], second: nil)) }
        for type in features.schemaTypes.sorted() {
            body(ModelFeature(tag: "t", first: Array(type.lowercased().utf8)[...], second: nil))
        }
    }

    /// The hashes of the message's features: those of the words of its text apart (a few
    /// hundred per message, hashed from their bytes), the others through `forEach`.
    static func hashes(in features: MessageFeatures) -> (head: [UInt64], text: [UInt64]) {
        var head: [UInt64] = []
        forEach(in: features, withText: false) { head.append($0.hash) }
        let bytes = features.body.utf8
        let words = words(in: bytes, lettersOnly: false)
        var text: [UInt64] = []
        text.reserveCapacity(words.count)
        bytes.withUnsafeBufferPointer { bytes in
            for word in words {
                var hash = textSeed
                for index in word { FeatureHash.add(bytes[index], to: &hash) }
                text.append(hash)
            }
        }
        return (head, text)
    }

    /// The hash of `b:`, where every text word's hash starts.
    static let textSeed = FeatureHash.of("b:")

    /// The names of the message's features, each once.
    static func names(in features: MessageFeatures) -> Set<String> {
        var names: Set<String> = []
        forEach(in: features) { names.insert($0.name) }
        return names
    }

    /// Whether the subject starts with a reply or forward prefix followed by a colon.
    static func isReply(_ subject: [UInt8], firstWord: Range<Int>?) -> Bool {
        guard let firstWord, replyPrefixes.contains(Array(subject[firstWord])) else { return false }
        guard subject[..<firstWord.lowerBound].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return false }
        return subject[firstWord.upperBound...].first { $0 != 0x20 } == UInt8(ascii: ":")
    }

    /// The ranges of the words of at least two characters in UTF-8 text: runs of letters and
    /// digits (letters only with `lettersOnly`), any script.
    static func words(in bytes: [UInt8], lettersOnly: Bool) -> [Range<Int>] {
        var words: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { bytes in
            var start = -1
            var characters = 0
            var index = 0
            while index < bytes.count {
                let (isWord, length) = wordCharacter(in: bytes, at: index, lettersOnly: lettersOnly)
                if isWord {
                    if start < 0 {
                        start = index
                        characters = 0
                    }
                    characters += 1
                } else if start >= 0 {
                    if characters >= 2 { words.append(start..<index) }
                    start = -1
                }
                index += length
            }
            if start >= 0, characters >= 2 { words.append(start..<bytes.count) }
        }
        return words
    }

    /// Whether the character at `index` is part of a word, and its length in bytes.
    @inline(__always)
    static func wordCharacter(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, lettersOnly: Bool) -> (Bool, Int) {
        let byte = bytes[index]
        if byte < 0x80 {
            let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            let digit = byte >= 0x30 && byte <= 0x39
            return (letter || (digit && !lettersOnly), 1)
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (false, 1) }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return (false, length) }
        let properties = scalar.properties
        return (properties.isAlphabetic || (!lettersOnly && properties.numericType != nil), length)
    }
}

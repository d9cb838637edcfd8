#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forgiving streaming HTML tokenizer over UTF-8 bytes (a subset of WHATWG §13.2.5 that is
/// enough for text rendering): tags with lowercased names, text runs, character references.
struct HTMLTokenizer {
    enum Token {
        /// A run of text bytes (no `<` or `&` inside).
        case text(Range<Int>)
        /// One decoded character reference.
        case character(Unicode.Scalar)
        /// A start tag's name (as written) and whether it ended in `/>`.
        case startTag(Range<Int>, selfClosing: Bool)
        /// An end tag's name (as written).
        case endTag(Range<Int>)
    }

    private let input: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Where the next token starts.
    var position: Int { index }
    /// The bytes between the name and the `>` of the last tag read (its attributes).
    private(set) var attributes: Range<Int> = 0..<0

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
    }

    mutating func next() -> Token? {
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == 0x3C, let token = tag() { return token } // "<"
            if byte == 0x26 { // "&"
                if let scalar = characterReference() { return .character(scalar) }
                index += 1
                return .text((index - 1)..<index)
            }
            // A text run up to the next "<" or "&".
            let start = index
            index = ByteRun.firstOf(0x3C, 0x26, in: input, from: index + 1)
            return .text(start..<index)
        }
        return nil
    }

    /// Skips the raw text of `script`/`style`/`title`… up to its end tag (or the end).
    mutating func skipRawText(until name: UnsafeBufferPointer<UInt8>) {
        let count = input.count
        while index < count {
            // The next "<", found with memchr: style and script bodies are long and hold few.
            guard let next = find(0x3C, from: index) else {
                index = count
                return
            }
            index = next
            if index + 1 < count, input[index + 1] == 0x2F, matchesName(at: index + 2, name) {
                return // the end tag itself is read as a token next
            }
            index += 1
        }
    }

    private func matchesName(at start: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start + name.count <= input.count else { return false }
        for offset in 0..<name.count where input[start + offset] | 0x20 != name[offset] | 0x20 { return false }
        let after = start + name.count
        return after == input.count || !isNameByte(input[after])
    }

    /// Reads a tag, comment, doctype or processing instruction at `index` ("<").
    /// Returns `nil` (with `index` unchanged) when the `<` starts no markup.
    private mutating func tag() -> Token? {
        let count = input.count
        guard index + 1 < count else { return nil }
        let next = input[index + 1]
        if next == 0x21 { // "<!": comment or doctype
            if index + 3 < count, input[index + 2] == 0x2D, input[index + 3] == 0x2D {
                index = find(Self.commentEnd, from: index + 4).map { $0 + 3 } ?? count
            } else {
                index = find(0x3E, from: index + 2).map { $0 + 1 } ?? count
            }
            return .text(index..<index)
        }
        if next == 0x3F { // "<?"
            index = find(0x3E, from: index + 2).map { $0 + 1 } ?? count
            return .text(index..<index)
        }
        let isEnd = next == 0x2F
        let nameStart = index + (isEnd ? 2 : 1)
        guard nameStart < count, isLetter(input[nameStart]) else { return nil }
        var nameEnd = nameStart
        while nameEnd < count, isNameByte(input[nameEnd]) { nameEnd += 1 }
        // Skip attributes, honouring quotes, to the closing ">".
        var cursor = nameEnd
        var selfClosing = false
        while cursor < count {
            let byte = input[cursor]
            if byte == 0x3E { break }
            if byte == 0x22 || byte == 0x27 {
                cursor = find(byte, from: cursor + 1) ?? count
            } else if byte == 0x2F, cursor + 1 < count, input[cursor + 1] == 0x3E {
                selfClosing = true
            }
            cursor += 1
        }
        index = min(cursor + 1, count)
        attributes = nameEnd..<min(cursor, count)
        return isEnd ? .endTag(nameStart..<nameEnd) : .startTag(nameStart..<nameEnd, selfClosing: selfClosing)
    }

    /// The value of attribute `name` (lowercase ASCII) of the last tag read, as written
    /// (quotes removed, references not decoded), or `nil` when absent.
    func attribute(_ name: String) -> String? {
        let key = Array(name.utf8)
        var cursor = attributes.lowerBound
        let end = attributes.upperBound
        while cursor < end {
            while cursor < end, !isNameByte(input[cursor]) { cursor += 1 }
            let start = cursor
            while cursor < end, isNameByte(input[cursor]) { cursor += 1 }
            let matches = cursor - start == key.count && (0..<key.count).allSatisfy { input[start + $0] | 0x20 == key[$0] }
            while cursor < end, input[cursor] == 0x20 || input[cursor] == 0x09 || input[cursor] == 0x0A || input[cursor] == 0x0D { cursor += 1 }
            guard cursor < end, input[cursor] == 0x3D else {
                if matches { return "" }
                continue
            }
            cursor += 1
            while cursor < end, input[cursor] == 0x20 || input[cursor] == 0x09 || input[cursor] == 0x0A || input[cursor] == 0x0D { cursor += 1 }
            var valueStart = cursor
            var valueEnd = cursor
            if cursor < end, input[cursor] == 0x22 || input[cursor] == 0x27 {
                let quote = input[cursor]
                valueStart = cursor + 1
                valueEnd = valueStart
                while valueEnd < end, input[valueEnd] != quote { valueEnd += 1 }
                cursor = min(end, valueEnd + 1)
            } else {
                while valueEnd < end, input[valueEnd] != 0x20, input[valueEnd] != 0x09, input[valueEnd] != 0x3E { valueEnd += 1 }
                cursor = valueEnd
            }
            if matches { return String(decoding: UnsafeBufferPointer(rebasing: input[valueStart..<valueEnd]), as: UTF8.self) }
        }
        return nil
    }

    private static let commentEnd: [UInt8] = [0x2D, 0x2D, 0x3E]  // "-->"

    /// The first `byte` at or after `start`.
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        return memchr(base + start, Int32(byte), input.count - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        let count = input.count
        var position = start
        while position + pattern.count <= count {
            // Candidates are the pattern's first byte, found with memchr.
            guard let candidate = find(pattern[0], from: position) else { return nil }
            position = candidate
            guard position + pattern.count <= count else { return nil }
            var matched = true
            for offset in 1..<pattern.count where input[position + offset] != pattern[offset] {
                matched = false
                break
            }
            if matched { return position }
            position += 1
        }
        return nil
    }

    /// `&#123;`, `&#x1F4E6;` or `&name;` at `index`; advances past it when valid.
    private mutating func characterReference() -> Unicode.Scalar? {
        let count = input.count
        var cursor = index + 1
        guard cursor < count else { return nil }
        if input[cursor] == 0x23 { // "#"
            cursor += 1
            var hex = false
            if cursor < count, input[cursor] | 0x20 == 0x78 { hex = true; cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < count, cursor - digitsStart < 8 {
                let byte = input[cursor]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(byte - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(byte - 0x41 + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                value = value * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart else { return nil }
            if cursor < count, input[cursor] == 0x3B { cursor += 1 }
            index = cursor
            return HTMLEntities.numericScalar(value)
        }
        let nameStart = cursor
        while cursor < count, cursor - nameStart < 32, isAlphanumeric(input[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < count, input[cursor] == 0x3B,
              let scalar = HTMLEntities.lookup(UnsafeBufferPointer(rebasing: input[nameStart..<cursor])) else { return nil }
        index = cursor + 1
        return scalar
    }
}

@inline(__always) private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
@inline(__always) private func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 0x30 && byte <= 0x39) }
@inline(__always) private func isNameByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x2D || byte == 0x3A || byte == 0x5F }

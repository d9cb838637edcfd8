/// Character tests answered from the UTF-8 bytes when the text is ASCII without a carriage
/// return (each byte is then one `Character`), else by the `Character` APIs: the same answers,
/// without a grapheme break per character on the common, ASCII case.
extension StringProtocol {
    /// Whether every byte is ASCII and none is a carriage return (`\r\n` is one `Character`).
    private var isSingleByteCharacters: Bool {
        let test: (UInt8) -> Bool = { $0 < 0x80 && $0 != 0x0D }
        return utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? utf8.allSatisfy(test)
    }

    /// `count`: the number of `Character`s.
    var characterCount: Int { isSingleByteCharacters ? utf8.count : count }

    /// `allSatisfy(\.isNumber)` (true for an empty text).
    var isAllNumbers: Bool {
        var ascii = true
        for byte in utf8 {
            if byte >= 0x80 || byte == 0x0D { ascii = false; break }
            if byte < 0x30 || byte > 0x39 { return false }
        }
        return ascii || allSatisfy(\.isNumber)
    }

    /// `allSatisfy(\.isLetter)` (true for an empty text).
    var isAllLetters: Bool {
        var ascii = true
        for byte in utf8 {
            if byte >= 0x80 || byte == 0x0D { ascii = false; break }
            if byte | 0x20 < 0x61 || byte | 0x20 > 0x7A { return false }
        }
        return ascii || allSatisfy(\.isLetter)
    }
}

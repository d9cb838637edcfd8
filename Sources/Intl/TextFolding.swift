import CICU

/// Case and accent folding for matching text across languages (`Café` → `cafe`, `Straße` → `strasse`).
///
/// Uses the ICU transliterator `NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC`,
/// opened once and cloned per thread, so it is safe to call from many threads at once.
/// Non-Latin scripts are lowercased and keep their letters. ASCII input never reaches ICU.
public enum TextFolding {
    /// Returns `text` lowercased with accents removed and Latin ligatures spelled out.
    public static func fold(_ text: String) -> String {
        var text = text
        if let lowered = text.withUTF8(asciiLowercased) { return lowered }
        if let folded = foldWithTable(text) { return folded }
        return foldByWords(text)
    }

    /// Text with characters outside the table, folded word by word: the words of table
    /// characters with the table, only the others by ICU. Transliterating a whole body through
    /// ICU cost about a thousand instructions a character (1.5 million for a body's first 1,500
    /// characters with one emoji); most of such text is Latin. The same text as folding it
    /// whole: the transliterator's rules that look at neighbours (a final sigma, a capital
    /// before a lowercase letter, composition of a mark with its letter) never look across
    /// ASCII whitespace.
    static func foldByWords(_ text: String) -> String {
        var text = text
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        text.withUTF8 { utf8 in
            var start = 0
            while start < utf8.count {
                // A run of ASCII whitespace or a word; whitespace is never inside a multi-byte character.
                let isSpace = isASCIIWhitespace(utf8[start])
                var end = start + 1
                while end < utf8.count, isASCIIWhitespace(utf8[end]) == isSpace { end += 1 }
                let piece = UnsafeBufferPointer(rebasing: utf8[start..<end])
                folded += foldWithTable(utf8: piece) ?? foldWithICU(String(decoding: piece, as: UTF8.self))
                start = end
            }
        }
        return folded
    }

    @inline(__always)
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Latin letters, combining marks, general punctuation and currency signs: their folded
    /// forms are those of the same ICU transliterator (written out ahead), looked up.
    static let tableRanges: [Range<UInt32>] = [0..<0x370, 0x1E00..<0x1F00, 0x2000..<0x2070, 0x20A0..<0x20D0]
    /// The folded UTF-8 bytes of each table character, indexed by `tableIndex`: ASCII
    /// lowercased, the others as ICU folds them, read from ``precomputedFolds`` (computed here
    /// with ICU only if that list does not have one entry per character).
    static let table: [[UInt8]] = {
        let ascii = (0..<UInt32(0x80)).map { value -> [UInt8] in
            Unicode.Scalar(value).map { Array(String($0).lowercased().utf8) } ?? []
        }
        let folds = precomputedEntries()
        if ascii.count + folds.count == tableRanges.reduce(0, { $0 + $1.count }) { return ascii + folds }
        return tableFromICU()
    }()

    /// The entries of ``precomputedFolds``, in table order from U+0080.
    static func precomputedEntries() -> [[UInt8]] {
        precomputedFolds.utf8.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { Array($0) }
    }

    /// The table as ICU folds it, character by character: what ``table`` must equal.
    static func tableFromICU() -> [[UInt8]] {
        tableRanges.flatMap { range in
            range.map { value -> [UInt8] in
                guard let scalar = Unicode.Scalar(value) else { return [] }
                return Array((value < 0x80 ? String(scalar).lowercased() : foldWithICU(String(scalar))).utf8)
            }
        }
    }

    @inline(__always)
    static func tableIndex(_ value: UInt32) -> Int? {
        var offset = 0
        for range in tableRanges {
            if range.contains(value) { return offset + Int(value - range.lowerBound) }
            offset += range.count
        }
        return nil
    }

    /// Folds text made only of table characters; `nil` when another script appears.
    ///
    /// Reads the UTF-8 twice: once for the folded length (and whether every character is in
    /// the table), once to write the folded bytes straight into the new string.
    static func foldWithTable(_ text: String) -> String? {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ foldWithTable(utf8: $0) }) { return folded }
        return Array(text.utf8).withUnsafeBufferPointer { foldWithTable(utf8: $0) }
    }

    private static func foldWithTable(utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var length = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                length += 1
                index += 1
                continue
            }
            let (value, width) = scalar(in: utf8, at: index)
            guard let entry = tableIndex(value) else { return nil }
            length += table[entry].count
            index += width
        }
        return String(unsafeUninitializedCapacity: length) { output in
            var written = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 {
                    output[written] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    written += 1
                    index += 1
                    continue
                }
                let (value, width) = scalar(in: utf8, at: index)
                guard let entry = tableIndex(value) else { return written }  // never: checked above
                for folded in table[entry] {
                    output[written] = folded
                    written += 1
                }
                index += width
            }
            return written
        }
    }

    /// The scalar value of the multi-byte UTF-8 sequence at `index` of valid UTF-8, and its width.
    @inline(__always)
    private static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(utf8[index])
        func continuation(_ offset: Int) -> UInt32 { index + offset < utf8.count ? UInt32(utf8[index + offset]) & 0x3F : 0 }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }


    static func foldWithICU(_ text: String) -> String {
        let utf16 = Array(text.utf16)
        var outLength: Int32 = 0
        let folded = utf16.withUnsafeBufferPointer { buffer in
            mr_icu_fold(buffer.baseAddress, Int32(buffer.count), &outLength)
        }
        guard let folded else { return text.lowercased() }
        defer { mr_icu_free(folded) }
        return String(decoding: UnsafeBufferPointer(start: folded, count: Int(outLength)), as: UTF16.self)
    }

    /// ASCII text lowercased, written once into the new string; `nil` when a byte is not
    /// ASCII (tested eight bytes at a time first: most text folded here is ASCII).
    static func asciiLowercased(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = utf8.baseAddress else { return "" }
        let count = utf8.count
        var index = 0
        while index + 8 <= count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return nil }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return nil }
            index += 1
        }
        return String(unsafeUninitializedCapacity: count) { output in
            for index in 0..<count {
                let byte = base[index]
                output[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            return count
        }
    }
}

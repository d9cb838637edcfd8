import CICU

/// Case and accent folding for matching text across languages (`Café` → `cafe`, `Straße` → `strasse`).
///
/// Uses the ICU transliterator `NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC`,
/// opened once and cloned per thread, so it is safe to call from many threads at once.
/// Non-Latin scripts are lowercased and keep their letters. ASCII input never reaches ICU.
public enum TextFolding {
    /// Returns `text` lowercased with accents removed and Latin ligatures spelled out.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }
        if let folded = foldWithTable(text) { return folded }
        return foldWithICU(text)
    }

    /// Latin letters, combining marks, general punctuation and currency signs: their folded
    /// forms are computed once each with the same ICU transliterator, then looked up.
    static let tableRanges: [Range<UInt32>] = [0..<0x370, 0x1E00..<0x1F00, 0x2000..<0x2070, 0x20A0..<0x20D0]
    /// The folded UTF-8 bytes of each table character, indexed by `tableIndex`.
    static let table: [[UInt8]] = tableRanges.flatMap { range in
        range.map { value -> [UInt8] in
            guard let scalar = Unicode.Scalar(value) else { return [] }
            return Array((value < 0x80 ? String(scalar).lowercased() : foldWithICU(String(scalar))).utf8)
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
    static func foldWithTable(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if let index = tableIndex(scalar.value) {
                bytes.append(contentsOf: table[index])
            } else {
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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

    private static func asciiLowercased(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

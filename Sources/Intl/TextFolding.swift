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

/// A tolerant base64 decoder for encoded words and RFC 2231 values (RFC 4648 §4).
///
/// Skips characters outside the alphabet and accepts missing padding, reporting both.
enum Base64 {
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        // URL-safe variants show up in broken mailers.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Decodes `text`; `clean` is false when characters were skipped or padding was wrong.
    static func decode(_ text: ArraySlice<UInt8>) -> (bytes: [UInt8], clean: Bool) {
        text.withUnsafeBytes { decode($0) }
    }

    /// Decodes `text`; `clean` is false when characters were skipped or padding was wrong.
    static func decode(_ text: UnsafeRawBufferPointer) -> (bytes: [UInt8], clean: Bool) {
        var clean = true
        var accumulator: UInt32 = 0
        var bits: UInt32 = 0
        var sawPadding = false
        var significant = 0
        let output = [UInt8](unsafeUninitializedCapacity: text.count * 3 / 4 + 3) { buffer, initialized in
            var written = 0
            values.withUnsafeBufferPointer { table in
                for byte in text {
                    let value = table[Int(byte)]
                    if value == 0xFF {
                        if byte == 0x3D { sawPadding = true } else if !isWhitespace(byte) { clean = false }
                        continue
                    }
                    if sawPadding { clean = false } // data after padding
                    significant += 1
                    accumulator = accumulator << 6 | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        buffer[written] = UInt8(truncatingIfNeeded: accumulator >> bits)
                        written += 1
                    }
                }
            }
            initialized = written
        }
        if significant % 4 == 1 { clean = false }
        if significant % 4 != 0, !sawPadding { clean = false }
        return (output, clean)
    }

    /// Inspects base64 body text without decoding it: the decoded size, and whether it is clean
    /// (only alphabet, whitespace and final padding; a whole number of quads).
    static func inspect(_ buffer: UnsafeRawBufferPointer) -> (decodedSize: Int, clean: Bool) {
        var significant = 0
        var padding = 0
        var clean = true
        values.withUnsafeBufferPointer { table in
            for byte in buffer {
                if byte == 0x3D { padding += 1; continue }
                if table[Int(byte)] != 0xFF, byte != 0x2D, byte != 0x5F {
                    if padding > 0 { clean = false }
                    significant += 1
                } else if !isWhitespace(byte) {
                    clean = false
                }
            }
        }
        if (significant + padding) % 4 != 0 || padding > 2 { clean = false }
        return (significant * 3 / 4, clean)
    }
}

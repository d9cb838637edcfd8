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
        let output = [UInt8](unsafeUninitializedCapacity: text.count * 3 / 4 + 3) { buffer, initialized in
            initialized = values.withUnsafeBufferPointer { table in
                decode(text, table: table, into: buffer, clean: &clean)
            }
        }
        return (output, clean)
    }

    private static func decode(
        _ text: UnsafeRawBufferPointer, table: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutableBufferPointer<UInt8>, clean: inout Bool
    ) -> Int {
        var accumulator: UInt32 = 0
        var bits: UInt32 = 0
        var sawPadding = false
        var significant = 0
        var written = 0
        var index = 0
        let count = text.count
        let target = UnsafeMutableRawPointer(output.baseAddress)
        while index < count {
            // Fast path: whole quanta of four alphabet characters on a quantum boundary, read
            // as one word and written as one (the fourth byte written is overwritten next or
            // lies past the end: the output has three bytes of room more than it needs).
            if bits == 0, !sawPadding, let target {
                while index + 4 <= count {
                    let word = UInt32(littleEndian: text.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                    let a = table[Int(word & 0xFF)], b = table[Int(word >> 8 & 0xFF)]
                    let c = table[Int(word >> 16 & 0xFF)], d = table[Int(word >> 24)]
                    guard a | b | c | d < 64 else { break }
                    let quantum = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    target.storeBytes(of: (quantum << 8).bigEndian, toByteOffset: written, as: UInt32.self)
                    written += 3
                    significant += 4
                    index += 4
                }
                guard index < count else { break }
            }
            let byte = text[index]
            index += 1
            let value = table[Int(byte)]
            if value == 0xFF {
                if byte == 0x3D { sawPadding = true } else if !isWhitespace(byte) { clean = false }
                continue
            }
            if sawPadding { clean = false } // data after padding
            significant += 1
            accumulator = (accumulator << 6 | UInt32(value)) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                output[written] = UInt8(truncatingIfNeeded: accumulator >> bits)
                written += 1
            }
        }
        if significant % 4 == 1 { clean = false }
        if significant % 4 != 0, !sawPadding { clean = false }
        return written
    }

    /// The size of the decoded bytes, as ``inspect(_:)`` counts it (three bytes per four
    /// characters of the standard alphabet): this runs over every base64 attachment of every
    /// message, so the characters are counted by a loop the optimizer vectorizes (``alphabetCount(_:)``).
    static func decodedSize(_ buffer: UnsafeRawBufferPointer) -> Int {
        alphabetCount(buffer) * 3 / 4
    }

    /// How many bytes of `buffer` are in the standard alphabet (`A–Z a–z 0–9 + /`).
    ///
    /// Plain byte arithmetic without compares or branches, summed in 16 bits over blocks of
    /// 65,535 bytes, so the optimizer vectorizes it (about two instructions per byte; a table
    /// lookup per byte cost about four). A letter is `byte | 0x20` in `a…z` (only `A…Z` and
    /// `a…z` map there), a digit is in `0…9`, `+` and `/` are the bytes equal to `+` once bit 2
    /// is cleared, and `x < n` is the borrow of `x - n` in 16 bits. (`SIMD16` lanes compiled to
    /// generic calls, thirty times slower than the table; `UInt64` words with a software
    /// popcount were twice slower; compares, or a sum in `Int`, kept it scalar.)
    static func alphabetCount(_ buffer: UnsafeRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        let count = buffer.count
        var total = 0
        var start = 0
        while start < count {
            let end = min(start + 65_535, count)
            var block: UInt16 = 0
            for index in start..<end {
                let byte = base[index]
                let letter = (UInt16((byte | 0x20) &- 0x61) &- 26) >> 15
                let digit = (UInt16(byte &- 0x30) &- 10) >> 15
                let sign = (UInt16((byte & 0xFB) ^ 0x2B) &- 1) >> 15
                block &+= letter | digit | sign
            }
            total += Int(block)
            start = end
        }
        return total
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

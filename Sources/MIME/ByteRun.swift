import HTML

/// Finds the end of a run of ordinary bytes eight bytes at a time, with HTML's `ByteRun`.
///
/// The decoders stop only at a few byte values (`=` and line ends in quoted-printable); testing
/// one byte per loop turn cost several instructions per byte of every text part. A word with
/// none of the stop bytes is skipped at once, and the first stop byte of a word is found from
/// the exact zero-byte mask of the word XOR the stop byte.
extension ByteRun {
    /// The offset of the first byte at or after `start` that is `a`, `b` or `c`, or `count`.
    @inline(__always)
    static func firstOf(_ a: UInt8, _ b: UInt8, _ c: UInt8, in buffer: UnsafeRawBufferPointer, from start: Int) -> Int {
        let count = buffer.count
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let splatA = ones &* UInt64(a)
        let splatB = ones &* UInt64(b)
        let splatC = ones &* UInt64(c)
        while index + 8 <= count {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let hits = zeroMask(word ^ splatA) | zeroMask(word ^ splatB) | zeroMask(word ^ splatC)
            if hits != 0 { return index + hits.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count {
            let byte = buffer[index]
            if byte == a || byte == b || byte == c { return index }
            index += 1
        }
        return count
    }

    /// ``zeroBytes(_:)``, repeated here: HTML's `@inlinable` one is not inlined across the
    /// module boundary (callgrind on 600 messages: 3.4 million out-of-line calls, 40 M
    /// instructions, a fifth of quoted-printable decoding).
    @inline(__always)
    private static func zeroMask(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }
}

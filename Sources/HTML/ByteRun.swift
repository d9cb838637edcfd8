/// Finds the end of a run of ordinary bytes eight bytes at a time (SWAR on `UInt64` words).
///
/// A text run of the tokenizer ends only at `<` or `&`; testing one byte per loop turn cost
/// several instructions per byte of every HTML part. A word with neither is skipped at once,
/// and the first stop byte of a word is found from the exact zero-byte mask of the word XOR
/// the stop byte. (Tried on a tag's attributes too: the runs between quotes are too short
/// there, and it cost more than it saved.) MIME's decoders use it too (`MIME/ByteRun.swift`).
package enum ByteRun {
    package static let ones: UInt64 = 0x0101_0101_0101_0101
    package static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// 0x80 in every byte of `word` that is zero, 0 in the others (exact: no borrow between bytes).
    @inlinable
    package static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & low7) &+ low7) | word | low7)
    }

    /// The offset of the first byte at or after `start` that is `a` or `b`, or `input.count`.
    @inline(__always)
    static func firstOf(_ a: UInt8, _ b: UInt8, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = input.count
        var index = start
        if let base = input.baseAddress {
            let raw = UnsafeRawPointer(base)
            let splatA = ones &* UInt64(a)
            let splatB = ones &* UInt64(b)
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let hits = zeroBytes(word ^ splatA) | zeroBytes(word ^ splatB)
                if hits != 0 { return index + hits.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count {
            let byte = input[index]
            if byte == a || byte == b { return index }
            index += 1
        }
        return count
    }
}

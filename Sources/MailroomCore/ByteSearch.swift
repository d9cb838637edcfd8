#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte string searched for in texts, exactly: the leftmost occurrence, as `memmem` finds it.
///
/// `memchr` on the needle's first byte is fast only when that byte is rare; in HTML and base64
/// the first bytes of the needles we look for (`<`, `s`, `u`) occur every few bytes. This
/// compares 16 positions at a time on the needle's first and last bytes, and checks the whole
/// needle only where both match (the "generic SIMD" substring search,
/// http://0x80.pl/articles/simd-strfind.html).
public struct ByteSearch: Sendable {
    /// The bytes looked for.
    public let needle: [UInt8]

    public init(_ needle: [UInt8]) { self.needle = needle }

    public init(_ needle: String) { self.init(Array(needle.utf8)) }

    /// The offset of the first occurrence in `haystack`, or `nil` (also for an empty needle).
    public func firstOffset(in haystack: UnsafeRawBufferPointer) -> Int? {
        let count = needle.count
        let length = haystack.count
        guard count > 0, length >= count, let base = haystack.baseAddress else { return nil }
        return needle.withUnsafeBytes { pattern -> Int? in
            guard let patternBase = pattern.baseAddress else { return nil }
            let first = SIMD16<UInt8>(repeating: pattern[0])
            let last = SIMD16<UInt8>(repeating: pattern[count - 1])
            let none = SIMDMask<SIMD16<Int8>>(repeating: false)
            var start = 0
            while start + count + 15 <= length {
                let heads = base.loadUnaligned(fromByteOffset: start, as: SIMD16<UInt8>.self)
                let tails = base.loadUnaligned(fromByteOffset: start + count - 1, as: SIMD16<UInt8>.self)
                let candidates = (heads .== first) .& (tails .== last)
                if candidates != none {
                    for lane in 0..<16 where candidates[lane] {
                        if memcmp(base + start + lane, patternBase, count) == 0 { return start + lane }
                    }
                }
                start += 16
            }
            while start + count <= length {
                if memcmp(base + start, patternBase, count) == 0 { return start }
                start += 1
            }
            return nil
        }
    }

    /// Whether `haystack` holds the needle.
    public func occurs(in haystack: UnsafeRawBufferPointer) -> Bool { firstOffset(in: haystack) != nil }

    /// Whether the UTF-8 of `text` holds the needle.
    public func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { occurs(in: UnsafeRawBufferPointer($0)) }
    }

    /// How many times the needle occurs without overlapping, left to right.
    public func count(in haystack: UnsafeRawBufferPointer) -> Int {
        guard let base = haystack.baseAddress else { return 0 }
        var total = 0
        var offset = 0
        while offset < haystack.count,
            let found = firstOffset(in: UnsafeRawBufferPointer(start: base + offset, count: haystack.count - offset))
        {
            total += 1
            offset += found + needle.count
        }
        return total
    }
}

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
        needle.withUnsafeBytes { pattern in
            Self.firstOffset(of: pattern, in: haystack, probes: (0, pattern.count - 1))
        }
    }

    /// The offset of the first occurrence of `pattern` in `haystack`, or `nil` (also for an
    /// empty pattern): candidates are the positions where the pattern's bytes at `probes`
    /// match, 16 positions at a time; pick the pattern's rarest bytes (the first and last by
    /// default, but not a space that starts and ends every phrase).
    public static func firstOffset(of pattern: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, probes: (Int, Int)) -> Int? {
        let count = pattern.count
        let length = haystack.count
        guard count > 0, length >= count, let base = haystack.baseAddress, let patternBase = pattern.baseAddress,
            (0..<count).contains(probes.0), (0..<count).contains(probes.1)
        else { return nil }
        let first = SIMD16<UInt8>(repeating: pattern[probes.0])
        let second = SIMD16<UInt8>(repeating: pattern[probes.1])
        var start = 0
        // The last start of a whole block of 16 candidates; the offsets below stay under
        // `length`, so they are added without overflow checks.
        let lastBlock = length - count - 15
        while start <= lastBlock {
            let heads = base.loadUnaligned(fromByteOffset: start &+ probes.0, as: SIMD16<UInt8>.self)
            let tails = base.loadUnaligned(fromByteOffset: start &+ probes.1, as: SIMD16<UInt8>.self)
            let candidates = (heads .== first) .& (tails .== second)
            // `any` is one movemask; comparing with an all-false mask was a long shuffle sequence.
            if any(candidates), let lane = matchingLane(candidates, in: base + start, pattern: patternBase, count: count) {
                return start + lane
            }
            start &+= 16
        }
        // The last positions (all of a short text): the probe bytes first, the pattern where they match.
        let firstByte = pattern[probes.0]
        let secondByte = pattern[probes.1]
        while start + count <= length {
            if base.load(fromByteOffset: start + probes.0, as: UInt8.self) == firstByte,
                base.load(fromByteOffset: start + probes.1, as: UInt8.self) == secondByte,
                memcmp(base + start, patternBase, count) == 0
            {
                return start
            }
            start += 1
        }
        return nil
    }

    /// The first of the 16 positions from `block` where a candidate is the whole pattern.
    /// Kept out of the scanning loop: with the comparison's call inlined there, the loop's
    /// values were spilled and reloaded at every block.
    @inline(never)
    static func matchingLane(
        _ candidates: SIMDMask<SIMD16<UInt8>.MaskStorage>, in block: UnsafeRawPointer, pattern: UnsafeRawPointer, count: Int
    ) -> Int? {
        for lane in 0..<16 where candidates[lane] {
            if memcmp(block + lane, pattern, count) == 0 { return lane }
        }
        return nil
    }

    /// The offset of the last occurrence in `haystack`, or `nil` (also for an empty needle):
    /// the same answer to "does it occur" as ``firstOffset(in:)``, found at once when the
    /// needle stands near the end (a MIME closing boundary), 16 positions at a time backwards.
    public func lastOffset(in haystack: UnsafeRawBufferPointer) -> Int? {
        needle.withUnsafeBytes { pattern in
            let count = pattern.count
            let length = haystack.count
            guard count > 0, length >= count, let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
            let first = SIMD16<UInt8>(repeating: pattern[0])
            let last = SIMD16<UInt8>(repeating: pattern[count - 1])
            // `end` is the last candidate position not yet looked at.
            var end = length - count
            while end >= 15 {
                let start = end - 15
                // The tails' last load ends at `end + count - 1`, the haystack's last byte.
                let heads = base.loadUnaligned(fromByteOffset: start, as: SIMD16<UInt8>.self)
                let tails = base.loadUnaligned(fromByteOffset: start + count - 1, as: SIMD16<UInt8>.self)
                let candidates = (heads .== first) .& (tails .== last)
                if any(candidates) {
                    for lane in (0..<16).reversed() where candidates[lane] {
                        if memcmp(base + start + lane, patternBase, count) == 0 { return start + lane }
                    }
                }
                end -= 16
            }
            while end >= 0 {
                if memcmp(base + end, patternBase, count) == 0 { return end }
                end -= 1
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

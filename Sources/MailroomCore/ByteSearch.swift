/// A byte string searched for in texts, exactly (Boyer–Moore–Horspool): the leftmost
/// occurrence, as `memmem` finds it.
///
/// `memchr` on the needle's first byte is fast only when that byte is rare; in HTML and base64
/// the first bytes of the needles we look for (`<`, `s`, `u`) occur every few bytes, while
/// Horspool steps over most of the text a needle's length at a time.
/// https://doi.org/10.1002/spe.4380100608
public struct ByteSearch: Sendable {
    /// The bytes looked for.
    public let needle: [UInt8]
    /// How far the window may move when its last byte is `byte`.
    private let shifts: [Int]

    public init(_ needle: [UInt8]) {
        self.needle = needle
        var shifts = [Int](repeating: max(1, needle.count), count: 256)
        for (index, byte) in needle.dropLast().enumerated() { shifts[Int(byte)] = needle.count - 1 - index }
        self.shifts = shifts
    }

    public init(_ needle: String) { self.init(Array(needle.utf8)) }

    /// The offset of the first occurrence in `haystack`, or `nil` (also for an empty needle).
    public func firstOffset(in haystack: UnsafeRawBufferPointer) -> Int? {
        let count = needle.count
        guard count > 0, haystack.count >= count, let base = haystack.baseAddress else { return nil }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        return needle.withUnsafeBufferPointer { pattern in
            shifts.withUnsafeBufferPointer { shifts in
                let lastIndex = count - 1
                let lastByte = pattern[lastIndex]
                var start = 0
                let end = haystack.count - count
                while start <= end {
                    let byte = bytes[start + lastIndex]
                    if byte == lastByte {
                        var offset = lastIndex - 1
                        while offset >= 0, bytes[start + offset] == pattern[offset] { offset -= 1 }
                        if offset < 0 { return start }
                    }
                    start += shifts[Int(byte)]
                }
                return nil
            }
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

import CICU

extension ICURegex {
    /// Every match in `text` from the start, each as the UTF-16 ranges of its groups (index 0
    /// is the whole match; `nil` for a group that took no part). Empty matches advance by one.
    public func matches(in text: UTF16Text, limit: Int = 1_000) -> [[Range<Int>?]] {
        var results: [[Range<Int>?]] = []
        var from = 0
        var bounds = [Int32](repeating: -1, count: 20)
        while from <= text.units.count, results.count < limit {
            let groups = text.units.withUnsafeBufferPointer { buffer in
                mr_icu_regex_find_groups(handle, buffer.baseAddress, Int32(buffer.count), Int32(from), &bounds, Int32(bounds.count))
            }
            guard groups > 0 else { break }
            let ranges: [Range<Int>?] = (0..<Int(groups)).map { group in
                let start = Int(bounds[2 * group])
                let end = Int(bounds[2 * group + 1])
                return start >= 0 && end >= start ? start..<end : nil
            }
            results.append(ranges)
            guard let whole = ranges[0] else { break }
            from = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
        }
        return results
    }
}

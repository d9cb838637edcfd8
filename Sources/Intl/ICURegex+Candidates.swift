import CICU

extension ICURegex {
    /// The first match in `text` that starts at one of `candidates` (UTF-16 offsets, ascending).
    ///
    /// Each offset is tried as a match start with the whole text around it, so this is
    /// ``firstMatch(in:)``'s answer whenever every match must start at one of the offsets.
    public func firstMatch(in text: UTF16Text, startingAtOneOf candidates: [Int32]) -> Range<Int>? {
        guard !candidates.isEmpty else { return nil }
        var start: Int32 = 0
        var end: Int32 = 0
        let found = text.units.withUnsafeBufferPointer { buffer in
            candidates.withUnsafeBufferPointer { offsets in
                mr_icu_regex_find_at(handle, buffer.baseAddress, Int32(buffer.count), offsets.baseAddress, Int32(offsets.count), &start, &end)
            }
        }
        return found == 1 ? Int(start)..<Int(end) : nil
    }
}

/// A pattern's leading literals (``LeadingLiterals``) filed for finding where a match may start.
///
/// A literal right after `\b` that starts with an ASCII letter or digit can only start a match
/// at a word start (ICU's `\b` needs a non-word character, or the start, before a letter); the
/// text's word starts are found once (``PatternText``) and only those are compared. Other
/// literals are looked for at every offset.
struct LiteralTable: Sendable {
    /// Literals tried at word starts, by their first (ASCII) unit.
    private let atWordStarts: [[[UInt16]]]
    /// A bit per ASCII unit that starts one of ``atWordStarts``.
    private let firstUnits: (UInt64, UInt64)
    /// Literals tried at every offset.
    private let anywhere: [[UInt16]]

    init(_ leading: LeadingLiterals) {
        var atWordStarts = [[[UInt16]]](repeating: [], count: 128)
        var firstUnits: (UInt64, UInt64) = (0, 0)
        var anywhere: [[UInt16]] = []
        for literal in leading.literals {
            let units = Array(literal.text.utf16)
            guard let first = units.first else { continue }
            if literal.afterBoundary, PatternText.isASCIIAlphanumeric(first) {
                atWordStarts[Int(first)].append(units)
                if first < 64 { firstUnits.0 |= 1 << UInt64(first) } else { firstUnits.1 |= 1 << UInt64(first - 64) }
            } else {
                anywhere.append(units)
            }
        }
        self.atWordStarts = atWordStarts
        self.firstUnits = firstUnits
        self.anywhere = anywhere
    }

    /// The offsets of `text` where a match may start, ascending: where one of the literals
    /// occurs (at a word start, for those after `\b`).
    func candidates(in text: PatternText) -> [Int32] {
        var result: [Int32] = []
        text.utf16.units.withUnsafeBufferPointer { units in
            for start in text.wordStarts {
                let unit = units[Int(start)]
                let bit = unit < 64 ? firstUnits.0 & (1 << UInt64(unit)) : firstUnits.1 & (1 << UInt64(unit - 64))
                guard bit != 0 else { continue }
                if atWordStarts[Int(unit)].contains(where: { Self.occurs($0, in: units, at: Int(start)) }) { result.append(start) }
            }
            guard !anywhere.isEmpty else { return }
            var more: [Int32] = []
            for literal in anywhere {
                let first = literal[0]
                var offset = 0
                while offset + literal.count <= units.count {
                    if units[offset] == first, Self.occurs(literal, in: units, at: offset) { more.append(Int32(offset)) }
                    offset += 1
                }
            }
            if !more.isEmpty { result = Array(Set(result + more)).sorted() }
        }
        return result
    }

    private static func occurs(_ literal: [UInt16], in units: UnsafeBufferPointer<UInt16>, at offset: Int) -> Bool {
        guard offset + literal.count <= units.count else { return false }
        for index in 0..<literal.count where units[offset + index] != literal[index] { return false }
        return true
    }
}

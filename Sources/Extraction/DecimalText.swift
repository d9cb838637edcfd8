/// A number as mail writes it, read into exact digits whatever the locale's separators:
/// `1 234,56`, `1,234.56`, `1.234,56`, `1'234.50`, `12,99`, `1,23,456.00`.
///
/// The decimal separator is the last `.` or `,` when the other one comes before it, when it
/// appears once and is not followed by exactly three digits, or when the currency has three
/// minor digits; otherwise separators group thousands. Spaces and apostrophes only ever group.
/// Nothing goes through a floating-point number.
public struct DecimalText: Sendable, Hashable {
    /// The integer digits without leading zeros (`"0"` for none).
    public var integer: String
    /// The fraction digits as written (may be empty).
    public var fraction: String
    /// Whether one separator followed by three digits was read as grouping (`1.250`): for a
    /// currency with three minor digits it is the decimal separator.
    public var thousandsOrFraction = false

    public init(integer: String, fraction: String) {
        self.integer = integer
        self.fraction = fraction
    }

    /// Reads `text` (digits and separators only); `nil` when the grouping is not a number's.
    /// `minorDigits` breaks the tie of one separator followed by three digits (`1.250` is
    /// 1.250 KWD but 1250 EUR).
    public init?(_ text: some StringProtocol, minorDigits: Int? = nil) {
        var digits: [UInt8] = []
        var separators: [(offset: Int, scalar: Unicode.Scalar)] = []
        for scalar in text.unicodeScalars {
            if let digit = DecimalText.digitValue(scalar) {
                digits.append(digit)
            } else if DecimalText.isSeparator(scalar) {
                guard !digits.isEmpty else { return nil }
                if let last = separators.last, last.offset == digits.count { return nil }  // two in a row
                separators.append((digits.count, scalar))
            } else {
                return nil
            }
        }
        guard !digits.isEmpty, separators.last?.offset != digits.count else { return nil }

        var decimalAt: Int?
        if let last = separators.last, last.scalar == "." || last.scalar == "," {
            let after = digits.count - last.offset
            let sameKind = separators.filter { $0.scalar == last.scalar }.count
            let otherKindBefore = separators.contains { ($0.scalar == "." || $0.scalar == ",") && $0.scalar != last.scalar }
            if otherKindBefore {
                decimalAt = last.offset
            } else if sameKind == 1 {
                if after != 3 || minorDigits == 3 || (last.offset == 1 && digits[0] == 0) {
                    decimalAt = last.offset
                } else if separators.count == 1 {
                    thousandsOrFraction = true
                }
            }
        }
        // Every separator before the decimal one groups: groups of three, or the Indian 2-2-3.
        let grouping = separators.filter { $0.offset != decimalAt }
        let end = decimalAt ?? digits.count
        if !grouping.isEmpty {
            guard let first = grouping.first, first.offset >= 1, first.offset <= 3 else { return nil }
            let bounds = grouping.map(\.offset) + [end]
            for index in 1..<bounds.count {
                let size = bounds[index] - bounds[index - 1]
                let isLast = index == bounds.count - 1
                guard size == 3 || (!isLast && size == 2) else { return nil }
            }
        }
        var integerDigits = digits[..<end].drop { $0 == 0 }
        if integerDigits.isEmpty { integerDigits = [0] }
        integer = String(decoding: integerDigits.map { $0 + 0x30 }, as: UTF8.self)
        fraction = String(decoding: digits[end...].map { $0 + 0x30 }, as: UTF8.self)
    }

    /// The value in minor units of a currency with `digits` minor digits, rounding extra
    /// fraction digits half up; `nil` past a billion major units (no order costs that).
    public func minorUnits(digits: Int) -> Int64? {
        if thousandsOrFraction, digits == 3, fraction.isEmpty {
            var reread = DecimalText(integer: String(integer.dropLast(3)).isEmpty ? "0" : String(integer.dropLast(3)), fraction: String(integer.suffix(3)))
            reread.thousandsOrFraction = false
            return reread.minorUnits(digits: digits)
        }
        guard integer.utf8.count <= 9, let whole = Int64(integer) else { return nil }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        var fractionDigits = Array(fraction.utf8).map { Int64($0 - 0x30) }
        var roundUp = false
        if fractionDigits.count > digits {
            roundUp = fractionDigits[digits] >= 5
            fractionDigits = Array(fractionDigits[..<digits])
        }
        while fractionDigits.count < digits { fractionDigits.append(0) }
        let part = fractionDigits.reduce(Int64(0)) { $0 * 10 + $1 }
        return whole * scale + part + (roundUp ? 1 : 0)
    }

    /// Whether a fraction was written (`12,99` has one; `12` and `1.234` do not).
    public var hasFraction: Bool { !fraction.isEmpty }

    static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value >= 0x30 && value <= 0x39 { return UInt8(value - 0x30) }
        // Arabic-Indic, Extended Arabic-Indic and fullwidth digits.
        for base: UInt32 in [0x660, 0x6F0, 0xFF10] where value >= base && value <= base + 9 {
            return UInt8(value - base)
        }
        return nil
    }

    /// `.`, `,`, apostrophes, and every kind of space used to group digits.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", "'", "\u{2019}", " ", "\u{A0}", "\u{202F}", "\u{2009}", "\u{066B}", "\u{066C}": true
        default: false
        }
    }
}

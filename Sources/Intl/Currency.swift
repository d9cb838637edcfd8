/// ISO 4217 currencies: how many minor-unit digits each has, and amounts as decimal strings.
///
/// Money is an integer count of minor units everywhere in Mailroom (ARCHITECTURE.md, "Orders");
/// this is the one place that turns it into text.
public enum Currency {
    /// Minor-unit digits of `code` from ICU's currency data (`EUR` 2, `JPY` 0, `KWD` 3); 2 for an
    /// unknown or malformed code.
    public static func minorDigits(_ code: String) -> Int {
        ICUMoney.fractionDigits(code.uppercased()) ?? 2
    }

    /// `minor` units of `code` as a decimal string with the currency's digits: 12345 EUR →
    /// `"123.45"`, 1200 JPY → `"1200"`, -150 EUR → `"-1.50"`.
    public static func decimalString(minor: Int64, code: String) -> String {
        decimalString(minor: minor, digits: minorDigits(code))
    }

    /// `minor` units with `digits` decimal places, without grouping separators.
    public static func decimalString(minor: Int64, digits: Int) -> String {
        let negative = minor < 0
        let magnitude = minor.magnitude
        guard digits > 0 else { return (negative ? "-" : "") + String(magnitude) }
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let whole = magnitude / scale
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return (negative ? "-" : "") + "\(whole).\(padded)"
    }
}

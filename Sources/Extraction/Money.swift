import Intl

/// An amount of money: an integer count of the currency's minor units and its ISO 4217 code.
///
/// Never a floating-point number: `12,99 €` is 1299 cents of EUR, `¥1,234` is 1234 yen,
/// `KWD 1.250` is 1250 fils.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// The amount in minor units (cents, pence; yen have none): may be negative (a discount).
    public var minorUnits: Int64
    /// ISO 4217 code, uppercase.
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// The decimal string with the currency's minor digits: `1234.50`, `12` for JPY, `-20.00`.
    public var decimalString: String { Money.decimalString(minorUnits, digits: Money.digits(of: currency)) }

    public var description: String { "\(decimalString) \(currency)" }

    /// The minor-unit digits of an ISO 4217 currency, from ICU (2 when ICU does not know it).
    public static func digits(of currency: String) -> Int {
        if let known = commonDigits[currency] { return known }
        return ICUMoney.fractionDigits(currency) ?? 2
    }

    /// Whether ICU knows `code` as an ISO 4217 currency.
    public static func isCurrencyCode(_ code: String) -> Bool {
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        return commonDigits[code] != nil || ICUMoney.fractionDigits(code) != nil
    }

    /// `minor` units written with `digits` decimals.
    public static func decimalString(_ minor: Int64, digits: Int) -> String {
        let negative = minor < 0
        let magnitude = minor.magnitude
        guard digits > 0 else { return (negative ? "-" : "") + String(magnitude) }
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
        return (negative ? "-" : "") + String(magnitude / scale) + "." + padded
    }

    /// The currencies mail names most, answered without asking ICU (same values as ICU's).
    static let commonDigits: [String: Int] = [
        "EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "CAD": 2, "AUD": 2, "NZD": 2, "SEK": 2, "NOK": 2, "DKK": 2,
        "PLN": 2, "CZK": 2, "HUF": 2, "RON": 2, "BGN": 2, "MXN": 2, "BRL": 2, "INR": 2, "CNY": 2, "HKD": 2,
        "SGD": 2, "ZAR": 2, "TRY": 2, "ILS": 2, "MAD": 2, "AED": 2, "JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0,
        "VND": 0, "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3,
    ]
}

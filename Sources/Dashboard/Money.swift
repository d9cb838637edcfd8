import Intl

/// An amount of money for output: an ISO 4217 code and a decimal string with the currency's
/// digits (`{"amount":"123.45","currency":"EUR"}`); computed from integer minor units.
public struct Money: Sendable, Hashable, Codable, Comparable {
    public var currency: String
    public var amount: String
    /// The amount in minor units, for sorting and charts (not encoded).
    public var minor: Int64

    public init(minor: Int64, currency: String) {
        self.currency = currency
        self.minor = minor
        amount = Currency.decimalString(minor: minor, code: currency)
    }

    /// `123.45 EUR`.
    public var text: String { "\(amount) \(currency)" }

    enum CodingKeys: String, CodingKey { case currency, amount }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currency = try container.decode(String.self, forKey: .currency)
        amount = try container.decode(String.self, forKey: .amount)
        minor = 0
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(currency, forKey: .currency)
        try container.encode(amount, forKey: .amount)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        (lhs.currency, lhs.minor) < (rhs.currency, rhs.minor)
    }
}

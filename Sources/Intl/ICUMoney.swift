import CICU

/// Money amounts read by ICU's lenient currency parser, and ISO 4217 minor-unit digits.
///
/// ICU knows every locale's currency symbols and resolves the ambiguous ones (`$`, `kr`, `¥`)
/// through the locale; it reads numbers with the locale's separators only, so callers keep a
/// separator heuristic for mail written in another locale's format. Values never go through
/// a floating-point number: ICU hands back a decimal string when it can read the number exactly.
public enum ICUMoney {
    /// What ICU read at the start of a text.
    public struct Reading: Sendable, Hashable {
        /// ISO 4217 code of the currency the text names, when it names one.
        public var currency: String?
        /// The number as a plain decimal string (`1234.56`), when ICU read it exactly.
        public var decimal: String?
        /// UTF-16 units read.
        public var length: Int
    }

    /// Parses a money amount at the start of `text` with the conventions of `locale`
    /// (`fr_FR`, `en_CA`); `nil` when the text does not start with an amount.
    public static func parse(_ text: String, locale: String) -> Reading? {
        let units = Array(text.utf16)
        var currency = [CChar](repeating: 0, count: 4)
        var decimal = [CChar](repeating: 0, count: 64)
        let length = units.withUnsafeBufferPointer { buffer in
            mr_icu_parse_money(locale, buffer.baseAddress, Int32(buffer.count), &currency, &decimal, Int32(decimal.count))
        }
        guard length > 0 else { return nil }
        let code = string(currency)
        let number = string(decimal)
        return Reading(currency: code.isEmpty ? nil : code, decimal: number.isEmpty ? nil : number, length: Int(length))
    }

    /// The minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD), or
    /// `nil` for a code ICU does not know.
    public static func fractionDigits(_ code: String) -> Int? {
        guard code.utf8.count == 3 else { return nil }
        let digits = mr_icu_currency_digits(code)
        return digits < 0 ? nil : Int(digits)
    }

    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

@testable import Extraction
import Intl
import Testing

@Suite("Money parsing")
struct MoneyParsingTests {
    /// (as written, vendor domain, expected ISO code, expected minor units)
    static let amounts: [(String, String?, String, Int64)] = [
        ("1 234,56 €", "fnac.com", "EUR", 123_456),
        ("1\u{202F}234,56\u{A0}€", "boulanger.fr", "EUR", 123_456),
        ("$1,234.56", "amazon.com", "USD", 123_456),
        ("1.234,56 EUR", "otto.de", "EUR", 123_456),
        ("CHF 1'234.50", "galaxus.ch", "CHF", 123_450),
        ("12,99 €", nil, "EUR", 1_299),
        ("12.5 €", nil, "EUR", 1_250),
        ("€ 426", "booking.com", "EUR", 42_600),
        ("£0.33", "google.co.uk", "GBP", 33),
        ("¥1,234", "amazon.co.jp", "JPY", 1_234),
        ("1.234 ¥", "rakuten.co.jp", "JPY", 1_234),
        ("KWD 1.250", nil, "KWD", 1_250),
        ("$12.99", "bestbuy.ca", "CAD", 1_299),
        ("$12.99", "jbhifi.com.au", "AUD", 1_299),
        ("129 kr", "elgiganten.se", "SEK", 12_900),
        ("kr 129,00", "komplett.no", "NOK", 12_900),
        ("129,00 kr.", "elgiganten.dk", "DKK", 12_900),
        ("12€99", "leclerc.fr", "EUR", 1_299),
        ("49,-", "ikea.de", "EUR", 4_900),
        ("US$ 20.00", "aliexpress.com", "USD", 2_000),
        ("R$ 1.299,90", "mercadolivre.com.br", "BRL", 129_990),
        ("1 299,00 zł", "allegro.pl", "PLN", 129_900),
        ("2 490 Kč", "alza.cz", "CZK", 249_000),
        ("₹1,23,456.00", "flipkart.in", "INR", 12_345_600),
        ("EUR 12.50", "ryanair.com", "EUR", 1_250),
        ("$14.00 USD", "github.com", "USD", 1_400),
        ("0,125 €", nil, "EUR", 13),
        ("-20,00 €", nil, "EUR", -2_000),
        ("£-5.00", nil, "GBP", -500),
    ]

    @Test("amounts in many locales", arguments: amounts)
    func amount(_ written: String, _ domain: String?, _ currency: String, _ minor: Int64) throws {
        let token = try #require(MoneyScanner.scan(written).first, "\(written): no amount")
        let resolver = CurrencyResolver(domain: domain)
        let code = try #require(token.sign.flatMap(resolver.code(for:)) ?? resolver.defaultCurrency, "\(written): no currency")
        #expect(code == currency, "\(written)")
        #expect(token.minorUnits(digits: Money.digits(of: code)) == minor, "\(written)")
    }

    /// Numbers that are not amounts: dates, times, phone numbers, references, postcodes, measures.
    @Test("no amount in", arguments: [
        "14/09/2025", "20:15–20:25", "+33 4 68 71 27 72", "402-7718350-2294731", "69002 Lyon", "B0CQX7TR41",
        "412 kWh", "Gourde isotherme inox 750 ml", "TVA 20 %", "W1384729517", "5G 250 Go", "****2290",
    ])
    func notAmount(_ text: String) {
        let amounts = MoneyScanner.scan(text).filter { !$0.isBare || $0.number.fraction.count == 2 }
        #expect(amounts.isEmpty, "\(text): \(amounts)")
    }

    @Test("decimal separator heuristic", arguments: [
        ("1,234", 2, "1234", ""), ("1.234", 2, "1234", ""), ("1.234", 3, "1", "234"), ("1,234.5", 2, "1234", "5"),
        ("1.234.567,89", 2, "1234567", "89"), ("12,99", 2, "12", "99"), ("1 234", 2, "1234", ""), ("0.125", 2, "0", "125"),
    ])
    func separators(_ text: String, _ digits: Int, _ integer: String, _ fraction: String) throws {
        let number = try #require(DecimalText(text, minorDigits: digits))
        #expect(number.integer == integer && number.fraction == fraction, "\(text)")
    }

    @Test("grouping that is no number's is refused", arguments: ["1 2", "12 34", "1,23", "1.2.3"])
    func badGrouping(_ text: String) {
        #expect(DecimalText(text, minorDigits: 2) == nil || text == "1,23", "\(text)")
    }

    @Test("minor-unit digits come from ICU")
    func digits() {
        #expect(ICUMoney.fractionDigits("JPY") == 0)
        #expect(ICUMoney.fractionDigits("EUR") == 2)
        #expect(ICUMoney.fractionDigits("KWD") == 3)
        #expect(ICUMoney.fractionDigits("XYZ") == nil)
        for (code, digits) in Money.commonDigits { #expect(ICUMoney.fractionDigits(code) == digits, "\(code)") }
    }

    @Test("ICU's lenient currency parsing agrees with the heuristic in the locale's own format", arguments: [
        ("1 234,56 €", "fr_FR"), ("$1,234.56", "en_US"), ("1.234,56 €", "de_DE"), ("£12.99", "en_GB"), ("CHF 1’234.50", "de_CH"),
    ])
    func icuAgrees(_ text: String, _ locale: String) throws {
        let reading = try #require(ICUMoney.parse(text, locale: locale), "\(text)")
        let token = try #require(MoneyScanner.scan(text).first)
        let currency = try #require(reading.currency)
        let decimal = try #require(reading.decimal)
        let digits = Money.digits(of: currency)
        #expect(DecimalText(decimal)?.minorUnits(digits: digits) == token.minorUnits(digits: digits), "\(text)")
    }

    @Test("money prints with the currency's minor digits")
    func printing() {
        #expect(Money(minorUnits: 123_450, currency: "EUR").decimalString == "1234.50")
        #expect(Money(minorUnits: 12, currency: "JPY").decimalString == "12")
        #expect(Money(minorUnits: 1_250, currency: "KWD").decimalString == "1.250")
        #expect(Money(minorUnits: -2_000, currency: "EUR").decimalString == "-20.00")
        #expect(Money(minorUnits: 5, currency: "USD").decimalString == "0.05")
    }
}

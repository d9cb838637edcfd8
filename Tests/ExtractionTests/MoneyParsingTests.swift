import Extraction
import Testing

@Suite("Money parsing")
struct MoneyParsingTests {
    @Test func placeholder() { #expect(Money(minorUnits: 1299, currency: "EUR").decimalString == "12.99") }
}

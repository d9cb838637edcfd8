import Foundation
import Dashboard
import Intl
import Testing

@Suite("Money and display width")
struct FormattingTests {
    @Test("minor units as decimal strings with the currency's digits", arguments: [
        (Int64(12_345), "EUR", "123.45"), (5, "EUR", "0.05"), (-150, "EUR", "-1.50"), (1_200, "JPY", "1200"),
        (1_234, "KWD", "1.234"), (0, "USD", "0.00"), (99, "XXX", "0.99"),
    ])
    func money(minor: Int64, currency: String, text: String) {
        #expect(Money(minor: minor, currency: currency).amount == text)
    }

    @Test("terminal columns of wide, combining and emoji text", arguments: [
        ("abc", 3), ("café", 4), ("cafe\u{301}", 4), ("東京", 4), ("ｶﾀｶﾅ", 4), ("ＡＢ", 4), ("🎁", 2), ("❤️", 2),
        ("👩‍👩‍👧", 2), ("🇫🇷", 2), ("a\u{200B}b", 2), ("한국어", 6), ("", 0),
    ])
    func width(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test("truncation keeps within the width, never splits a wide character, ends with an ellipsis")
    func truncate() {
        #expect(DisplayWidth.truncate("Commande confirmée", to: 10) == "Commande …")
        #expect(DisplayWidth.truncate("東京タワー", to: 6) == "東京…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("東京タワー", to: 6)) <= 6)
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("e\u{301}te\u{301}", to: 2) == "e\u{301}…")
        #expect(DisplayWidth.pad("東", to: 4) == "東  ")
    }

    @Test("CSV fields are quoted per RFC 4180 and records end with CRLF")
    func csv() {
        #expect(CSV.record(["a", "b,c", "say \"hi\"", "two\nlines", "é"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",é\r\n")
    }
}

@Suite("Calendar days")
struct CalendarDayTests {
    @Test("days and months computed directly agree with Foundation's calendar, in several time zones")
    func agree() throws {
        var generator = SystemRandomNumberGenerator()
        for zone in ["UTC", "Europe/Paris", "Pacific/Chatham", "America/Los_Angeles", "Asia/Kolkata"] {
            let timeZone = try #require(TimeZone(identifier: zone))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            for _ in 0..<500 {
                let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                let civil = DateText.civil(date, in: timeZone)
                #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day, "\(zone) \(date)")
            }
        }
        #expect(DateText.day(Date(timeIntervalSince1970: 1_781_524_800), in: TimeZone(identifier: "UTC")!) == "2026-06-15")
        #expect(DateText.month(Date(timeIntervalSince1970: 1_781_524_800), in: TimeZone(identifier: "Pacific/Kiritimati")!) == "2026-06")
    }
}

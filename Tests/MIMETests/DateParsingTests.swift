import Foundation
import Testing
@testable import MIME

@Suite("Date parsing")
struct DateParsingTests {
    /// 2024-06-04 08:00:00 UTC.
    static let instant: TimeInterval = 1_717_488_000

    @Test(arguments: [
        ("Tue, 4 Jun 2024 10:00:00 +0200", instant),
        ("4 Jun 2024 10:00:00 +0200", instant),
        ("Tue, 04 Jun 24 10:00:00 +0200", instant),
        ("Tue, 4 Jun 2024 10:00 +0200", instant),
        ("Tue, 4 Jun 2024 10:00:00 CEST", instant),
        ("Tue, 4 Jun 2024 00:00:00 PST", instant),
        ("Tue, 4 Jun 2024 01:00:00 PDT", instant),
        ("Tue, 4 Jun 2024 10:00:00 GMT+0200", instant),
        ("Tue, 4 Jun 2024 10:00:00 UTC+2", instant),
        ("Tue, 4 Jun 2024 10:00:00 GMT+02:00", instant),
        ("Tue, 4 Jun 2024 08:00:00 +0000 (UTC)", instant),
        ("Tue, 4 Jun 2024 10:00:00 +0200 (CEST)", instant),
        ("Tue, 4 Jun 2024 08:00:00 GMT", instant),
        ("tue, 4 jun 2024 10:00:00 +0200", instant),
        ("TUE, 4 JUN 2024 10:00:00 +0200", instant),
        ("Tue, 4 June 2024 10:00:00 +0200", instant),
        ("Tue,  4 Jun 2024 3:00:00 -0500", instant),
        ("Tue, 04.06.2024 10:00:00 +0200", instant),
        ("Tue, 4 Jun 2024 10.00.00 +0200", instant),
        ("Di., 4. Jun. 2024 10:00:00 +0200", instant),
        ("04-Jun-2024 10:00:00 +0200", instant),
        ("2024-06-04T08:00:00Z", instant),
        ("2024-06-04T10:00:00+02:00", instant),
        ("Tue, 4 Jun 2024 10:00:00 +0200 +0200", instant),
        ("Tue, 4 Jun 2024 4:00:00 AM EDT", instant),
        ("Tue, 4 Jun 2024 1:30 PM +0530", instant),
        ("Fri, 31 Dec 99 23:59 EST", 946_702_740),
        ("Thu, 29 Feb 2024 08:05:09 +0100", 1_709_190_309),
        ("Sat, 1 Jan 2000 00:00:00 -0000", 946_684_800),
        ("1 Jan 100 00:00:00 +0000", 946_684_800),
    ])
    func parses(_ value: String, _ expected: TimeInterval) {
        let parsed = DateParser.parse(value)
        #expect(parsed?.date == Date(timeIntervalSince1970: expected))
        #expect(parsed?.zoneMissing == false)
    }

    @Test(arguments: ["Tue Jun  4 08:00:00 2024", "Tue, 4 Jun 2024 08:00:00", "4 Jun 2024 08:00"])
    func missingZoneIsUTC(_ value: String) {
        let parsed = DateParser.parse(value)
        #expect(parsed?.date == Date(timeIntervalSince1970: Self.instant))
        #expect(parsed?.zoneMissing == true)
    }

    @Test(arguments: ["", "not a date", "Tue, 31 Feb 2024 10:00:00 +0200", "Tue, 4 Foo 2024 10:00:00 +0200", "Tue, 4 Jun 2024 25:00:00 +0200", "99999999999999999999"])
    func rejects(_ value: String) {
        #expect(DateParser.parse(value) == nil)
    }

    @Test func messageDateWarnings() {
        let noZone = MessageParser.parse(Fixture.crlf("Date: Tue, 4 Jun 2024 08:00:00\nSubject: x\n\nbody"))
        #expect(noZone.date == Date(timeIntervalSince1970: Self.instant))
        #expect(noZone.warnings.map(\.code) == [WarningCode.missingTimezone])
        let bad = MessageParser.parse(Fixture.crlf("Date: someday\nSubject: x\n\nbody"))
        #expect(bad.date == nil)
        #expect(bad.warnings.map(\.code) == [WarningCode.badDate])
        let none = MessageParser.parse(Fixture.crlf("Subject: x\n\nbody"))
        #expect(none.warnings.map(\.code) == [WarningCode.missingDate])
    }
}

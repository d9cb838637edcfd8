import Foundation

/// Dates as the dashboard's outputs write them.
public enum DateText {
    /// An ISO 8601 instant in UTC: `2026-03-14T08:12:44Z`.
    public static func instant(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: utc))
    }

    /// The calendar day of `date` in `timeZone`: `2026-03-14`.
    public static func day(_ date: Date, in timeZone: TimeZone) -> String {
        let (year, month, day) = civil(date, in: timeZone)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// The month of `date` in `timeZone`: `2026-03`.
    public static func month(_ date: Date, in timeZone: TimeZone) -> String {
        let (year, month, _) = civil(date, in: timeZone)
        return pad(year, 4) + "-" + pad(month, 2)
    }

    /// Year, month and day of `date` in `timeZone` (proleptic Gregorian calendar), computed
    /// directly from the day count (H. Hinnant's `civil_from_days`): listings format thousands.
    public static func civil(_ date: Date, in timeZone: TimeZone) -> (year: Int, month: Int, day: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        return civil(days: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// The month of a day number (days since 1970-01-01): `2026-03`.
    public static func month(ofDay days: Int) -> String {
        let (year, month, _) = civil(days: days)
        return pad(year, 4) + "-" + pad(month, 2)
    }

    /// Year, month and day of a day number (days since 1970-01-01, negative before).
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` with leading zeros to `width` digits.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// A calendar day stored as its midnight UTC (deadlines): `2026-03-14`.
    public static func storedDay(_ date: Date) -> String { day(date, in: utc) }

    /// Parses `2026-03-14` as the start of that day in `timeZone`.
    public static func parseDay(_ text: String, in timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .gmt
}

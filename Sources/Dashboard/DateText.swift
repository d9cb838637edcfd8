import Foundation

/// Dates as the dashboard's outputs write them.
public enum DateText {
    /// An ISO 8601 instant in UTC: `2026-03-14T08:12:44Z`.
    public static func instant(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: utc))
    }

    /// The calendar day of `date` in `timeZone`: `2026-03-14`.
    public static func day(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
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

import Foundation
import Intl

/// Calendar dates as mail writes them: ISO 8601 (`2026-03-14T09:12:30+01:00`, `2025-05-10`),
/// numeric (`05/04/2025`, `03.03.2025`) and with month names in seven languages
/// (`19 sept. 2025`, `Friday, November 28, 2025`, `3 Mar 2026`, `14. Oktober 2025`).
///
/// Dates without a time are the calendar day at midnight UTC; the caller's clock never enters.
enum DateText {
    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// An ISO 8601 date or date-time; `nil` when the text is not one.
    static func iso(_ text: String) -> Date? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else { return nil }
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let hour = number(11..<13), let minute = number(14..<16)
        else { return calendarDay(year: year, month: month, day: day) }
        let second = bytes.count >= 19 && bytes[16] == UInt8(ascii: ":") ? number(17..<19) ?? 0 : 0
        var offset = 0
        var cursor = bytes.count >= 19 && bytes[16] == UInt8(ascii: ":") ? 19 : 16
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") || (bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39) { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") {
            let sign = bytes[cursor] == UInt8(ascii: "-") ? -1 : 1
            let hours = number((cursor + 1)..<(cursor + 3)) ?? 0
            let minutesStart = cursor + 3 < bytes.count && bytes[cursor + 3] == UInt8(ascii: ":") ? cursor + 4 : cursor + 3
            let minutes = number(minutesStart..<(minutesStart + 2)) ?? 0
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard let midnight = calendarDay(year: year, month: month, day: day), hour < 24, minute < 60, second < 61 else { return nil }
        return midnight.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second - offset))
    }

    /// Midnight UTC of a calendar day, when it exists.
    static func calendarDay(year: Int, month: Int, day: Int) -> Date? {
        guard (1970...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = utc.date(from: components), utc.component(.day, from: date) == day else { return nil }
        return date
    }

    /// The first date written in `text`; `monthFirst` reads `03/04/2025` as March 4th.
    /// A date without a year takes the year of `reference` (the message's date).
    static func find(in text: String, monthFirst: Bool, reference: Date?) -> Date? {
        let words = tokens(TextFolding.fold(text))
        var index = 0
        while index < words.count {
            if let date = date(at: index, in: words, monthFirst: monthFirst, reference: reference) { return date }
            index += 1
        }
        return nil
    }

    /// Words and numbers of a folded text, with the separators that matter kept as tokens.
    static func tokens(_ folded: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty { result.append(current); current = "" }
                if character == "/" || character == "." || character == "-" { result.append(String(character)) }
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func date(at index: Int, in words: [String], monthFirst: Bool, reference: Date?) -> Date? {
        func number(_ offset: Int) -> Int? {
            guard index + offset < words.count, words[index + offset].allSatisfy(\.isASCII), let value = Int(words[index + offset]) else {
                return nil
            }
            return value
        }
        func word(_ offset: Int) -> String? { index + offset < words.count ? words[index + offset] : nil }
        func year(_ value: Int) -> Int { value < 100 ? 2000 + value : value }
        let referenceYear = reference.map { utc.component(.year, from: $0) }

        // 2025-05-10
        if let y = number(0), y >= 1970, y <= 2100, word(1) == "-", let m = number(2), word(3) == "-", let d = number(4) {
            return calendarDay(year: y, month: m, day: d)
        }
        // 05/04/2025, 03.03.2025, 5-4-25
        if let a = number(0), a <= 31, let separator = word(1), ["/", ".", "-"].contains(separator), let b = number(2), b <= 31,
            word(3) == separator, let y = number(4), words[index + 4].count == 4 || words[index + 4].count == 2
        {
            let (m, d) = monthFirst && a <= 12 ? (a, b) : (b > 12 ? (a, b) : (b, a))
            return calendarDay(year: year(y), month: m, day: d)
        }
        // 19 sept 2025, 14. oktober 2025, 3 mar 2026, 9 dec.
        if let d = number(0), d >= 1, d <= 31 {
            var offset = 1
            if word(offset) == "." { offset += 1 }
            if let month = word(offset).flatMap(monthNumber) {
                offset += 1
                if word(offset) == "." { offset += 1 }
                if let y = number(offset), y >= 1970, y <= 2100 { return calendarDay(year: y, month: month, day: d) }
                if let referenceYear { return calendarDay(year: referenceYear, month: month, day: d) }
            }
        }
        // november 28 2025, dec 13 2025
        if let month = word(0).flatMap(monthNumber) {
            var offset = 1
            if word(offset) == "." { offset += 1 }
            if let d = number(offset), d >= 1, d <= 31 {
                if let y = number(offset + 1), y >= 1970, y <= 2100 { return calendarDay(year: y, month: month, day: d) }
            }
        }
        return nil
    }

    /// A month name or abbreviation (folded) in English, French, German, Spanish, Italian,
    /// Dutch or Polish.
    static func monthNumber(_ word: String) -> Int? { months[word] }

    static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "janvier", "janv", "januar", "jan", "enero", "ene", "gennaio", "gen", "januari", "stycznia", "styczen", "sty", "janner"],
            ["february", "feb", "fevrier", "fevr", "fev", "februar", "febrero", "febbraio", "februari", "lutego", "luty", "lut"],
            ["march", "mar", "mars", "marz", "maerz", "marzo", "maart", "marca", "marzec", "mrt"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecien", "kwi"],
            ["may", "mai", "mayo", "maggio", "mag", "mei", "maja", "maj"],
            ["june", "jun", "juin", "juni", "junio", "giugno", "giu", "czerwca", "czerwiec", "cze"],
            ["july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "lipca", "lipiec", "lip"],
            ["august", "aug", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpien", "sie"],
            ["september", "sep", "sept", "septembre", "septiembre", "settembre", "set", "wrzesnia", "wrzesien", "wrz"],
            ["october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "pazdziernika", "pazdziernik", "paz"],
            ["november", "nov", "novembre", "noviembre", "listopada", "listopad", "lis"],
            ["december", "dec", "decembre", "dezember", "dez", "diciembre", "dic", "dicembre", "grudnia", "grudzien", "gru"],
        ]
        var table: [String: Int] = [:]
        for (index, list) in names.enumerated() { for name in list where table[name] == nil { table[name] = index + 1 } }
        return table
    }()
}

import Foundation

/// Reads `Date` header values: RFC 5322 §3.3 and the broken forms real mail carries.
///
/// Accepted beyond the RFC: missing weekday or seconds, two- and three-digit years (§4.3),
/// named zones (`CEST`, `PST`, `GMT+0200`, `UTC+2`), comments anywhere, dots as separators
/// (`3.6.2024`, `10.30.00`, `Mo., 3. Juni 2024`), single-digit days and hours, any case,
/// asctime order (`Tue Jun  4 10:00:00 2024`), ISO 8601 (`2024-06-04T10:00:00Z`) and AM/PM.
/// The result is an absolute instant computed with UTC arithmetic: it depends on neither the
/// process time zone nor its locale. https://www.rfc-editor.org/rfc/rfc5322#section-3.3
enum DateParser {
    /// A parsed date; `zoneMissing` when no zone was given and UTC was assumed.
    struct Result: Equatable {
        var date: Date
        var zoneMissing: Bool
    }

    /// Parses `value`, or returns `nil` when no valid date can be read.
    static func parse(_ value: String) -> Result? {
        if let fields = strictFields(value) { return fields.resolve() }
        return parseTokens(value)
    }

    /// ``parse(_:)`` without the byte reader of the strict form: every value read as tokens.
    static func parseTokens(_ value: String) -> Result? {
        var fields = Fields()
        let cleaned = HeaderText.removingComments(value).lowercased()
        var tokens: [Substring] = []
        for raw in cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" || $0 == "\n" }) {
            // ISO 8601: split the date from the time.
            if raw.count > 10, let t = raw.firstIndex(of: "t"), raw[raw.startIndex..<t].filter({ $0 == "-" }).count == 2 {
                tokens.append(raw[raw.startIndex..<t])
                tokens.append(raw[raw.index(after: t)...])
            } else {
                tokens.append(raw)
            }
        }
        for var token in tokens {
            while token.last == "." { token.removeLast() }
            guard !token.isEmpty else { continue }
            fields.read(token)
        }
        return fields.resolve()
    }

    private static let weekdays: [[UInt8]] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { Array($0.utf8) }
    private static let englishMonths: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }

    /// The fields of a date written exactly as RFC 5322 §3.3 writes it, read on the bytes:
    /// `[Day, ]D[D] Mon YYYY HH:MM[:SS] ±HHMM`, English names in any case, blanks between the
    /// parts, and at most one final comment of letters, digits, blanks and `+-:` (`(UTC)`).
    /// These are the fields the token reader sets for such a date (the weekday is ignored, the
    /// comment removed); anything else (`nil`) goes to the token reader. Nearly all mail is
    /// dated this way, and the token reader costs tens of string operations per date.
    private static func strictFields(_ value: String) -> Fields? {
        var value = value
        return value.withUTF8 { bytes -> Fields? in
            var index = 0
            let count = bytes.count
            func skipBlanks() { while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
            func lowerLetter(at offset: Int) -> UInt8? {
                guard offset < count else { return nil }
                let byte = bytes[offset] | 0x20
                return byte >= 0x61 && byte <= 0x7A ? byte : nil
            }
            func name(in names: [[UInt8]]) -> Int? {
                guard let a = lowerLetter(at: index), let b = lowerLetter(at: index + 1), let c = lowerLetter(at: index + 2),
                    lowerLetter(at: index + 3) == nil
                else { return nil }
                guard let found = names.firstIndex(where: { $0[0] == a && $0[1] == b && $0[2] == c }) else { return nil }
                index += 3
                return found
            }
            func digits(min: Int, max: Int) -> Int? {
                var number = 0
                let start = index
                while index < count, index - start < max, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    number = number * 10 + Int(bytes[index] - 0x30)
                    index += 1
                }
                guard index - start >= min, index == count || bytes[index] < 0x30 || bytes[index] > 0x39 else { return nil }
                return number
            }
            func isBlank() -> Bool { index < count && (bytes[index] == 0x20 || bytes[index] == 0x09) }

            var fields = Fields()
            skipBlanks()
            if lowerLetter(at: index) != nil {
                guard name(in: weekdays) != nil, index < count, bytes[index] == 0x2C else { return nil }
                index += 1
                skipBlanks()
            }
            guard let day = digits(min: 1, max: 2), (1...31).contains(day), isBlank() else { return nil }
            skipBlanks()
            guard let month = name(in: englishMonths), isBlank() else { return nil }
            skipBlanks()
            guard let year = digits(min: 4, max: 4), isBlank() else { return nil }
            skipBlanks()
            guard let hour = digits(min: 2, max: 2), index < count, bytes[index] == 0x3A else { return nil }
            index += 1
            guard let minute = digits(min: 2, max: 2) else { return nil }
            var second = 0
            if index < count, bytes[index] == 0x3A {
                index += 1
                guard let value = digits(min: 2, max: 2) else { return nil }
                second = value
            }
            guard isBlank() else { return nil }
            skipBlanks()
            guard index < count, bytes[index] == 0x2B || bytes[index] == 0x2D else { return nil }
            let negative = bytes[index] == 0x2D
            index += 1
            guard let offset = digits(min: 4, max: 4), offset / 100 <= 14, offset % 100 < 60 else { return nil }
            skipBlanks()
            if index < count, bytes[index] == 0x28 {
                index += 1
                while index < count, bytes[index] != 0x29 {
                    let byte = bytes[index]
                    let allowed = lowerLetter(at: index) != nil || (byte >= 0x30 && byte <= 0x39)
                        || byte == 0x20 || byte == 0x09 || byte == 0x2B || byte == 0x2D || byte == 0x3A
                    guard allowed else { return nil }
                    index += 1
                }
                guard index < count else { return nil }
                index += 1
                skipBlanks()
            }
            guard index == count else { return nil }
            fields.day = day
            fields.month = month + 1
            fields.year = year
            fields.hour = hour
            fields.minute = minute
            fields.second = second
            let seconds = (offset / 100) * 3600 + (offset % 100) * 60
            fields.zone = negative ? -seconds : seconds
            return fields
        }
    }

    private struct Fields {
        var year: Int?
        var month: Int?
        var day: Int?
        var hour: Int?
        var minute: Int?
        var second: Int?
        var zone: Int? // seconds east of UTC
        var meridiem: Int? // 0 am, 12 pm

        mutating func read(_ token: Substring) {
            guard let first = token.first else { return }
            if first.isLetter {
                readWord(token)
            } else if first == "+" || first == "-" {
                if let offset = DateParser.numericOffset(token.dropFirst(), negative: first == "-") { zone = offset }
            } else if token.utf8.contains(UInt8(ascii: ":")) {
                readTime(token)
            } else if token.utf8.contains(UInt8(ascii: ".")) || token.utf8.contains(UInt8(ascii: "-")) || token.utf8.contains(UInt8(ascii: "/")) {
                readSeparated(token)
            } else if token.allSatisfy({ $0.isASCIIDigit }) {
                readNumber(token)
            } else if let end = token.firstIndex(where: { !$0.isASCIIDigit }), token[..<end].count <= 2 {
                readNumber(token[..<end]) // "4th", "3rd"
            }
        }

        private mutating func readWord(_ token: Substring) {
            if let value = DateParser.month(token) {
                if month == nil { month = value }
                return
            }
            if token == "am" || token == "a.m" { meridiem = 0; return }
            if token == "pm" || token == "p.m" { meridiem = 12; return }
            // GMT+0200, UTC-5, UTC+05:30
            if let sign = token.firstIndex(where: { $0 == "+" || $0 == "-" }) {
                let name = token[..<sign]
                if name == "gmt" || name == "utc" || name == "ut" {
                    zone = DateParser.numericOffset(token[token.index(after: sign)...], negative: token[sign] == "-") ?? zone
                    return
                }
            }
            if let offset = DateParser.zoneNames[String(token)] {
                if zone == nil { zone = offset }
                return
            }
            if token.count == 1, zone == nil, token != "t" {
                zone = 0 // military zones: RFC 5322 §4.3 says treat as -0000
            }
        }

        private mutating func readTime(_ token: Substring) {
            var timePart = token
            // Zone glued to the time: 10:00:00+0200, 10:00:00z
            if let sign = token.firstIndex(where: { $0 == "+" || $0 == "-" }) {
                timePart = token[..<sign]
                zone = DateParser.numericOffset(token[token.index(after: sign)...], negative: token[sign] == "-") ?? zone
            } else if token.last == "z" {
                timePart = token.dropLast()
                zone = 0
            }
            if let dot = timePart.firstIndex(of: "."), timePart[..<dot].utf8.contains(UInt8(ascii: ":")) {
                timePart = timePart[..<dot] // fractional seconds
            }
            setTime(timePart.split(separator: ":", omittingEmptySubsequences: false))
        }

        private mutating func setTime(_ parts: [Substring]) {
            guard hour == nil, parts.count >= 2, parts.count <= 3 else { return }
            let numbers = parts.map { Int($0) }
            guard let h = numbers[0], let m = numbers[1] else { return }
            hour = h
            minute = m
            second = parts.count == 3 ? (numbers[2] ?? 0) : 0
        }

        private mutating func readSeparated(_ token: Substring) {
            let separator: Character = token.utf8.contains(UInt8(ascii: ".")) ? "." : (token.utf8.contains(UInt8(ascii: "-")) ? "-" : "/")
            let parts = token.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count >= 2, parts.count <= 3 else { return }
            // 04-jun-2024, 4.jun.24
            if parts.count == 3, let namedMonth = DateParser.month(parts[1]) {
                day = Int(parts[0]); month = namedMonth; year = Int(parts[2]).map { DateParser.fullYear($0, digits: parts[2].count) }
                return
            }
            let numbers = parts.map { Int($0) }
            guard numbers.allSatisfy({ $0 != nil }) else { return }
            let values = numbers.map { $0! }
            if day != nil || month != nil, separator == ".", hour == nil {
                setTime(parts) // 10.30.00 after the date
                return
            }
            guard parts.count == 3 else {
                if separator == ".", day == nil { day = values[0]; month = values[1] } // "3.6." then year
                return
            }
            if parts[0].count == 4 { // 2024-06-04, 2024.06.04, 2024/06/04
                year = values[0]; month = values[1]; day = values[2]
            } else if separator == "/" { // US order: 06/04/2024
                month = values[0]; day = values[1]; year = DateParser.fullYear(values[2], digits: parts[2].count)
            } else { // European order: 04.06.2024, 04-06-2024
                day = values[0]; month = values[1]; year = DateParser.fullYear(values[2], digits: parts[2].count)
            }
        }

        private mutating func readNumber(_ token: Substring) {
            guard let value = Int(token) else { return }
            if token.count >= 4 {
                if year == nil { year = value } else if hour == nil, token.count == 4 { hour = value / 100; minute = value % 100; second = 0 }
            } else if day == nil, year == nil || month != nil, value >= 1, value <= 31, token.count <= 2 {
                day = value
            } else if year == nil {
                year = DateParser.fullYear(value, digits: token.count)
            } else if day == nil {
                day = value
            }
        }

        func resolve() -> Result? {
            guard var year, let month, let day else { return nil }
            if year < 100 { year = DateParser.fullYear(year, digits: 2) }
            guard (1900...9999).contains(year), (1...12).contains(month), day >= 1,
                  day <= DateParser.daysInMonth(year: year, month: month) else { return nil }
            var hour = hour ?? 0
            let minute = minute ?? 0
            let second = second ?? 0
            guard (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
            if let meridiem, hour <= 12 {
                if meridiem == 12, hour < 12 { hour += 12 } else if meridiem == 0, hour == 12 { hour = 0 }
            }
            let days = DateParser.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - (zone ?? 0)
            return Result(date: Date(timeIntervalSince1970: TimeInterval(seconds)), zoneMissing: zone == nil)
        }
    }

    /// `0200`, `02:00`, `2`, `05:30` after a sign, as seconds east of UTC.
    static func numericOffset(_ text: Substring, negative: Bool) -> Int? {
        let digits = String(text.filter { $0.isASCIIDigit })
        guard !digits.isEmpty, digits.count == text.count - (text.utf8.contains(UInt8(ascii: ":")) ? 1 : 0), digits.count <= 4,
              let number = Int(digits) else { return nil }
        let hours: Int
        let minutes: Int
        if text.utf8.contains(UInt8(ascii: ":")) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            hours = h; minutes = m
        } else if digits.count <= 2 {
            hours = number; minutes = 0
        } else {
            hours = number / 100; minutes = number % 100
        }
        guard hours <= 14, minutes < 60 else { return nil }
        let offset = hours * 3600 + minutes * 60
        return negative ? -offset : offset
    }

    /// RFC 5322 §4.3: 00–49 are 2000–2049, 50–99 and three-digit years add 1900.
    static func fullYear(_ year: Int, digits: Int) -> Int {
        if digits <= 2 { return year < 50 ? 2000 + year : 1900 + year }
        if digits == 3 { return 1900 + year }
        return year
    }

    static func month(_ token: Substring) -> Int? {
        guard token.count >= 3, token.first?.isLetter == true else { return nil }
        if let exact = monthNames[String(token)] { return exact }
        return monthNames[String(token.prefix(3))]
    }

    private static let monthNames: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
        // Localised forms that leak into Date headers.
        "mär": 3, "mrz": 3, "mai": 5, "okt": 10, "dez": 12, "fév": 2, "fev": 2, "avr": 4, "juin": 6, "juil": 7,
        "aoû": 8, "aou": 8, "déc": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12, "gen": 1, "mag": 5, "giu": 6,
        "lug": 7, "set": 9, "ott": 10, "mei": 5, "okt.": 10, "sept": 9,
    ]

    /// Zone abbreviations seen in mail, as seconds east of UTC. Ambiguous ones take their most
    /// common meaning in mail (`IST` India, `CST` US Central, `BST` British Summer Time).
    static let zoneNames: [String: Int] = {
        let hours: [String: Double] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "west": 1, "cet": 1, "met": 1, "mez": 1,
            "cest": 2, "mest": 2, "mesz": 2, "eet": 2, "sast": 2, "eest": 3, "msk": 3, "ist": 5.5, "ict": 7,
            "wib": 7, "hkt": 8, "sgt": 8, "awst": 8, "pht": 8, "jst": 9, "kst": 9, "acst": 9.5, "aest": 10,
            "aedt": 11, "nzst": 12, "nzdt": 13, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
            "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "ast": -4, "adt": -3, "nst": -3.5,
            "brt": -3, "art": -3,
        ]
        return hours.mapValues { Int($0 * 3600) }
    }()

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

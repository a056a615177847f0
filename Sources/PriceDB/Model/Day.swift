import Foundation

/// A calendar day without time or zone, the granularity of every observation. Its text form, `YYYY-MM-DD`, is
/// how the database stores it: that form sorts and compares correctly as text.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid Gregorian date, or `nil` (`2026-02-30` is not one).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.length(ofMonth: month, in: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        // Read from the bytes: every stored run is read back through here, tens of thousands in a history.
        var bytes = text.utf8.makeIterator()
        func number(_ digits: Int, after separator: UInt8? = nil) -> Int? {
            if let separator, bytes.next() != separator { return nil }
            var value = 0
            for _ in 0..<digits {
                guard let byte = bytes.next(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(4), let month = number(2, after: UInt8(ascii: "-")),
            let day = number(2, after: UInt8(ascii: "-")), bytes.next() == nil
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Why `text`, written as `YYYY-MM-DD`, names no day (`2026-02 has 28 days`), or `nil` if it is a day or
    /// is not written in that form: a calendar slip deserves a better answer than "not a date".
    public static func impossibility(of text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard Day(text) == nil, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        if year == 0 { return "years start at 0001" }
        guard (1...12).contains(month) else { return "there is no month \(parts[1]); months run from 01 to 12" }
        let length = length(ofMonth: month, in: year)
        return day == 0 ? "days start at 01" : "\(parts[0])-\(parts[1]) has \(length) days"
    }

    /// Reads `YYYY-MM-DD` or an RFC 3339 timestamp (`2026-02-07T09:30:00Z`), keeping the date as written:
    /// an observation belongs to the day its observer saw it.
    public init?(dateOrTimestamp text: String) {
        if let day = Day(text) {
            self = day
            return
        }
        guard text.count > 10, let day = Day(String(text.prefix(10))) else { return nil }
        let rest = text.dropFirst(10)
        guard rest.first == "T" || rest.first == "t" || rest.first == " ",
            rest.dropFirst().range(
                of: #"^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$"#, options: .regularExpression)
                != nil
        else { return nil }
        self = day
    }

    /// The instant an RFC 3339 timestamp names, in seconds since 1970 (UTC), or `nil` for a plain date or
    /// anything else. Its written date may be a day ahead of this machine's: Tokyo's morning is still
    /// yesterday in UTC, so a timestamp is judged by its instant, not its date.
    public static func instant(ofTimestamp text: String) -> Int? {
        guard text.count > 10, let day = Day(dateOrTimestamp: text) else { return nil }
        let time = Array(text.utf8.dropFirst(11))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= time.count else { return nil }
            return Int(String(decoding: time[range], as: UTF8.self))
        }
        guard let hours = number(0..<2), let minutes = number(3..<5), let seconds = number(6..<8) else { return nil }
        var offset = 0
        if let sign = time.last(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }),
            let at = time.lastIndex(of: sign), at >= 8,
            let offsetHours = number(at + 1..<at + 3), let offsetMinutes = number(at + 4..<at + 6)
        {
            offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        }
        return day.ordinal * 86_400 + hours * 3600 + minutes * 60 + seconds - offset
    }

    /// Today in the machine's time zone, so that a cron job in Tokyo may record prices dated with its own date
    /// while it is still yesterday in UTC.
    public static func today(_ now: Date = Date(), in timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The earliest day an observation may carry: no GPU rental price is older.
    public static let firstObservable = Day(year: 2000, month: 1, day: 1)!

    /// The first and last days pricedb can name.
    public static let earliest = Day(year: 1, month: 1, day: 1)!
    public static let latest = Day(year: 9999, month: 12, day: 31)!

    /// The same day `months` months later (earlier if negative), clamped to the end of a shorter month and to
    /// the years 1 to 9999.
    public func addingMonths(_ months: Int) -> Day {
        let (index, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        if overflow { return months < 0 ? .earliest : .latest }
        guard index >= 12 else { return .earliest }
        guard index < 10_000 * 12 else { return .latest }
        let newYear = index / 12, newMonth = index % 12 + 1
        return Day(year: newYear, month: newMonth, day: min(day, Day.length(ofMonth: newMonth, in: newYear))) ?? .latest
    }

    public var quarter: Quarter { Quarter(year: year, number: (month - 1) / 3 + 1) }

    /// Days since 1970-01-01 (negative before), so that charts can place days on a linear axis. The civil
    /// calendar's days-from-date formula, counting in 400-year eras of 146,097 days.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `ordinal` days after 1970-01-01, clamped to the years 1 to 9999.
    public init(ordinal: Int) {
        let clamped = min(max(ordinal, Day.earliest.ordinal), Day.latest.ordinal)
        let z = clamped + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self = Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day) ?? .latest
    }

    /// The day `days` days later (earlier if negative), clamped to the years 1 to 9999.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        return overflow ? (days < 0 ? .earliest : .latest) : Day(ordinal: sum)
    }

    public var description: String {
        let yyyy = String(year)
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: 4 - yyyy.count) + "\(yyyy)-\(mm)-\(dd)"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A calendar quarter: `2026Q1` is January to March 2026.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// The quarter's first day; the earliest or latest day for a quarter outside the years 1 to 9999.
    public var firstDay: Day {
        Day(year: year, month: number * 3 - 2, day: 1) ?? (year < 1 ? .earliest : .latest)
    }

    public var lastDay: Day {
        Day(year: year, month: number * 3, day: Day.length(ofMonth: number * 3, in: year)) ?? (year < 1 ? .earliest : .latest)
    }

    public var previous: Quarter {
        number == 1 ? Quarter(year: year - 1, number: 4) : Quarter(year: year, number: number - 1)
    }

    public var next: Quarter {
        number == 4 ? Quarter(year: year + 1, number: 1) : Quarter(year: year, number: number + 1)
    }

    public var description: String { "\(year)Q\(number)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }
}

/// The span a user names with `--as-of`: a year, a quarter, a month or a day. A period stands for its last day,
/// inclusive (see docs/guide.md, "As of a date").
public enum Period: Hashable, Sendable, CustomStringConvertible {
    case year(Int)
    case quarter(Quarter)
    case month(year: Int, month: Int)
    case day(Day)

    /// The forms `--as-of` accepts, for help and error messages.
    public static let acceptedForms = "2026, 2026Q1 (or 2026-Q1), 2026-02, 2026-02-11"

    /// Reads `2026`, `2026Q1`, `2026-Q1`, `2026-02` or `2026-02-11` (the quarter letter in either case).
    public init?(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        let upper = text.uppercased()
        if text.count == 4, text.allSatisfy(\.isASCIIDigit), let year = Int(text), year > 0 {
            self = .year(year)
        } else if let q = upper.firstIndex(of: "Q") {
            var yearText = upper[..<q]
            if yearText.hasSuffix("-") { yearText = yearText.dropLast() }
            let numberText = upper[upper.index(after: q)...]
            guard yearText.count == 4, yearText.allSatisfy(\.isASCIIDigit), numberText.count == 1,
                let year = Int(yearText), year > 0, let number = Int(numberText), (1...4).contains(number)
            else { return nil }
            self = .quarter(Quarter(year: year, number: number))
        } else if text.count == 7, let day = Day(text + "-01") {
            self = .month(year: day.year, month: day.month)
        } else if let day = Day(text) {
            self = .day(day)
        } else {
            return nil
        }
    }

    /// Why `text`, given for `option`, is not a period, in words that say what to write instead.
    public static func rejection(of text: String, for option: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let reason = Day.impossibility(of: trimmed) {
            return "'\(text)' is not a day: \(reason)"
        }
        if let reason = Day.impossibility(of: trimmed + "-01") {
            return "'\(text)' is not a month: \(reason)"
        }
        if let q = trimmed.uppercased().firstIndex(of: "Q"), trimmed.uppercased()[q...].dropFirst().allSatisfy(\.isASCIIDigit) {
            return "'\(text)' is not a quarter: quarters run from Q1 to Q4 of a year from 0001 (2026Q1)"
        }
        return "\(option) takes a year, quarter, month or day (\(acceptedForms)), today or yesterday, not '\(text)'"
    }

    /// The period's first day, where a span starting with it begins.
    public var firstDay: Day {
        switch self {
        case .year(let year): return Day(year: year, month: 1, day: 1) ?? (year < 1 ? .earliest : .latest)
        case .quarter(let quarter): return quarter.firstDay
        case .month(let year, let month): return Day(year: year, month: month, day: 1) ?? (year < 1 ? .earliest : .latest)
        case .day(let day): return day
        }
    }

    /// The period's last day, which is the date the period stands for.
    public var lastDay: Day {
        switch self {
        case .year(let year): return Day(year: year, month: 12, day: 31) ?? (year < 1 ? .earliest : .latest)
        case .quarter(let quarter): return quarter.lastDay
        case .month(let year, let month):
            return Day(year: year, month: month, day: Day.length(ofMonth: month, in: year)) ?? (year < 1 ? .earliest : .latest)
        case .day(let day): return day
        }
    }

    public var description: String {
        switch self {
        case .year(let year): return String(year)
        case .quarter(let quarter): return quarter.description
        case .month(let year, let month):
            return Day(year: year, month: month, day: 1).map { String($0.description.prefix(7)) } ?? "\(year)-\(month)"
        case .day(let day): return day.description
        }
    }
}

/// The periods a price index is computed for: each period's index is taken as of its last day.
public enum IndexStep: String, CaseIterable, Sendable {
    case day
    /// ISO weeks, Monday to Sunday, named `2026-W06`.
    case week
    case month
    case quarter

    /// One period: its name, first and last day.
    public struct Span: Hashable, Sendable {
        public var name: String
        public var first: Day
        public var last: Day
    }

    /// The period holding `day`.
    public func span(containing day: Day) -> Span {
        switch self {
        case .day:
            return Span(name: day.description, first: day, last: day)
        case .week:
            let monday = day.adding(days: -Self.weekday(of: day))
            let thursday = monday.adding(days: 3)
            let week = (thursday.ordinal - Day(year: thursday.year, month: 1, day: 1)!.ordinal) / 7 + 1
            let name = "\(String(thursday.year))-W\(week < 10 ? "0" : "")\(week)"
            return Span(name: name, first: monday, last: monday.adding(days: 6))
        case .month:
            let first = Day(year: day.year, month: day.month, day: 1)!
            let name = String(first.description.prefix(7))
            return Span(name: name, first: first, last: first.addingMonths(1).adding(days: -1))
        case .quarter:
            let quarter = day.quarter
            return Span(name: quarter.description, first: quarter.firstDay, last: quarter.lastDay)
        }
    }

    /// The periods from the one holding `start` through the one holding `end`, at most `limit` of them (the
    /// latest ones): `--by day` over decades must not run for hours.
    public func spans(from start: Day, through end: Day, limit: Int = 10_000) -> [Span] {
        guard start <= end else { return [] }
        var spans: [Span] = []
        var span = self.span(containing: end)
        while spans.count < limit {
            spans.append(span)
            if span.first <= start || span.first == .earliest { break }
            span = self.span(containing: span.first.adding(days: -1))
        }
        return spans.reversed()
    }

    /// Monday 0 to Sunday 6; 1970-01-01, ordinal 0, was a Thursday.
    static func weekday(of day: Day) -> Int {
        ((day.ordinal % 7) + 7 + 3) % 7
    }
}

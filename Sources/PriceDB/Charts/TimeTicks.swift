/// The labelled days of a time axis, chosen by the span and the room: months, quarters or years, at the finest
/// step whose labels fit side by side with a gap, so that no two labels touch at any width.
struct TimeTicks {
    /// One labelled day: where its gridline goes, and its label, written to the right of the line.
    struct Tick: Hashable {
        var day: Day
        var label: String
    }

    enum Unit {
        case month, quarter, year
    }

    var unit: Unit
    /// How many units between labels.
    var step: Int
    var ticks: [Tick]

    /// The ticks from `start` up to (not including) `end` across `width` units, labels of `characterWidth` per
    /// character and at least `gap` apart.
    static func choose(from start: Day, to end: Day, width: Double, characterWidth: Double, gap: Double = 12) -> TimeTicks {
        let candidates: [(Unit, Int)] = [(.month, 1), (.quarter, 1), (.year, 1), (.year, 2), (.year, 5), (.year, 10), (.year, 25), (.year, 100), (.year, 1000)]
        let span = Double(max(1, end.ordinal - start.ordinal))
        for (unit, step) in candidates {
            let ticks = Self.ticks(unit, step: step, from: start, to: end)
            let room = ticks.count < 2 ? width : width * Double(ticks[1].day.ordinal - ticks[0].day.ordinal) / span
            let widest = Double(ticks.map(\.label.count).max() ?? 0) * characterWidth
            if ticks.count <= 1 || room >= widest + gap { return TimeTicks(unit: unit, step: step, ticks: ticks) }
        }
        return TimeTicks(unit: .year, step: 1000, ticks: [])
    }

    /// The first day of every `step`th unit from `start` up to `end`; years and quarters aligned to their
    /// multiples (2020, 2025, 2030), so that labels read as round figures.
    static func ticks(_ unit: Unit, step: Int, from start: Day, to end: Day) -> [Tick] {
        var ticks: [Tick] = []
        var day: Day
        switch unit {
        case .month: day = Day(year: start.year, month: start.month, day: 1)!
        case .quarter: day = start.quarter.firstDay
        case .year: day = Day(year: max(1, start.year - start.year % step), month: 1, day: 1)!
        }
        while day < end && ticks.count < 2_000 {
            if day >= start {
                let label: String
                switch unit {
                case .month: label = String(day.description.prefix(7))
                case .quarter: label = day.quarter.description
                case .year: label = String(day.year)
                }
                ticks.append(Tick(day: day, label: label))
            }
            let months = unit == .month ? step : unit == .quarter ? 3 * step : 12 * step
            let next = day.addingMonths(months)
            if next <= day { break }
            day = next
        }
        return ticks
    }

    /// A gridline per tick across the plot of `axis`, and each label right of its line under the plot; a label
    /// that would run past the plot is left out.
    func draw(into svg: inout Markup, _ axis: ChartAxis, characterWidth: Double) {
        for tick in ticks {
            let x = axis.x(tick.day)
            svg.empty("line", [
                ("class", "grid"), ("x1", Markup.number(x)), ("y1", Markup.number(axis.top)), ("x2", Markup.number(x)),
                ("y2", Markup.number(axis.bottom)),
            ])
            guard x + 3 + Double(tick.label.count) * characterWidth <= axis.right + 12 else { continue }
            svg.element("text", [("class", "tick"), ("x", Markup.number(x + 3)), ("y", Markup.number(axis.bottom + 16))], text: tick.label)
        }
    }
}

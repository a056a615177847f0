/// A chart's mapping from days and amounts to positions: days linear across the plot's width, amounts linear up
/// its height from zero (a price axis that does not start at zero makes small changes look large).
struct ChartAxis: Sendable {
    /// The plot area, in SVG units (y grows downwards).
    var left: Double
    var right: Double
    var top: Double
    var bottom: Double
    /// The first day and the day after the last.
    var start: Day
    var end: Day
    /// The top of the amount axis: a round figure at or above the highest price.
    var maximum: Money
    /// The amount between gridlines.
    var tick: Money

    func x(_ day: Day) -> Double {
        let span = Double(max(1, end.ordinal - start.ordinal))
        return left + Double(day.ordinal - start.ordinal) / span * (right - left)
    }

    func y(_ amount: Money) -> Double {
        bottom - Double(amount.micros) / Double(max(1, maximum.micros)) * (bottom - top)
    }

    /// The x of an amount on a horizontal amount axis (the range chart).
    func across(_ amount: Money) -> Double {
        left + Double(amount.micros) / Double(max(1, maximum.micros)) * (right - left)
    }

    /// The gridline amounts from zero to the maximum.
    var ticks: [Money] {
        stride(from: Int64(0), through: maximum.micros, by: Int(max(1, tick.micros))).map(Money.init(micros:))
    }

    /// A round tick (1, 2, 2.5 or 5 times a power of ten, from a thousandth of a cent) giving at most `count`
    /// intervals up to `highest`, and the maximum it reaches; an axis of nothing but zeros reaches 1.
    static func roundTicks(upTo highest: Money, count: Int64 = 5) -> (tick: Money, maximum: Money) {
        let target = highest.micros > 0 ? highest.micros : DecimalText.scale
        var power: Int64 = 1
        while true {
            for multiple: Int64 in [10, 20, 25, 50] {
                let (step, overflow) = multiple.multipliedReportingOverflow(by: power)
                if overflow { return (Money(micros: target), Money(micros: target)) }
                let intervals = target / step + (target % step == 0 ? 0 : 1)
                let (top, beyond) = intervals.multipliedReportingOverflow(by: step)
                if intervals <= count && !beyond { return (Money(micros: step), Money(micros: top)) }
            }
            let (next, overflow) = power.multipliedReportingOverflow(by: 10)
            if overflow { return (Money(micros: target), Money(micros: target)) }
            power = next
        }
    }
}

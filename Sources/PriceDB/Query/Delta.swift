/// How a series' cell moved between two days (see README, "As of a date": trend delta).
public enum Delta: Hashable, Sendable {
    /// Both cells have a price: the change of the low and high per-GPU price, absolute and in tenths of a
    /// percent of the earlier price (`nil` when the earlier price was zero).
    case change(low: Money, high: Money, lowPercentTenths: Int64?, highPercentTenths: Int64?)
    /// A price now where there was none.
    case new
    /// A price before, and now none.
    case gone
    /// A price before, and now only one older than the stale limit: not gone, but not current either.
    case stale
    /// No price either time.
    case none

    /// How `later` differs from `earlier`; a stale cell counts as no price, and a price that went stale reads
    /// `stale`.
    public static func between(_ earlier: Cell, _ later: Cell) -> Delta {
        let before = earlier.stale ? nil : earlier.price
        let after = later.stale ? nil : later.price
        if later.stale, later.price != nil, before != nil { return .stale }
        switch (before, after) {
        case (let before?, let after?):
            return .change(
                low: after.low - before.low, high: after.high - before.high,
                lowPercentTenths: percentTenths(from: before.low, to: after.low),
                highPercentTenths: percentTenths(from: before.high, to: after.high))
        case (nil, _?): return .new
        case (_?, nil): return .gone
        case (nil, nil): return .none
        }
    }

    private static func percentTenths(from old: Money, to new: Money) -> Int64? {
        DecimalText.scaled((new - old).micros, times: 1000, over: old.micros)
    }
}

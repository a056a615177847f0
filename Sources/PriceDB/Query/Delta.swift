/// How a series' cell moved between two days (see docs/guide.md, "As of a date": trend delta).
public enum Delta: Hashable, Sendable {
    /// Both cells have a price: the change of the low and high per-GPU price, absolute and in tenths of a
    /// percent of the earlier price (`nil` when the earlier price was zero). `since` is the day of the earlier
    /// price when it was already stale: the change is then measured against the last known price.
    case change(low: Money, high: Money, lowPercentTenths: Int64?, highPercentTenths: Int64?, since: Day? = nil)
    /// The later cell repeats the earlier one because nothing was observed in between (a quarter without data).
    case notObserved
    /// A price now where there was none.
    case new
    /// A price before, and now none.
    case gone
    /// A price before, and now only one older than the stale limit: not gone, but not current either.
    case stale
    /// No price either time.
    case none

    /// How `later` differs from `earlier`. A later stale cell counts as no price (a price that went stale reads
    /// `stale`); an earlier stale one is the last known price, and the change is measured from its day.
    public static func between(_ earlier: Cell, _ later: Cell) -> Delta {
        let before = earlier.price
        let after = later.stale ? nil : later.price
        if later.stale, later.price != nil { return earlier.stale || before == nil ? .none : .stale }
        switch (before, after) {
        case (let before?, let after?):
            return .change(
                low: after.low - before.low, high: after.high - before.high,
                lowPercentTenths: percentTenths(from: before.low, to: after.low),
                highPercentTenths: percentTenths(from: before.high, to: after.high),
                since: earlier.stale ? earlier.observedOn : nil)
        case (nil, _?): return .new
        case (_?, nil): return earlier.stale ? .none : .gone
        case (nil, nil): return .none
        }
    }

    private static func percentTenths(from old: Money, to new: Money) -> Int64? {
        DecimalText.scaled((new - old).micros, times: 1000, over: old.micros)
    }
}

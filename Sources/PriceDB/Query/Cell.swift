/// What one provider charged for one GPU as of a day: the figure a comparison table shows in one cell.
/// How it is chosen is defined once, in the docs/guide.md ("As of a date").
public struct Cell: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        /// The lowest and highest per-GPU hourly price.
        case price(PriceRange)
        /// The provider said it does not offer this GPU.
        case unavailable
        case comingSoon
        /// Nothing was observed on or before the day.
        case noData
    }

    public var value: Value
    public var currency: String
    /// The price is a multi-GPU unit's price divided by its GPU count (the article's `~$4,10*`).
    public var derived: Bool
    /// The source marked the figure as approximate, or it is a per-GPU share that is not a whole number of
    /// cents (32.77 / 8 = 4.09625 shows as `~$4.10*`; 28.00 / 8 shows as `$3.50*`).
    public var approximate: Bool
    /// The date of the observations the cell comes from.
    public var observedOn: Day?
    /// The observations are older than the stale limit.
    public var stale: Bool
    /// The price was converted from the currency it was observed in, at the rate of its observation date.
    public var converted = false

    public static let noData = Cell(
        value: .noData, currency: "USD", derived: false, approximate: false, observedOn: nil, stale: false)

    public var price: PriceRange? {
        if case .price(let range) = value { return range }
        return nil
    }

    /// The cell of the offers of one series' latest date. Among available offers it takes the smallest unit of
    /// at least one whole GPU (a single-GPU offer rather than the per-GPU share of an 8-GPU instance; fractional
    /// shares only when nothing else is offered), in the currency most of those offers use, and the lowest and
    /// highest per-GPU price among offers of that size.
    public static func of(_ groups: [OfferGroup], staleBefore limit: Day) -> Cell {
        guard let date = groups.map(\.observedOn).max() else { return .noData }
        let stale = date < limit
        let priced = preferredUnits(groups.filter { $0.price != nil })
        guard !priced.isEmpty else {
            let value: Value = groups.contains { $0.status == .comingSoon } ? .comingSoon : .unavailable
            return Cell(value: value, currency: "USD", derived: false, approximate: false, observedOn: date, stale: stale)
        }
        let perGPU = priced.compactMap { group in group.price.map { $0.perGPU(of: group.gpuCount) } }
        let range = PriceRange(low: perGPU.map(\.low).min() ?? Money(micros: 0), high: perGPU.map(\.high).max() ?? Money(micros: 0))
        let derived = priced[0].gpuCount > .one
        // A per-GPU share that is not a whole number of cents is shown rounded, so it is approximate too.
        let rounded = derived && (range.low.micros % 10_000 != 0 || range.high.micros % 10_000 != 0)
        return Cell(
            value: .price(range), currency: priced[0].currency, derived: derived,
            approximate: rounded || priced.contains { $0.approximate }, observedOn: date, stale: stale,
            converted: priced.contains { $0.converted })
    }

    private static func preferredUnits(_ priced: [OfferGroup]) -> [OfferGroup] {
        guard !priced.isEmpty else { return [] }
        let whole = priced.filter { $0.gpuCount >= .one }
        let pool = whole.isEmpty ? priced : whole
        let smallest = pool.map(\.gpuCount).min()!
        let sized = pool.filter { $0.gpuCount == smallest }
        // Nearly always one currency; counting them is for the rare series priced in several.
        if sized.allSatisfy({ $0.currency == sized[0].currency }) { return sized }
        let currency = Currency.mostCommon(sized.map(\.currency), weights: sized.map(\.offers))
        return sized.filter { $0.currency == currency }
    }
}

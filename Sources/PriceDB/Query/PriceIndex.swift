/// How an index combines the providers' prices into one figure (see docs/guide.md, "Price index").
public enum IndexMethod: String, CaseIterable, Sendable {
    /// The median: half the providers are cheaper, half dearer.
    case median
    /// The mean of the prices left after the lowest and highest 10 % of providers (rounded down) are set aside.
    case trimmedMean = "trimmed-mean"
}

/// One GPU's market price in one period: each provider counted once, with its cheapest fresh per-GPU price,
/// and the figures across providers. Percentiles interpolate linearly between the two nearest ranks (the
/// "inclusive" definition of spreadsheets: the 25th percentile of 1, 2, 3, 4 is 1.75).
public struct PriceIndex: Sendable {
    public var gpu: GPU
    public var period: IndexStep.Span
    /// The day the index is as of: the period's last day, or an earlier one for the period in progress.
    public var asOf: Day
    public var currency: String
    /// Each counted provider's price, cheapest first.
    public var prices: [(provider: Provider, price: Money)]
    /// Providers with a fresh price in another currency, left out without `--currency`.
    public var otherCurrencies: [(provider: Provider, currency: String)]
    public var summary: Summary?
    /// The change of the index figure from the previous period, and in tenths of a percent of it.
    public var change: Money?
    public var changePercentTenths: Int64?

    /// The figures across providers.
    public struct Summary: Hashable, Sendable {
        /// The index figure: the median, or the trimmed mean.
        public var value: Money
        public var lowerQuartile: Money
        public var upperQuartile: Money
        public var lowest: Money
        public var highest: Money
        public var providers: Int

        /// The summary of `prices` (any order); `nil` for none.
        public static func of(_ prices: [Money], method: IndexMethod) -> Summary? {
            let sorted = prices.sorted()
            guard let lowest = sorted.first, let highest = sorted.last else { return nil }
            let value: Money
            switch method {
            case .median: value = percentile(50, of: sorted)
            case .trimmedMean: value = trimmedMean(of: sorted)
            }
            return Summary(
                value: value, lowerQuartile: percentile(25, of: sorted), upperQuartile: percentile(75, of: sorted),
                lowest: lowest, highest: highest, providers: sorted.count)
        }

        /// The `p`th percentile of sorted prices: rank p/100 × (n − 1), between the two nearest prices,
        /// rounded half to even to a micro-unit.
        static func percentile(_ p: Int, of sorted: [Money]) -> Money {
            let steps = p * (sorted.count - 1)
            let (index, remainder) = steps.quotientAndRemainder(dividingBy: 100)
            guard remainder != 0 else { return sorted[index] }
            let low = Int128(sorted[index].micros), high = Int128(sorted[index + 1].micros)
            let value = DecimalText.rounded(low * 100 + (high - low) * Int128(remainder), over: 100)
            return Money(micros: Int64(value))
        }

        /// The mean after setting aside ⌊n/10⌋ prices at each end, rounded half to even to a micro-unit.
        static func trimmedMean(of sorted: [Money]) -> Money {
            let cut = sorted.count / 10
            let kept = sorted[cut..<(sorted.count - cut)]
            let sum = kept.reduce(Int128(0)) { $0 + Int128($1.micros) }
            return Money(micros: Int64(DecimalText.rounded(sum, over: Int128(kept.count))))
        }
    }
}

extension PriceIndex {
    /// The index of each GPU of `grid`, as of the grid's day, for `period`; its change is measured against the
    /// same GPU's index in `before` (the period just before), when both have one in the same currency. A grid
    /// with no price of a GPU gives it an index without a summary, in `fallbackCurrency`.
    static func of(
        _ grid: Comparison, period: IndexStep.Span, method: IndexMethod, after before: [PriceIndex] = [],
        fallbackCurrency: String = "USD"
    ) -> [PriceIndex] {
        let earlier = Dictionary(before.map { ($0.gpu.id, $0) }, uniquingKeysWith: { first, _ in first })
        return grid.gpus.enumerated().map { row, gpu in
            var priced: [(provider: Provider, price: Money, currency: String)] = []
            for (column, provider) in grid.providers.enumerated() {
                let cell = grid.cells[row][column]
                guard !cell.stale, let price = cell.price else { continue }
                priced.append((provider, price.low, cell.currency))
            }
            let currency = Currency.mostCommon(priced.map(\.currency)) ?? fallbackCurrency
            let counted = priced.filter { $0.currency == currency }.sorted { ($0.price, $0.provider.id) < ($1.price, $1.provider.id) }
            var index = PriceIndex(
                gpu: gpu, period: period, asOf: grid.asOf, currency: currency,
                prices: counted.map { ($0.provider, $0.price) },
                otherCurrencies: priced.filter { $0.currency != currency }.map { ($0.provider, $0.currency) },
                summary: Summary.of(counted.map(\.price), method: method))
            if let value = index.summary?.value, let previous = earlier[gpu.id], previous.currency == currency,
                let was = previous.summary?.value
            {
                index.change = value - was
                index.changePercentTenths = DecimalText.scaled((value - was).micros, times: 1000, over: was.micros)
            }
            return index
        }
    }
}

extension PriceQuery {
    /// The index of each of `gpus` in each of `periods` (oldest first) over `providers`, each period as of its
    /// last day or `asOf`, whichever is earlier: one grid a period. With a converter every price is in its
    /// currency, converted at its own observation date's rate; without, each index combines the currency most
    /// providers use.
    public func index(
        gpus: [GPU], providers: [Provider], periods: [IndexStep.Span], asOf: Day, method: IndexMethod
    ) throws(StoreError) -> [PriceIndex] {
        var indexes: [PriceIndex] = []
        var previous: [PriceIndex] = []
        for period in periods {
            let grid = try comparison(asOf: min(period.last, asOf), providers: providers, gpus: gpus)
            previous = PriceIndex.of(
                grid, period: period, method: method, after: previous, fallbackCurrency: converter?.target ?? "USD")
            indexes += previous
        }
        return indexes
    }
}

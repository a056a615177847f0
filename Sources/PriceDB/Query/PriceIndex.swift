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

extension PriceQuery {
    /// The index of each of `gpus` in each of `periods` (oldest first) over `providers`, each period as of its
    /// last day or `asOf`, whichever is earlier. With a converter every price is in its currency, converted at
    /// its own observation date's rate; without, each index combines the currency most providers use.
    public func index(
        gpus: [GPU], providers: [Provider], periods: [IndexStep.Span], asOf: Day, method: IndexMethod
    ) throws(StoreError) -> [PriceIndex] {
        var indexes: [PriceIndex] = []
        // Per GPU, the period before's index and its currency.
        var previous: [String: (currency: String, value: Money)] = [:]
        for period in periods {
            let day = min(period.last, asOf)
            let grid = try comparison(asOf: day, providers: providers, gpus: gpus)
            for (row, gpu) in gpus.enumerated() {
                var priced: [(provider: Provider, price: Money, currency: String)] = []
                for (column, provider) in providers.enumerated() {
                    let cell = grid.cells[row][column]
                    guard !cell.stale, let price = cell.price else { continue }
                    priced.append((provider, price.low, cell.currency))
                }
                let currency = Currency.mostCommon(priced.map(\.currency)) ?? converter?.target ?? "USD"
                let counted = priced.filter { $0.currency == currency }.sorted { ($0.price, $0.provider.id) < ($1.price, $1.provider.id) }
                var index = PriceIndex(
                    gpu: gpu, period: period, asOf: day, currency: currency,
                    prices: counted.map { ($0.provider, $0.price) },
                    otherCurrencies: priced.filter { $0.currency != currency }.map { ($0.provider, $0.currency) },
                    summary: PriceIndex.Summary.of(counted.map(\.price), method: method))
                // Against the period just before, in the same currency; none after a period without an index.
                if let value = index.summary?.value, let before = previous[gpu.id], before.currency == currency {
                    index.change = value - before.value
                    index.changePercentTenths = DecimalText.scaled((value - before.value).micros, times: 1000, over: before.value.micros)
                }
                previous[gpu.id] = index.summary.map { (currency, $0.value) }
                indexes.append(index)
            }
        }
        return indexes
    }
}

/// One GPU's per-GPU hourly price at each provider over a span of days, as a chart draws it: steps, since a
/// price holds until the next observation, with gaps where a series is stale, gone or unpriced.
public struct PriceHistory: Sendable {
    public var gpu: GPU
    /// The first day shown, and the day after the last (steps end there at the latest).
    public var start: Day
    public var end: Day
    /// The currency the steps are in: the one most series use (or the one they were converted into).
    public var currency: String
    public var series: [Series]
    /// Providers whose prices are in another currency than `currency`, left out.
    public var otherCurrencies: [String]

    /// One provider's steps, oldest first.
    public struct Series: Sendable {
        public var provider: Provider
        public var steps: [Step]
    }

    /// The cell's lowest and highest per-GPU price from `from` up to (not including) `to`.
    public struct Step: Hashable, Sendable {
        public var from: Day
        public var to: Day
        public var price: PriceRange
        /// The observation the figure comes from.
        public var observedOn: Day
        public var converted: Bool
    }

    /// The highest price of any step, for an axis.
    public var highest: Money? {
        series.flatMap(\.steps).map(\.price.high).max()
    }
}

extension PriceQuery {
    /// The cells of `gpu` at `providers` on every day from `start` through `last`, as steps: a step begins on
    /// each day a series was observed (or on `start`, with the cell as of the day before) and lasts until the
    /// next observation, the day the cell turns stale, or the end, whichever comes first. Cells without a price
    /// leave gaps. The same cells the report shows, day by day.
    public func history(of gpu: GPU, providers: [Provider], from start: Day, through last: Day) throws(StoreError) -> PriceHistory {
        let end = last.adding(days: 1)
        let filter = PriceStore.SeriesFilter(providers: providers.map(\.id), gpus: [gpu.id], tiers: tiers, regions: regions)
        let before = try cells(providers: providers.map(\.id), gpus: [gpu.id], asOf: start.adding(days: -1))
        let daily = try store.dailyOfferGroups(from: start, through: last, filter)
        var cellsByProvider: [String: [(day: Day, cell: Cell)]] = [:]
        for provider in providers {
            var cells: [(day: Day, cell: Cell)] = []
            if let earlier = before[PriceStore.SeriesKey(provider: provider.id, gpu: gpu.id)], earlier.price != nil {
                cells.append((start, earlier))
            }
            let groups = daily[provider.id] ?? []
            for (day, sameDay) in Dictionary(grouping: groups, by: \.observedOn).sorted(by: { $0.key < $1.key }) {
                cells.append((day, Cell.of(try converted(sameDay), staleBefore: .earliest)))
            }
            cellsByProvider[provider.id] = cells
        }
        let currency = converter?.target
            ?? Currency.mostCommon(cellsByProvider.values.joined().filter { $0.cell.price != nil }.map(\.cell.currency)) ?? "USD"
        var series: [PriceHistory.Series] = []
        var others: Set<String> = []
        for provider in providers {
            let cells = cellsByProvider[provider.id] ?? []
            var steps: [PriceHistory.Step] = []
            for (index, entry) in cells.enumerated() {
                guard let price = entry.cell.price, let observed = entry.cell.observedOn else { continue }
                guard entry.cell.currency == currency else {
                    others.insert(provider.name)
                    continue
                }
                let next = index + 1 < cells.count ? cells[index + 1].day : end
                let to = min(next, end, freshUntil(observed))
                guard entry.day < to else { continue }
                let step = PriceHistory.Step(from: entry.day, to: to, price: price, observedOn: observed, converted: entry.cell.converted)
                // A re-observation at the same price continues the step.
                if let previous = steps.last, previous.to == step.from, previous.price == step.price {
                    steps[steps.count - 1].to = step.to
                    steps[steps.count - 1].observedOn = step.observedOn
                } else {
                    steps.append(step)
                }
            }
            if !steps.isEmpty { series.append(PriceHistory.Series(provider: provider, steps: steps)) }
        }
        return PriceHistory(
            gpu: gpu, start: start, end: end, currency: currency, series: series, otherCurrencies: others.sorted())
    }

    /// The first day on which a cell observed on `day` counts as stale.
    func freshUntil(_ day: Day) -> Day {
        var candidate = day.addingMonths(3 * min(staleAfterQuarters, 4_000))
        while candidate < .latest, staleLimit(asOf: candidate) <= day { candidate = candidate.adding(days: 1) }
        while candidate > day, staleLimit(asOf: candidate.adding(days: -1)) > day { candidate = candidate.adding(days: -1) }
        return candidate
    }
}

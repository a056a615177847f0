/// Answers questions about prices as of a day. It reads through `PriceStore` and returns plain values; it never
/// formats anything (see docs/guide.md, "As of a date", for the definitions it implements).
public struct PriceQuery: Sendable {
    public let store: PriceStore
    /// Which tiers count; the default report counts on-demand, secure, community and marketplace offers.
    public var tiers: [Tier]
    /// A cell whose observations are older than this many quarters before the day is marked stale.
    public var staleAfterQuarters: Int
    /// Only observations in these regions (and those whose region is not known) count; `nil` for all.
    public var regions: [String]?
    /// Prices in one currency, each converted at the rate of its own date; `nil` to keep every price as observed.
    public var converter: CurrencyConverter?

    public init(
        store: PriceStore, tiers: [Tier] = Tier.reportedByDefault, staleAfterQuarters: Int = 2, regions: [String]? = nil,
        converter: CurrencyConverter? = nil
    ) {
        self.store = store
        self.converter = converter
        self.tiers = tiers
        self.staleAfterQuarters = staleAfterQuarters
        self.regions = regions
    }

    /// The first day whose observations are still fresh as of `day`.
    public func staleLimit(asOf day: Day) -> Day {
        let (months, overflow) = staleAfterQuarters.multipliedReportingOverflow(by: -3)
        return overflow ? .earliest : day.addingMonths(months)
    }

    /// The cell of one series as of `day`: from the observations of its latest date on or before `day`.
    public func cell(provider: String, gpu: String, asOf day: Day) throws(StoreError) -> Cell {
        try cells(providers: [provider], gpus: [gpu], asOf: day)[PriceStore.SeriesKey(provider: provider, gpu: gpu)] ?? .noData
    }

    /// The cells of every series of `providers` × `gpus` as of `day`; a series without an observation is
    /// absent. A series that one feed alone answers (nearly all) comes from the day summaries; one that several
    /// sources answer, or a filter of regions, needs the offers themselves (`AsOfRule`).
    func cells(providers: [String], gpus: [String], asOf day: Day) throws(StoreError) -> [PriceStore.SeriesKey: Cell] {
        let filter = PriceStore.SeriesFilter(providers: providers, gpus: gpus, tiers: tiers, regions: regions)
        let limit = staleLimit(asOf: day)
        var cells: [PriceStore.SeriesKey: Cell] = [:]
        var shared: [PriceStore.SeriesKey] = []
        if regions == nil {
            for (key, feeds) in try store.latestFeedGroups(asOf: day, filter) {
                let latest = feeds.compactMapValues { $0.map(\.observedOn).max() }
                let counted = AsOfRule.countedFeeds(latest: latest, freshFrom: limit)
                if counted.count == 1, let feed = counted.first, let groups = feeds[feed] {
                    cells[key] = Cell.of(try converted(groups), staleBefore: limit)
                } else {
                    shared.append(key)
                }
            }
            if shared.isEmpty { return cells }
        }
        let offers = regions == nil
            ? PriceStore.SeriesFilter(
                providers: Array(Set(shared.map(\.provider))), gpus: Array(Set(shared.map(\.gpu))), tiers: tiers)
            : filter
        let wanted = regions == nil ? Set(shared) : nil
        var groups: [PriceStore.SeriesKey: [OfferGroup]] = [:]
        for sighting in AsOfRule.counted(try store.offerSightings(asOf: day, offers), freshFrom: limit)
        where wanted?.contains(sighting.series) ?? true {
            groups[sighting.series, default: []].append(sighting.group)
        }
        for (key, groups) in groups { cells[key] = Cell.of(try converted(groups), staleBefore: limit) }
        return cells
    }

    /// Each provider's cell price on each day from `start` through `end` that its series was observed with one
    /// (the same choice of unit size as a cell, per observation date): what a quarter's spread ranges over.
    func dailyPrices(providers: [String], gpu: String, from start: Day, through end: Day) throws(StoreError)
        -> [String: [(day: Day, price: PriceRange)]]
    {
        let filter = PriceStore.SeriesFilter(providers: providers, gpus: [gpu], tiers: tiers, regions: regions)
        var prices: [String: [(day: Day, price: PriceRange)]] = [:]
        for (provider, groups) in try store.dailyOfferGroups(from: start, through: end, filter) {
            for (day, sameDay) in Dictionary(grouping: groups, by: \.observedOn) {
                guard let price = Cell.of(try converted(sameDay), staleBefore: .earliest).price else { continue }
                prices[provider, default: []].append((day, price))
            }
        }
        return prices
    }

    /// The lowest and highest of each provider's daily prices from `start` through `end` (all of them by
    /// default); a provider with no priced day then is absent.
    static func spreads(
        of prices: [String: [(day: Day, price: PriceRange)]], from start: Day = .earliest, through end: Day = .latest
    ) -> [String: PriceRange] {
        var spreads: [String: PriceRange] = [:]
        for (provider, daily) in prices {
            for (day, price) in daily where start <= day && day <= end {
                let range = spreads[provider]
                spreads[provider] = PriceRange(
                    low: min(range?.low ?? price.low, price.low), high: max(range?.high ?? price.high, price.high))
            }
        }
        return spreads
    }

    /// `groups` in the converter's currency, or as observed without one.
    func converted(_ groups: [OfferGroup]) throws(StoreError) -> [OfferGroup] {
        guard let converter else { return groups }
        var converted: [OfferGroup] = []
        for group in groups { converted.append(try converter.convert(group)) }
        return converted
    }

    /// The first and last observation dates; fails with a helpful message when `day` precedes every
    /// observation or the database is empty.
    @discardableResult
    public func checkHasData(asOf day: Day) throws(QueryError) -> ClosedRange<Day> {
        let range: ClosedRange<Day>?
        do { range = try store.observationDateRange() } catch { throw .store(error) }
        guard let range else { throw .emptyDatabase }
        if day < range.lowerBound { throw .beforeFirstObservation(asOf: day, earliest: range.lowerBound) }
        return range
    }


    /// The comparison grid as of `day`: one row per GPU, one column per provider, from one query.
    public func comparison(asOf day: Day, providers: [Provider], gpus: [GPU]) throws(StoreError) -> Comparison {
        let found = try cells(providers: providers.map(\.id), gpus: gpus.map(\.id), asOf: day)
        let cells = gpus.map { gpu in
            providers.map { provider in found[PriceStore.SeriesKey(provider: provider.id, gpu: gpu.id)] ?? .noData }
        }
        return Comparison(asOf: day, providers: providers, gpus: gpus, cells: cells)
    }

    /// One GPU quarter by quarter, from `first` to the quarter of `day`: each provider's quarterly snapshot, its
    /// change from the quarter before, and (if `withSpreads`) its spread within the quarter. Only what was
    /// observed on or before `day` counts, so the quarter holding `day` is taken as of `day` (a partial quarter).
    /// A spread reads every day of the quarters, a snapshot only their last days: without spreads, the cost
    /// follows the number of quarters, not the length of the history.
    public func quarters(gpu: GPU, providers: [Provider], from first: Quarter, through day: Day, withSpreads: Bool = true)
        throws(StoreError) -> [QuarterRow]
    {
        var rows: [QuarterRow] = []
        var previous = try comparison(asOf: first.previous.lastDay, providers: providers, gpus: [gpu]).cells[0]
        // The daily prices of every quarter in one read; each quarter's spread is its share of them.
        let daily = withSpreads
            ? try dailyPrices(providers: providers.map(\.id), gpu: gpu.id, from: first.firstDay, through: day) : nil
        var quarter = first
        while quarter <= day.quarter {
            let end = min(quarter.lastDay, day)
            let cells = try comparison(asOf: end, providers: providers, gpus: [gpu]).cells[0]
            let spreads = daily.map { daily in
                let spreads = Self.spreads(of: daily, from: quarter.firstDay, through: end)
                return providers.map { spreads[$0.id] }
            }
            rows.append(
                QuarterRow(
                    quarter: quarter, through: end, cells: cells,
                    deltas: zip(previous, cells).map { Self.delta(from: $0, to: $1, observedFrom: quarter.firstDay) },
                    spreads: spreads))
            previous = cells
            quarter = quarter.next
        }
        return rows
    }

    /// How `later` differs from `earlier`, where `later` should hold what was observed from `start`: a price
    /// carried over from before then is `notObserved`, not `unchanged`.
    static func delta(from earlier: Cell, to later: Cell, observedFrom start: Day) -> Delta {
        let delta = Delta.between(earlier, later)
        if case .change = delta, let day = later.observedOn, day < start { return .notObserved }
        return delta
    }

    /// The grid of the same providers and GPUs as of the end of the quarter before `grid`'s day: what trends
    /// and the index's change are measured against.
    public func previousQuarter(of grid: Comparison) throws(StoreError) -> Comparison {
        try comparison(asOf: grid.asOf.quarter.previous.lastDay, providers: grid.providers, gpus: grid.gpus)
    }

    /// How every series of `grid` moved since `before` (`previousQuarter(of: grid)`); series without a price
    /// either time are left out.
    public static func trends(of grid: Comparison, since before: Comparison) -> [Trend] {
        let since = before.asOf
        var trends: [Trend] = []
        for (row, gpu) in grid.gpus.enumerated() {
            for (column, provider) in grid.providers.enumerated() {
                let delta = Self.delta(
                    from: before.cells[row][column], to: grid.cells[row][column], observedFrom: since.adding(days: 1))
                if delta == .none { continue }
                trends.append(
                    Trend(
                        gpu: gpu, provider: provider, since: since, before: before.cells[row][column],
                        after: grid.cells[row][column], delta: delta))
            }
        }
        return trends
    }
}

/// The comparison grid of a report: `cells[gpuIndex][providerIndex]`.
public struct Comparison: Sendable {
    public var asOf: Day
    public var providers: [Provider]
    public var gpus: [GPU]
    public var cells: [[Cell]]
}

/// One quarter of `pricedb quarters`: per provider, the cell as of the quarter's last day, the change from the
/// quarter before, and the within-quarter spread.
public struct QuarterRow: Sendable {
    public var quarter: Quarter
    /// The day the row is as of: the quarter's last day, or an earlier one for the quarter in progress.
    public var through: Day
    public var isPartial: Bool { through < quarter.lastDay }
    public var cells: [Cell]
    public var deltas: [Delta]
    /// Per provider, the lowest and highest daily price within the quarter; `nil` when not asked for.
    public var spreads: [PriceRange?]?

    /// The row with only the providers at `indices`.
    func keeping(_ indices: [Int]) -> QuarterRow {
        var row = self
        row.cells = indices.map { cells[$0] }
        row.deltas = indices.map { deltas[$0] }
        row.spreads = spreads.map { spreads in indices.map { spreads[$0] } }
        return row
    }
}

/// One series' move between the end of the previous quarter and the report's day.
public struct Trend: Sendable {
    public var gpu: GPU
    public var provider: Provider
    public var since: Day
    public var before: Cell
    public var after: Cell
    public var delta: Delta
}

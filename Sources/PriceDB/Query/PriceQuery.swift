/// Answers questions about prices as of a day. It reads through `PriceStore` and returns plain values; it never
/// formats anything (see README, "As of a date", for the definitions it implements).
public struct PriceQuery: Sendable {
    public let store: PriceStore
    /// Which tiers count; the default report counts on-demand, secure, community and marketplace offers.
    public var tiers: [Tier]
    /// A cell whose observations are older than this many quarters before the day is marked stale.
    public var staleAfterQuarters: Int
    /// Only observations in these regions (and those whose region is not known) count; `nil` for all.
    public var regions: [String]?

    public init(
        store: PriceStore, tiers: [Tier] = Tier.reportedByDefault, staleAfterQuarters: Int = 2, regions: [String]? = nil
    ) {
        self.store = store
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
        guard let latest = try store.latestObservationDate(
            provider: provider, gpu: gpu, tiers: tiers, regions: regions, onOrBefore: day)
        else { return .noData }
        let groups = try store.offerGroups(
            provider: provider, gpu: gpu, tiers: tiers, regions: regions, from: latest, through: latest)
        return Cell.of(groups, staleBefore: staleLimit(asOf: day))
    }

    /// The lowest and highest per-GPU price of any observation of a series dated within `quarter` (up to `day`
    /// at most), with the same choice of unit size as a cell; `nil` if none carried a price.
    public func spread(provider: String, gpu: String, in quarter: Quarter, through day: Day? = nil) throws(StoreError) -> PriceRange? {
        let end = min(quarter.lastDay, day ?? quarter.lastDay)
        let groups = try store.offerGroups(
            provider: provider, gpu: gpu, tiers: tiers, regions: regions, from: quarter.firstDay, through: end)
        var range: PriceRange?
        for (_, sameDay) in Dictionary(grouping: groups, by: \.observedOn) {
            guard let price = Cell.of(sameDay, staleBefore: quarter.firstDay).price else { continue }
            range = PriceRange(low: min(range?.low ?? price.low, price.low), high: max(range?.high ?? price.high, price.high))
        }
        return range
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


    /// The comparison grid as of `day`: one row per GPU, one column per provider.
    public func comparison(asOf day: Day, providers: [Provider], gpus: [GPU]) throws(StoreError) -> Comparison {
        var cells: [[Cell]] = []
        for gpu in gpus {
            var row: [Cell] = []
            for provider in providers {
                row.append(try cell(provider: provider.id, gpu: gpu.id, asOf: day))
            }
            cells.append(row)
        }
        return Comparison(asOf: day, providers: providers, gpus: gpus, cells: cells)
    }

    /// One GPU quarter by quarter, from `first` to the quarter of `day`: each provider's quarterly snapshot, its
    /// change from the quarter before, and its spread within the quarter. Only what was observed on or before
    /// `day` counts, so the quarter holding `day` is taken as of `day` (a partial quarter).
    public func quarters(gpu: GPU, providers: [Provider], from first: Quarter, through day: Day)
        throws(StoreError) -> [QuarterRow]
    {
        var rows: [QuarterRow] = []
        var previous = try providers.map { provider throws(StoreError) in
            try cell(provider: provider.id, gpu: gpu.id, asOf: first.previous.lastDay)
        }
        var quarter = first
        while quarter <= day.quarter {
            let end = min(quarter.lastDay, day)
            var cells: [Cell] = []
            var spreads: [PriceRange?] = []
            for provider in providers {
                cells.append(try cell(provider: provider.id, gpu: gpu.id, asOf: end))
                spreads.append(try spread(provider: provider.id, gpu: gpu.id, in: quarter, through: end))
            }
            rows.append(
                QuarterRow(
                    quarter: quarter, through: end, cells: cells,
                    deltas: zip(previous, cells).map { Delta.between($0, $1) }, spreads: spreads))
            previous = cells
            quarter = quarter.next
        }
        return rows
    }

    /// How every series of `grid` moved since the end of the previous quarter; series without a price either
    /// time are left out.
    public func trends(of grid: Comparison) throws(StoreError) -> [Trend] {
        let since = grid.asOf.quarter.previous.lastDay
        let before = try comparison(asOf: since, providers: grid.providers, gpus: grid.gpus)
        var trends: [Trend] = []
        for (row, gpu) in grid.gpus.enumerated() {
            for (column, provider) in grid.providers.enumerated() {
                let delta = Delta.between(before.cells[row][column], grid.cells[row][column])
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
    public var spreads: [PriceRange?]
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

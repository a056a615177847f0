import GRDB

extension Array {
    /// The first index whose element satisfies `belongs`, for an array in which every element that does comes
    /// after every one that does not (a binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Reading the history of price runs as the observations they stand for: an offer was observed on a day when a
/// run of it covers that day and its feed was observed then.
extension PriceStore {
    /// Which offers count: providers, GPUs, tiers and (optionally) regions.
    public struct SeriesFilter: Sendable {
        public var providers: [String]
        public var gpus: [String]
        public var tiers: [Tier]
        /// Offers in these regions, and those whose region is not known; `nil` for all.
        public var regions: [String]?

        public init(providers: [String], gpus: [String], tiers: [Tier], regions: [String]? = nil) {
            self.providers = providers
            self.gpus = gpus
            self.tiers = tiers
            self.regions = regions
        }

        /// The offers of the filter, for a `WHERE` clause on `offer o`.
        var condition: SQL {
            var sql: SQL = "o.provider_id IN \(providers) AND o.gpu_id IN \(gpus) AND o.tier IN \(tiers.map(\.rawValue))"
            if let regions { sql += " AND (o.region = '' OR o.region IN \(regions))" }
            return sql
        }
    }

    /// One provider and GPU.
    public struct SeriesKey: Hashable, Sendable {
        public var provider: String
        public var gpu: String
    }

    /// For every series of the filter and each of its feeds with an observation of it on or before `day`: the
    /// offers of that feed's latest such day, summarised per status, unit size and currency. Read from
    /// `series_day`, a few rows per series and feed, by seeks of its key, so the cost follows the number of
    /// series, not the length of the history. (A filter of regions needs the offers themselves:
    /// `offerSightings`.)
    public func latestFeedGroups(asOf day: Day, _ filter: SeriesFilter) throws(StoreError) -> [SeriesKey: [Int64: [OfferGroup]]] {
        try read { db in
            // Cached: `quarters` asks the same question once per quarter.
            let rows = try SQLRequest<Row>(literal: Self.latestSeriesDaysQuery(asOf: day, filter), cached: true).fetchAll(db)
            var groups: [SeriesKey: [Int64: [OfferGroup]]] = [:]
            for row in rows {
                guard let dayText = row[4] as String? else { continue }
                guard let day = Day(dayText) else { throw StoreError.damaged("a run has the day \(dayText)") }
                groups[SeriesKey(provider: row[0], gpu: row[1]), default: [:]][row[10], default: []]
                    .append(Self.offerGroup(row, day: day))
            }
            return groups
        }
    }

    /// The grid's statement: per series of the filter and feed of its provider, the feed's latest day with the
    /// series on or before `day` (a seek per feed and tier), and that day's summaries, merged over tiers.
    static func latestSeriesDaysQuery(asOf day: Day, _ filter: SeriesFilter) -> SQL {
        let tiers = filter.tiers.map(\.rawValue)
        // The innermost max() names the whole key but the day, so SQLite answers it with one seek; a max() over
        // a list of tiers, or over a join, would read every day of the series instead.
        let tierList = "[" + tiers.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        return """
            WITH series AS MATERIALIZED (
                SELECT p.id AS provider_id, g.id AS gpu_id, f.id AS feed_id, (
                    SELECT max((SELECT max(x.day) FROM series_day x
                                WHERE x.feed_id = f.id AND x.gpu_id = g.id AND x.tier = t.value AND x.day <= \(day.ordinal)))
                    FROM json_each(\(tierList)) t
                ) AS day
                FROM provider p JOIN feed f ON f.provider_id = p.id, gpu g
                WHERE p.id IN \(filter.providers) AND g.id IN \(filter.gpus)
            )
            SELECT l.provider_id, l.gpu_id, s.gpu_count_millionths, s.currency, date(l.day * 86400, 'unixepoch') AS day,
                s.status, min(s.price_low_micros) AS low, max(s.price_high_micros) AS high, max(s.approximate) AS approximate,
                sum(s.offers) AS offers, l.feed_id
            FROM series l
            JOIN series_day s ON s.feed_id = l.feed_id AND s.gpu_id = l.gpu_id AND s.tier IN \(tiers) AND s.day = l.day
            GROUP BY l.provider_id, l.gpu_id, l.feed_id, s.gpu_count_millionths, s.currency, s.status
            """
    }

    /// `latest_day`: per feed of the filter's providers, its latest day on or before `day`, and its latest day.
    static func latestDays(_ day: Day, _ filter: SeriesFilter) -> SQL {
        """
        WITH latest_day AS MATERIALIZED (
            SELECT f.id AS feed_id, (
                SELECT max(d.observed_on) FROM feed_day d WHERE d.feed_id = f.id AND d.observed_on <= \(day.description)
            ) AS day,
            -- As of the feed's latest day (a report as of today), the runs that cover it are the open ones.
            (SELECT max(d.observed_on) FROM feed_day d WHERE d.feed_id = f.id) AS latest
            FROM feed f WHERE f.provider_id IN \(filter.providers)
        )
        """
    }

    /// After `latestDays`: each offer of the filter with the run that gives its price then: `a`, the run that
    /// covers its feed's latest day, else `b`, the run before (one seek of `price_run`'s key each). Select from
    /// them with `current(column)`.
    static func runsAsOfLatestDay(_ filter: SeriesFilter) -> SQL {
        """
        FROM offer o JOIN latest_day l ON l.feed_id = o.feed_id
        LEFT JOIN price_run a ON a.offer_id = o.id
            AND a.last_seen = CASE WHEN l.day = l.latest THEN \(Self.openEnd)
                ELSE (SELECT min(x.last_seen) FROM price_run x WHERE x.offer_id = o.id AND x.last_seen >= l.day) END
        LEFT JOIN price_run b ON b.offer_id = o.id
            AND b.last_seen = CASE WHEN a.first_seen <= l.day THEN NULL
                ELSE (SELECT max(x.last_seen) FROM price_run x WHERE x.offer_id = o.id AND x.last_seen < l.day) END
        WHERE l.day IS NOT NULL AND \(filter.condition)
        """
    }

    /// A column of the run `runsAsOfLatestDay` found; `day` is the day of the sighting. The name is one of this
    /// file's constants, never input.
    static func current(_ column: String) -> SQL {
        let sighting = column == "day" ? "l.day" : "a." + column
        let before = column == "day" ? "b.last_seen" : "b." + column
        return SQL(sql: "CASE WHEN a.first_seen <= l.day THEN \(sighting) ELSE \(before) END")
    }

    /// The offers of the filter observed on each day from `start` to `end`, summarised per day, status, unit size
    /// and currency, by provider: the runs that overlap the days, spread over the days their feeds were observed.
    public func dailyOfferGroups(from start: Day, through end: Day, _ filter: SeriesFilter) throws(StoreError)
        -> [String: [OfferGroup]]
    {
        if filter.regions == nil { return try dailySeriesDays(from: start, through: end, filter) }
        return try read { db in
            // The runs that end within the days (a range of the key per offer), and the one run that covers their
            // last day and ends later (one seek): never the runs after, however long the history.
            let runs = try SQLRequest<Row>(
                literal: """
                    SELECT o.provider_id, o.feed_id, o.gpu_count_millionths, o.currency, r.first_seen, r.last_seen,
                        r.status, r.price_low_micros, r.price_high_micros, r.approximate
                    FROM offer o JOIN price_run r ON r.offer_id = o.id
                    WHERE \(filter.condition) AND r.last_seen BETWEEN \(start.description) AND \(end.description)
                    UNION ALL
                    SELECT o.provider_id, o.feed_id, o.gpu_count_millionths, o.currency, r.first_seen, r.last_seen,
                        r.status, r.price_low_micros, r.price_high_micros, r.approximate
                    FROM offer o JOIN price_run r ON r.offer_id = o.id AND r.last_seen = (
                        SELECT min(x.last_seen) FROM price_run x WHERE x.offer_id = o.id AND x.last_seen > \(end.description))
                    WHERE \(filter.condition) AND r.first_seen <= \(end.description)
                    """
            ).fetchAll(db)
            let feeds = Set(runs.map { $0["feed_id"] as Int64 })
            var feedDays: [Int64: [String]] = [:]
            for row in try SQLRequest<Row>(
                literal: """
                    SELECT DISTINCT feed_id, observed_on FROM feed_day
                    WHERE feed_id IN \(Array(feeds)) AND observed_on BETWEEN \(start.description) AND \(end.description)
                    ORDER BY observed_on
                    """
            ).fetchAll(db) {
                feedDays[row["feed_id"], default: []].append(row["observed_on"])
            }
            return try Self.summarise(runs, over: feedDays)
        }
    }

    /// `dailyOfferGroups` from `series_day`: a range of its key per feed, GPU and tier, each range in the order
    /// of day, status, unit size and currency. A provider with one range (one feed, and one GPU and tier with
    /// offers: the common case) needs nothing more; the rows of several are sorted and merged where they share a
    /// day, status, unit size and currency. Both cost less than SQLite's `GROUP BY` over rows that are nearly all
    /// distinct already, or a dictionary keyed per row.
    private func dailySeriesDays(from start: Day, through end: Day, _ filter: SeriesFilter) throws(StoreError)
        -> [String: [OfferGroup]]
    {
        func precedes(_ a: OfferGroup, _ b: OfferGroup) -> Bool {
            (a.observedOn, a.status.rawValue, a.gpuCount.millionths, a.currency)
                < (b.observedOn, b.status.rawValue, b.gpuCount.millionths, b.currency)
        }
        return try read { db in
            let rows = try Row.fetchCursor(db, SQLRequest<Row>(
                literal: """
                    SELECT f.provider_id, NULL, s.gpu_count_millionths, s.currency, s.day, s.status,
                        s.price_low_micros, s.price_high_micros, s.approximate, s.offers
                    FROM feed f JOIN series_day s ON s.feed_id = f.id AND s.gpu_id IN \(filter.gpus)
                        AND s.tier IN \(filter.tiers.map(\.rawValue)) AND s.day BETWEEN \(start.ordinal) AND \(end.ordinal)
                    WHERE f.provider_id IN \(filter.providers)
                    """, cached: true))
            // A cursor reads each row in place, with no copy (there may be thousands).
            var groups: [String: [OfferGroup]] = [:]
            var unordered: Set<String> = []
            var provider = ""
            var current: [OfferGroup] = []
            while let row = try rows.next() {
                let rowProvider: String = row[0]
                if rowProvider != provider {
                    if !current.isEmpty { groups[provider, default: []].append(contentsOf: current) }
                    provider = rowProvider
                    current = groups.removeValue(forKey: provider) ?? []
                    if !current.isEmpty { unordered.insert(provider) }
                }
                let group = Self.offerGroup(row, day: Day(ordinal: row[4]))
                if let last = current.last, !precedes(last, group) { unordered.insert(provider) }
                current.append(group)
            }
            if !current.isEmpty { groups[provider, default: []].append(contentsOf: current) }
            for provider in unordered {
                var merged: [OfferGroup] = []
                for group in groups[provider, default: []].sorted(by: precedes) {
                    if let last = merged.last, !precedes(last, group) {
                        merged[merged.count - 1].merge(group)
                    } else {
                        merged.append(group)
                    }
                }
                groups[provider] = merged
            }
            return groups
        }
    }

    /// Per provider, the offers of each day its feeds were observed, summarised per status, unit size and
    /// currency: one pass over each run's days, with the sums kept in arrays by day.
    private static func summarise(_ runs: [Row], over feedDays: [Int64: [String]]) throws -> [String: [OfferGroup]] {
        struct Key: Hashable {
            var provider: String
            var status: String
            var count: Int64
            var currency: String
        }
        struct Sums {
            var low: [Int64?]
            var high: [Int64?]
            var approximate: [Bool]
            var offers: [Int]
        }
        let days = Array(Set(feedDays.values.joined())).sorted()
        let position = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1, $0) })
        let feedPositions = feedDays.mapValues { $0.compactMap { position[$0] } }
        var slots: [Key: Int] = [:]
        var keys: [Key] = []
        var sums: [Sums] = []
        for run in runs {
            let feedDayList = feedDays[run["feed_id"]] ?? []
            let positions = feedPositions[run["feed_id"]] ?? []
            let first: String = run["first_seen"], last: String = run["last_seen"]
            let from = feedDayList.partitioningIndex { $0 >= first }
            let to = feedDayList.partitioningIndex { $0 > last }
            guard from < to else { continue }
            let key = Key(provider: run["provider_id"], status: run["status"], count: run["gpu_count_millionths"], currency: run["currency"])
            let slot: Int
            if let known = slots[key] {
                slot = known
            } else {
                slot = sums.count
                slots[key] = slot
                keys.append(key)
                sums.append(
                    Sums(
                        low: Array(repeating: nil, count: days.count), high: Array(repeating: nil, count: days.count),
                        approximate: Array(repeating: false, count: days.count), offers: Array(repeating: 0, count: days.count)))
            }
            let low: Int64? = run["price_low_micros"], high: Int64? = run["price_high_micros"]
            let approximate: Bool = run["approximate"]
            for index in positions[from..<to] {
                if let low { sums[slot].low[index] = min(sums[slot].low[index] ?? low, low) }
                if let high { sums[slot].high[index] = max(sums[slot].high[index] ?? high, high) }
                if approximate { sums[slot].approximate[index] = true }
                sums[slot].offers[index] += 1
            }
        }
        var groups: [String: [OfferGroup]] = [:]
        for (key, entry) in zip(keys, sums) {
            for (index, text) in days.enumerated() where entry.offers[index] > 0 {
                guard let day = Day(text) else { throw StoreError.damaged("a feed has the day \(text)") }
                groups[key.provider, default: []].append(
                    OfferGroup(
                        observedOn: day, status: Status(rawValue: key.status) ?? .available,
                        gpuCount: GPUCount(millionths: key.count), currency: key.currency,
                        price: priceRange(low: entry.low[index], high: entry.high[index]),
                        approximate: entry.approximate[index], offers: entry.offers[index]))
            }
        }
        return groups
    }

    /// Every price run of a GPU (optionally of one provider), oldest first, with the snapshots that first and
    /// last saw it: an index range of `offer_gpu` (or `offer_series`) and a range of `price_run`'s key per offer.
    public func history(gpu: String, providers: [String]?, tiers: [Tier]) throws(StoreError) -> [RunRecord] {
        try read { db in
            let providerCondition: SQL = providers.map { "AND o.provider_id IN \($0)" } ?? ""
            // Read through a cursor, by position: a history can hold tens of thousands of runs, and copying
            // each row or finding its columns by name cost more than the query.
            let runs = try SQLRequest<Row>(
                literal: """
                    WITH run AS (
                        SELECT o.*, r.first_seen, r.price_low_micros, r.price_high_micros, r.status, r.approximate, r.note,
                            r.first_snapshot_id,
                            CASE WHEN r.last_seen = \(Self.openEnd)
                                THEN (SELECT max(d.observed_on) FROM feed_day d WHERE d.feed_id = o.feed_id)
                                ELSE r.last_seen END AS last_seen,
                            coalesce(r.last_snapshot_id, (
                                SELECT d.snapshot_id FROM feed_day d WHERE d.feed_id = o.feed_id
                                ORDER BY d.observed_on DESC, d.snapshot_id LIMIT 1)) AS last_snapshot_id
                        FROM offer o JOIN price_run r ON r.offer_id = o.id
                        WHERE o.gpu_id = \(gpu) \(providerCondition) AND o.tier IN \(tiers.map(\.rawValue))
                    )
                    SELECT \(sql: Self.offerColumns("run")), run.id, run.first_seen, run.last_seen,
                        run.price_low_micros, run.price_high_micros, run.status, run.approximate, run.note,
                        (SELECT count(DISTINCT d.observed_on) FROM feed_day d
                         WHERE d.feed_id = run.feed_id AND d.observed_on BETWEEN run.first_seen AND run.last_seen),
                        fs.id, fs.file_name, fs.source_name, ls.id, ls.file_name, ls.source_name
                    FROM run JOIN snapshot fs ON fs.id = run.first_snapshot_id JOIN snapshot ls ON ls.id = run.last_snapshot_id
                    ORDER BY run.first_seen, run.provider_id, run.id
                    """
            ).fetchCursor(db).map { row throws in
                let offer = try Self.offer(row)
                let at = Self.offerColumnCount
                guard let first = Day(row[at + 1] as String), let last = Day(row[at + 2] as String) else {
                    throw StoreError.damaged("a run of offer \(row[at] as Int64) has an impossible day")
                }
                return RunRecord(
                    offer: offer, firstSeen: first, lastSeen: last,
                    price: Self.priceRange(low: row[at + 3], high: row[at + 4]),
                    status: Status(rawValue: row[at + 5]) ?? .available, approximate: row[at + 6], note: row[at + 7],
                    seenDays: row[at + 8],
                    firstSnapshot: SnapshotReference(id: row[at + 9], fileName: row[at + 10], sourceName: row[at + 11]),
                    lastSnapshot: SnapshotReference(id: row[at + 12], fileName: row[at + 13], sourceName: row[at + 14]))
            }
            return try Array(runs)
        }
    }

    /// The first and last observation dates, or `nil` for an empty database: two seeks of
    /// `feed_day_observed_on` (one `min` and one `max` each; together in one statement they would scan).
    public func observationDateRange() throws(StoreError) -> ClosedRange<Day>? {
        try read { db in
            guard let firstText = try String.fetchOne(db, sql: "SELECT min(observed_on) FROM feed_day"),
                let lastText = try String.fetchOne(db, sql: "SELECT max(observed_on) FROM feed_day")
            else { return nil }
            guard let first = Day(firstText), let last = Day(lastText), first <= last else {
                throw StoreError.damaged("the observation days run from \(firstText) to \(lastText)")
            }
            return first...last
        }
    }

    /// Providers in the order reports show them: by kind (hyperscalers first), then in the order the database
    /// first heard of them.
    public func providersInReportOrder() throws(StoreError) -> [Provider] {
        let order = Dictionary(uniqueKeysWithValues: Provider.Kind.allCases.enumerated().map { ($1, $0) })
        let byInsertion: [String] = try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM provider ORDER BY rowid")
        }
        let providers = Dictionary(uniqueKeysWithValues: try providers().map { ($0.id, $0) })
        return byInsertion.compactMap { providers[$0] }.enumerated()
            .sorted { (order[$0.element.kind] ?? 0, $0.offset) < (order[$1.element.kind] ?? 0, $1.offset) }
            .map(\.element)
    }

    /// Every region an offer was seen in, sorted (for the warning that a `--region` matches nothing).
    public func regions() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT region FROM offer WHERE region != '' ORDER BY region") }
    }

    /// The ids of the GPUs that have at least one offer.
    public func observedGPUIDs() throws(StoreError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT gpu_id FROM offer"))
        }
    }

    /// A stored price: both bounds, or neither for an offer without a price.
    static func priceRange(low: Int64?, high: Int64?) -> PriceRange? {
        guard let low, let high else { return nil }
        return PriceRange(low: Money(micros: low), high: Money(micros: high))
    }

    /// A row laid out as the grid's queries select it: provider, GPU, unit size, currency, day, status, low, high,
    /// approximate, offers (read by position: a lookup by name compares names ignoring case, on every row).
    static func offerGroup(_ row: Row, day: Day) -> OfferGroup {
        OfferGroup(
            observedOn: day, status: Status(rawValue: row[5]) ?? .available,
            gpuCount: GPUCount(millionths: row[2]), currency: row[3],
            price: priceRange(low: row[6], high: row[7]), approximate: row[8], offers: row[9])
    }

    /// An offer's columns as `offer(_:)` reads them, first in a row, from the table or subquery `alias`.
    static func offerColumns(_ alias: String) -> String {
        ["provider_id", "gpu_id", "gpu_label", "variant", "gpu_count_millionths", "instance", "region", "tier", "currency"]
            .map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// How many columns `offerColumns` selects: where the columns after them start.
    static let offerColumnCount = 9

    /// The offer that a row selected by `offerColumns` starts with (read by position, as `offerGroup`).
    static func offer(_ row: Row) throws -> Offer {
        guard let tier = Tier(rawValue: row[7]) else { throw StoreError.damaged("an offer has the tier \(row[7] as String)") }
        return Offer(
            providerID: row[0], gpuID: row[1], gpuLabel: row[2], variant: row[3],
            gpuCount: GPUCount(millionths: row[4]), instance: row[5], region: row[6], tier: tier, currency: row[8])
    }
}

/// What is sold: one provider's unit of a GPU, in an instance, region and tier, priced in a currency.
public struct Offer: Hashable, Sendable {
    public var providerID: String
    public var gpuID: String
    /// The GPU's name as the source wrote it.
    public var gpuLabel: String
    public var variant: String
    public var gpuCount: GPUCount
    public var instance: String
    public var region: String
    public var tier: Tier
    public var currency: String
}

/// A snapshot as provenance: its id, file and source.
public struct SnapshotReference: Hashable, Sendable {
    public var id: Int64
    public var fileName: String
    public var sourceName: String?
}

/// One price run with its provenance: an offer's price from the first to the last day it was seen at it.
public struct RunRecord: Hashable, Sendable {
    public var offer: Offer
    public var firstSeen: Day
    public var lastSeen: Day
    /// The whole unit's hourly price; `nil` unless `status` is `available`.
    public var price: PriceRange?
    public var status: Status
    public var approximate: Bool
    public var note: String?
    /// On how many days of its feed the offer was seen at this price.
    public var seenDays: Int
    public var firstSnapshot: SnapshotReference
    public var lastSnapshot: SnapshotReference
}

extension PriceStore {
    /// A provider's own price list: its available offers of each given GPU on the given date, one per instance,
    /// GPU as written, variant, unit size, tier and currency, with the price range over the regions that offer
    /// it; in the order they were first stored: as the files listed them, but for a catalog too large to fold
    /// in memory, by GPU, its name as written, unit size and instance.
    public func listedOffers(
        provider: String, on dates: [(gpu: String, day: Day)], tiers: [Tier], regions: [String]? = nil
    ) throws(StoreError) -> [ListedOffer] {
        /// What makes a line of the list: an offer without its region.
        struct Line: Hashable {
            var gpuID: String
            var gpuLabel: String
            var variant: String
            var gpuCount: Int64
            var instance: String
            var tier: String
            var currency: String
        }
        return try read { db in
            var found: [(first: Int64, offer: ListedOffer)] = []
            // One pass per day (a report's cells of one provider usually share it).
            for (day, ofDay) in Dictionary(grouping: dates, by: \.day) {
                // The provider's feeds that observed the day, by whether it is their latest.
                var feeds: [Bool: [Int64]] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT f.id, (SELECT max(d.observed_on) FROM feed_day d WHERE d.feed_id = f.id) = ?
                        FROM feed f
                        WHERE f.provider_id = ? AND EXISTS (SELECT 1 FROM feed_day d WHERE d.feed_id = f.id AND d.observed_on = ?)
                        """,
                    arguments: [day.description, provider, day.description])
                {
                    feeds[row[1], default: []].append(row[0])
                }
                // The index lists the regions of a line one after another, so most rows belong to the line of the
                // row before, and only a new line is looked up (lines of several feeds or tiers may interleave).
                var lines: [Line: Int] = [:]
                var regionSets: [Set<String>] = []
                var previous: (line: Line, index: Int)?
                let start = found.count
                for (isLatest, feeds) in feeds {
                    let rows = try Row.fetchCursor(
                        db,
                        SQLRequest<Row>(
                            literal: Self.priceListQuery(
                                feeds: feeds, openRuns: isLatest, gpus: ofDay.map(\.gpu), tiers: tiers, regions: regions, on: day)))
                    while let row = try rows.next() {
                        guard let low: Int64 = row[9], let high: Int64 = row[10] else { continue }
                        let line = Line(
                            gpuID: row[1], gpuLabel: row[2], variant: row[3], gpuCount: row[4], instance: row[5],
                            tier: row[7], currency: row[8])
                        let region: String = row[6]
                        let approximate: Bool = row[11]
                        let note: String? = row[12]
                        let index: Int
                        if let previous, previous.line == line {
                            index = previous.index
                        } else if let known = lines[line] {
                            index = known
                        } else {
                            index = found.count - start
                            lines[line] = index
                            regionSets.append([])
                            found.append((row[0], ListedOffer(
                                gpuID: line.gpuID, gpuLabel: line.gpuLabel, variant: line.variant,
                                gpuCount: GPUCount(millionths: line.gpuCount), instance: line.instance,
                                tier: Tier(rawValue: line.tier) ?? .onDemand, currency: line.currency,
                                price: PriceRange(low: Money(micros: low), high: Money(micros: high)),
                                approximate: approximate, note: note, regions: [], observedOn: day)))
                        }
                        previous = (line, index)
                        if !region.isEmpty { regionSets[index].insert(region) }
                        var entry = found[start + index]
                        entry.first = min(entry.first, row[0])
                        entry.offer.price = PriceRange(
                            low: min(entry.offer.price.low, Money(micros: low)), high: max(entry.offer.price.high, Money(micros: high)))
                        entry.offer.approximate = entry.offer.approximate || approximate
                        if let note, entry.offer.note.map({ note.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                            entry.offer.note = note
                        }
                        found[start + index] = entry
                    }
                }
                for (index, regions) in regionSets.enumerated() { found[start + index].offer.regions = regions.sorted() }
            }
            return found.sorted { $0.first < $1.first }.map(\.offer)
        }
    }

    /// The available offers of `feeds` on `day` with the run that covers it, a row per offer. For feeds whose
    /// latest day it is (`openRuns`, the usual case) that run is the open one (`openRunOfOffer`); for an older
    /// day each offer's run is a seek of `price_run`'s key (runs of an offer do not overlap).
    static func priceListQuery(
        feeds: [Int64], openRuns: Bool, gpus: [String], tiers: [Tier], regions: [String]?, on day: Day
    ) -> SQL {
        var offers: SQL = "o.feed_id IN \(feeds) AND o.gpu_id IN \(gpus) AND o.tier IN \(tiers.map(\.rawValue))"
        if let regions { offers += " AND (o.region = '' OR o.region IN \(regions))" }
        let runs: SQL = openRuns
            ? SQL(sql: openRunOfOffer)
            : "price_run r ON r.offer_id = o.id AND r.last_seen >= \(day.description) AND r.first_seen <= \(day.description)"
        return """
            SELECT o.id, o.gpu_id, o.gpu_label, o.variant, o.gpu_count_millionths, o.instance, o.region, o.tier,
                o.currency, r.price_low_micros, r.price_high_micros, r.approximate, r.note
            FROM offer o JOIN \(runs) AND r.status = 'available'
            WHERE \(offers)
            """
    }
}

/// One line of a provider's own price list.
public struct ListedOffer: Hashable, Sendable {
    public var gpuID: String
    public var gpuLabel: String
    public var variant: String
    public var gpuCount: GPUCount
    public var instance: String
    public var tier: Tier
    public var currency: String
    /// The unit's price, as a range over the regions that offer it.
    public var price: PriceRange
    public var approximate: Bool
    public var note: String?
    public var regions: [String]
    public var observedOn: Day
    /// The price was converted from the currency the provider listed it in (`--currency`).
    public var converted = false
}

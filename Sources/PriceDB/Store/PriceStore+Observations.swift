import GRDB

extension PriceStore {
    /// The newest observation date of one series (provider and GPU, in the given tiers) on or before `day`.
    /// One index seek per tier on `observation_series`, whatever the size of the history.
    public func latestObservationDate(
        provider: String, gpu: String, tiers: [Tier], regions: [String]? = nil, onOrBefore day: Day
    ) throws(StoreError) -> Day? {
        try read { db in
            var latest: String?
            for tier in tiers {
                let date = try SQLRequest<String>(
                    literal: Self.latestObservationDate(provider: provider, gpu: gpu, tier: tier, onOrBefore: day, regions: regions)
                ).fetchOne(db)
                if let date, date > (latest ?? "") { latest = date }
            }
            return latest.flatMap { Day($0) }
        }
    }

    /// The offers of one series dated from `start` to `end`, both inclusive, summarised per day, status, unit
    /// size and currency; an index range of `observation_gpu_date`, aggregated by SQLite.
    public func offerGroups(
        provider: String, gpu: String, tiers: [Tier], regions: [String]? = nil, from start: Day, through end: Day
    ) throws(StoreError) -> [OfferGroup] {
        try read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT observed_on, status, gpu_count_millionths, currency, min(price_low_micros) AS low,
                           max(price_high_micros) AS high, max(approximate) AS approximate, count(*) AS offers
                    FROM observation
                    WHERE provider_id = \(provider) AND gpu_id = \(gpu)
                      AND observed_on BETWEEN \(start.description) AND \(end.description)
                      AND tier IN \(tiers.map(\.rawValue)) \(literal: Self.regionFilter(regions))
                    GROUP BY observed_on, status, gpu_count_millionths, currency
                    """
            ).fetchAll(db).map { row in
                OfferGroup(
                    observedOn: Day(row["observed_on"] as String)!, status: Status(rawValue: row["status"]) ?? .available,
                    gpuCount: GPUCount(millionths: row["gpu_count_millionths"]), currency: row["currency"],
                    price: Self.priceRange(low: row["low"], high: row["high"]), approximate: row["approximate"],
                    offers: row["offers"])
            }
        }
    }

    /// Every observation of a GPU (optionally of one provider), oldest first, with the snapshot it came from.
    public func history(gpu: String, provider: String?, tiers: [Tier]) throws(StoreError) -> [ObservationRecord] {
        try read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT o.*, s.id AS s_id, s.file_name AS s_file_name, s.source_name AS s_source_name,
                           s.source_url AS s_source_url
                    FROM observation o JOIN snapshot s ON s.id = o.snapshot_id
                    WHERE o.gpu_id = \(gpu) AND (\(provider) IS NULL OR o.provider_id = \(provider))
                      AND o.tier IN \(tiers.map(\.rawValue))
                    ORDER BY o.observed_on, o.provider_id, o.id
                    """
            ).fetchAll(db).map { row in
                ObservationRecord(
                    observation: Self.observation(row), snapshotID: row["s_id"], fileName: row["s_file_name"],
                    sourceName: row["s_source_name"], sourceURL: row["s_source_url"])
            }
        }
    }

    /// The first and last observation dates, or `nil` for an empty database: two seeks of
    /// `observation_observed_on` (one `min` and one `max` each; together in one statement they would scan).
    public func observationDateRange() throws(StoreError) -> ClosedRange<Day>? {
        try read { db in
            guard let first = try String.fetchOne(db, sql: "SELECT min(observed_on) FROM observation").flatMap({ Day($0) }),
                let last = try String.fetchOne(db, sql: "SELECT max(observed_on) FROM observation").flatMap({ Day($0) })
            else { return nil }
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
            .sorted { (order[$0.element.kind]!, $0.offset) < (order[$1.element.kind]!, $1.offset) }
            .map(\.element)
    }

    /// The ids of the GPUs that have at least one observation.
    public func observedGPUIDs() throws(StoreError) -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM gpu WHERE EXISTS (SELECT 1 FROM observation o WHERE o.gpu_id = gpu.id)"))
        }
    }

    /// One provider, GPU and tier's newest date on or before a day; a test checks that SQLite answers it with a
    /// search of the `observation_series` index.
    static func latestObservationDate(provider: String, gpu: String, tier: Tier, onOrBefore day: Day, regions: [String]?)
        -> SQL
    {
        """
        SELECT max(observed_on) FROM observation
        WHERE provider_id = \(provider) AND gpu_id = \(gpu) AND tier = \(tier.rawValue) AND observed_on <= \(day.description)
        \(literal: regionFilter(regions))
        """
    }

    /// Keeps observations in the given regions, and those whose region is not known; nothing when no region
    /// was chosen.
    static func regionFilter(_ regions: [String]?) -> SQL {
        guard let regions else { return "" }
        return "AND (region = '' OR region IN \(regions))"
    }

    /// A stored price: both bounds, or neither for an offer without a price.
    static func priceRange(low: Int64?, high: Int64?) -> PriceRange? {
        guard let low, let high else { return nil }
        return PriceRange(low: Money(micros: low), high: Money(micros: high))
    }

    static func observation(_ row: Row) -> Observation {
        Observation(
            providerID: row["provider_id"], gpuID: row["gpu_id"], gpuLabel: row["gpu_label"], variant: row["variant"],
            gpuCount: GPUCount(millionths: row["gpu_count_millionths"]), instance: row["instance"],
            region: row["region"], tier: Tier(rawValue: row["tier"]) ?? .onDemand, currency: row["currency"],
            price: priceRange(low: row["price_low_micros"], high: row["price_high_micros"]),
            status: Status(rawValue: row["status"]) ?? .available, approximate: row["approximate"],
            observedOn: Day(row["observed_on"] as String)!, note: row["note"])
    }
}

/// An observation with its provenance: the snapshot and source it came from.
public struct ObservationRecord: Hashable, Sendable {
    public var observation: Observation
    public var snapshotID: Int64
    public var fileName: String
    public var sourceName: String?
    public var sourceURL: String?
}

extension PriceStore {
    /// A provider's own price list: its available offers of each given GPU on the given date, one per instance,
    /// GPU as written, variant, unit size, tier and currency, with the price range over the regions that offer
    /// it; in the order the files listed them.
    public func listedOffers(
        provider: String, on dates: [(gpu: String, day: Day)], tiers: [Tier], regions: [String]? = nil
    ) throws(StoreError) -> [ListedOffer] {
        try read { db in
            var found: [(Int64, ListedOffer)] = []
            for (gpu, day) in dates {
                let rows = try SQLRequest<Row>(
                    literal: """
                        SELECT min(id) AS first, gpu_label, variant, gpu_count_millionths, instance, tier, currency,
                               min(price_low_micros) AS low, max(price_high_micros) AS high,
                               max(approximate) AS approximate, min(note) AS note,
                               json_group_array(DISTINCT region) AS regions
                        FROM observation
                        WHERE provider_id = \(provider) AND gpu_id = \(gpu) AND observed_on = \(day.description)
                          AND status = 'available' AND tier IN \(tiers.map(\.rawValue)) \(literal: Self.regionFilter(regions))
                        GROUP BY gpu_label, variant, gpu_count_millionths, instance, tier, currency
                        """
                ).fetchAll(db)
                for row in rows {
                    let regions = (try? JSONParser.parse(Array((row["regions"] as String).utf8))).map { value -> [String] in
                        guard case .array(let elements, _) = value else { return [] }
                        return elements.compactMap { if case .string(let text, _) = $0, !text.isEmpty { text } else { nil } }
                    } ?? []
                    let offer = ListedOffer(
                        gpuID: gpu, gpuLabel: row["gpu_label"], variant: row["variant"],
                        gpuCount: GPUCount(millionths: row["gpu_count_millionths"]), instance: row["instance"],
                        tier: Tier(rawValue: row["tier"]) ?? .onDemand, currency: row["currency"],
                        price: PriceRange(low: Money(micros: row["low"]), high: Money(micros: row["high"])),
                        approximate: row["approximate"], note: row["note"], regions: regions, observedOn: day)
                    found.append((row["first"], offer))
                }
            }
            return found.sorted { $0.0 < $1.0 }.map(\.1)
        }
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
}

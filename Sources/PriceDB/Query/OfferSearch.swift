import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How `pricedb offers` orders what it finds.
public enum OfferOrder: String, CaseIterable, Sendable {
    /// Cheapest per GPU-hour first (the default).
    case perGPU = "per-gpu"
    /// Cheapest unit (instance) price first.
    case price
    /// Most GPU memory first.
    case memory
    case provider
    case gpu
    /// Most recently observed first.
    case observed
}

/// `pricedb offers`: every offer as of a day, as the report's as-of rule sees it (each source's latest
/// observation on or before the day, `AsOfRule`), filtered and sorted like `sky show-gpus` or gpuhunt.
public struct OfferSearch: Sendable {
    public var gpuNames: [String]?
    public var providerIDs: [String]?
    public var kinds: [Provider.Kind]?
    /// Every tier unless told (spot included: a finder shows what can be rented).
    public var tiers: [Tier] = Tier.allCases
    /// Shell-style patterns (`us-*`, `*europe*`); an offer without a region matches none.
    public var regionPatterns: [String]?
    public var minimumMemoryGB: Int?
    /// The most per GPU-hour, compared with an offer's lowest per-GPU price.
    public var maximumPrice: Money?
    public var gpuCount: GPUCount?
    public var minimumGPUs: GPUCount?
    public var gpuClass: GPUClass?
    /// List offers older than the stale limit too (marked); by default they are left out and counted.
    public var includeStale = false
    public var order: OfferOrder = .perGPU
    public var limit: Int?
    public var staleAfterQuarters = 2
    /// Prices in one currency, each converted at the rate of its observation date (`--max-price` too is in it).
    public var converter: CurrencyConverter?

    public init() {}

    /// One offer found.
    public struct Found: Sendable {
        public var provider: Provider
        public var gpu: GPU
        public var offer: Offer
        /// The unit's hourly price, and per GPU, in `currency`.
        public var price: PriceRange
        public var perGPU: PriceRange
        /// The offer's own currency, or the one its prices were converted into.
        public var currency: String
        public var converted: Bool
        public var observedOn: Day
        /// The source that observed it (a snapshot's source name, or its format).
        public var source: String
        public var stale: Bool
        public var approximate: Bool
        public var note: String?
    }

    /// What a search found, and what it left out for being stale.
    public struct Findings: Sendable {
        public var offers: [Found]
        public var leftOutStale: Int
        /// The stale limit: offers last observed before this day are stale.
        public var staleBefore: Day
    }

    /// The offers as of `day`, filtered, sorted (ties keep the database's order) and cut to `limit`.
    public func find(in store: PriceStore, asOf day: Day) throws(QueryError) -> Findings {
        // As for a report: an empty database, or a day before its first price, is said as such before any name
        // is looked up among providers that do not exist yet.
        let query = PriceQuery(store: store, staleAfterQuarters: staleAfterQuarters)
        try query.checkHasData(asOf: day)
        let selection = try Selection(store: store)
        let providers = try providerIDs.map { ids throws(QueryError) in try selection.providers(ids: ids) } ?? selection.providers
        let gpus = try gpuNames.map { names throws(QueryError) in try selection.gpus(named: names) } ?? selection.catalog.gpus
        let byProvider = Dictionary(uniqueKeysWithValues: providers.map { ($0.id, $0) })
        let byGPU = Dictionary(uniqueKeysWithValues: gpus.map { ($0.id, $0) })
        let sightings: [PriceStore.OfferSighting]
        do {
            sightings = try store.offerSightings(
                asOf: day,
                PriceStore.SeriesFilter(providers: providers.map(\.id), gpus: gpus.map(\.id), tiers: tiers))
        } catch {
            throw .store(error)
        }
        let limitDay = query.staleLimit(asOf: day)
        var found: [Found] = []
        var leftOutStale = 0
        for sighting in AsOfRule.counted(sightings, freshFrom: limitDay) {
            let offer = sighting.offer
            guard let observed = sighting.price, let provider = byProvider[offer.providerID], let gpu = byGPU[offer.gpuID]
            else { continue }
            let stale = sighting.day < limitDay
            var price = observed
            if let converter {
                do { price = try converter.convert(observed, from: offer.currency, on: sighting.day) } catch { throw .store(error) }
            }
            let perGPU = price.perGPU(of: offer.gpuCount)
            if let kinds, !kinds.contains(provider.kind) { continue }
            if let gpuClass, gpu.gpuClass != gpuClass { continue }
            if let minimumMemoryGB, (gpu.memoryGB ?? 0) < minimumMemoryGB { continue }
            if let maximumPrice, perGPU.low > maximumPrice { continue }
            if let gpuCount, offer.gpuCount != gpuCount { continue }
            if let minimumGPUs, offer.gpuCount < minimumGPUs { continue }
            if let regionPatterns, !regionPatterns.contains(where: { Self.matches(offer.region, $0) }) { continue }
            if stale && !includeStale {
                leftOutStale += 1
                continue
            }
            found.append(
                Found(
                    provider: provider, gpu: gpu, offer: offer, price: price, perGPU: perGPU,
                    currency: converter?.target ?? offer.currency, converted: converter != nil && converter?.target != offer.currency,
                    observedOn: sighting.day, source: sighting.source,
                    stale: stale, approximate: sighting.approximate, note: sighting.note))
        }
        // Positions are sorted, not the offers: a `Found` is hundreds of bytes, and a catalog's 300,000 offers
        // moved about in a merge sort cost more than finding them.
        let positions = found.indices.sorted { a, b in
            let (x, y) = (found[a], found[b])
            switch order {
            case .perGPU where x.perGPU.low != y.perGPU.low: return x.perGPU.low < y.perGPU.low
            case .price where x.price.low != y.price.low: return x.price.low < y.price.low
            case .memory where x.gpu.memoryGB != y.gpu.memoryGB: return (x.gpu.memoryGB ?? 0) > (y.gpu.memoryGB ?? 0)
            case .provider where x.provider.id != y.provider.id: return x.provider.id < y.provider.id
            case .gpu where x.gpu.name != y.gpu.name: return x.gpu.name < y.gpu.name
            case .observed where x.observedOn != y.observedOn: return x.observedOn > y.observedOn
            default: return a < b
            }
        }
        let offers = (limit.map { positions.prefix(max(0, $0)) } ?? positions[...]).map { found[$0] }
        return Findings(offers: offers, leftOutStale: leftOutStale, staleBefore: limitDay)
    }

    /// Whether a region matches a shell-style pattern (`us-*`); an unknown region matches nothing.
    /// For each of `patterns` that no stored region matches, the regions that look like it (those that start
    /// as it does, or contain it), at most eight: what a user who wrote `us-east` for `us-east-1` needs to see.
    public static func unmatchedRegionHints(_ patterns: [String], in store: PriceStore) throws(StoreError) -> [(pattern: String, near: [String])] {
        let regions = try store.regions()
        return patterns.filter { pattern in !regions.contains { matches($0, pattern) } }.map { pattern in
            let stem = pattern.lowercased().filter { !"*?[]".contains($0) }
            let near = regions.filter { region in
                let lower = region.lowercased()
                return !stem.isEmpty && (lower.hasPrefix(String(stem.prefix(2))) && lower.contains(stem) || lower.hasPrefix(stem))
            }
            return (pattern, Array(near.prefix(8)))
        }
    }

    static func matches(_ region: String, _ pattern: String) -> Bool {
        !region.isEmpty && fnmatch(pattern, region, 0) == 0
    }

    /// Whether a region matches any of the shell-style patterns.
    public static func matches(_ region: String, anyOf patterns: [String]) -> Bool {
        patterns.contains { matches(region, $0) }
    }
}

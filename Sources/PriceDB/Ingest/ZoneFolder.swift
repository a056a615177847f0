/// Folds a catalog's offers in memory: the rows of one instance, GPU as written, unit size, region and tier
/// (the same instance in several availability zones) become one offer priced at the range over them. Past
/// `limit` offers it spills what it holds to the store's scratch table, which folds further, so that memory
/// stays bounded however large the catalog.
struct ZoneFolder {
    private struct Key: Hashable {
        var instance: String
        var gpuLabel: String
        var gpuCount: Int64
        var region: String
        var tier: Tier
    }

    private let sink: PriceStore.CatalogSink
    private let limit: Int
    private var index: [Key: Int] = [:]
    private var offers: [PriceStore.CatalogOffer] = []
    private var spilled = false

    /// Every day's catalog of a public cloud fits; a 1,000,000-row one stays under 100 MB resident (measured by
    /// `scripts/benchmark-ingest.sh`).
    static let defaultLimit = 100_000

    /// `expected` is a guess at how many offers will come, so that the index is sized once rather than rehashed
    /// as it grows (rehashing hashed every key again, several times over for a day's catalog).
    init(sink: PriceStore.CatalogSink, limit: Int = defaultLimit, expected: Int = 0) {
        self.sink = sink
        self.limit = limit
        let capacity = min(limit, max(0, expected))
        index.reserveCapacity(capacity)
        offers.reserveCapacity(capacity)
    }

    mutating func add(_ offer: PriceStore.CatalogOffer) throws(StoreError) {
        let key = Key(
            instance: offer.instance, gpuLabel: offer.gpuLabel, gpuCount: offer.gpuCount.millionths, region: offer.region,
            tier: offer.tier)
        if let position = index[key] {
            let range = offers[position].price
            offers[position].price = PriceRange(low: min(range.low, offer.price.low), high: max(range.high, offer.price.high))
            return
        }
        if offers.count == limit { try spill() }
        index[key] = offers.count
        offers.append(offer)
    }

    /// The offers still held, in the order the file first listed them; none if some were spilled (the rest
    /// are spilled too, to fold with them).
    mutating func finish() throws(StoreError) -> [PriceStore.CatalogOffer] {
        if spilled { try spill() }
        return offers
    }

    private mutating func spill() throws(StoreError) {
        for offer in offers { try sink.spill(offer) }
        offers.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        spilled = true
    }
}

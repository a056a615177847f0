import Foundation
import GRDB

extension PriceStore {
    /// One offer of a catalog with its price range over the availability zones that list it.
    public struct CatalogOffer: Sendable {
        public var instance: String
        public var gpuID: String
        public var gpuLabel: String
        public var variant: String
        public var gpuCount: GPUCount
        public var region: String
        public var tier: Tier
        public var price: PriceRange

        public init(
            instance: String, gpuID: String, gpuLabel: String, variant: String, gpuCount: GPUCount, region: String,
            tier: Tier, price: PriceRange
        ) {
            self.instance = instance
            self.gpuID = gpuID
            self.gpuLabel = gpuLabel
            self.variant = variant
            self.gpuCount = gpuCount
            self.region = region
            self.tier = tier
            self.price = price
        }
    }

    /// Where a catalog reader sets aside offers it has folded in memory once there are too many to keep: a
    /// scratch table of the connection's temporary schema, which folds them further, so that memory does not
    /// grow with the catalog.
    public struct CatalogSink {
        fileprivate let fold: RowInserter

        public func spill(_ offer: CatalogOffer) throws(StoreError) {
            do {
                try fold.bind(offer.instance, at: 1)
                try fold.bind(offer.gpuID, at: 2)
                try fold.bind(offer.gpuLabel, at: 3)
                try fold.bind(offer.variant, at: 4)
                try fold.bind(offer.gpuCount.millionths, at: 5)
                try fold.bind(offer.region, at: 6)
                try fold.bind(offer.tier.rawValue, at: 7)
                try fold.bind(offer.price.low.micros, at: 8)
                try fold.bind(offer.price.high.micros, at: 9)
                try fold.insert()
            } catch {
                throw .sqlite(PriceStore.reason(error))
            }
        }
    }

    /// What the reading of a catalog found, handed back when the stream has ended.
    public struct CatalogStream: Sendable {
        public var sha256: String
        public var skippedCount: Int
        /// The offers folded in memory and not spilled, in the order the file first listed them.
        public var offers: [CatalogOffer]

        public init(sha256: String, skippedCount: Int, offers: [CatalogOffer]) {
            self.sha256 = sha256
            self.skippedCount = skippedCount
            self.offers = offers
        }
    }

    /// Imports a catalog: `read` folds its offers (spilling to the sink past a limit) and reports them with the
    /// file's hash; the observations are then written in one transaction. A file ingested before (same hash), or a
    /// `read` that throws, leaves the database unchanged. With `replacing`, the provider's stored catalogs of the
    /// same day are removed in the same transaction.
    public func importCatalog(
        format: String, observedOn: Day, fileName: String, providerID: String, provider: ProviderDeclaration?,
        catalog: GPUCatalog, source: Source? = nil, observedThrough: Day? = nil, replacing: Bool = false,
        read: (CatalogSink) throws -> CatalogStream
    ) throws -> (outcome: RecordOutcome, observationCount: Int) {
        var outcome: RecordOutcome?
        var observationCount = 0
        try writer.writeWithoutTransaction { db in
            // Keyed in the order of `offer`'s unique key (the GPU as written decides its id and variant), so that
            // spilled offers are read back in that order: a new feed's offers are then appended to the index
            // rather than inserted all over it, which took the benchmark's 348,507 offers from 2.3 s to 1.3 s.
            try db.execute(
                sql: """
                    CREATE TEMP TABLE IF NOT EXISTS catalog_fold (
                        instance TEXT NOT NULL, gpu_id TEXT NOT NULL, gpu_label TEXT NOT NULL, variant TEXT NOT NULL,
                        gpu_count_millionths INTEGER NOT NULL, region TEXT NOT NULL, tier TEXT NOT NULL,
                        low INTEGER NOT NULL, high INTEGER NOT NULL,
                        PRIMARY KEY (gpu_id, gpu_label, variant, gpu_count_millionths, instance, region, tier)
                    ) WITHOUT ROWID
                    """)
            try db.execute(sql: "DELETE FROM temp.catalog_fold")
            defer { try? db.execute(sql: "DELETE FROM temp.catalog_fold") }
            // Staging touches only the temporary schema, so it takes no lock on the database file: other
            // imports and reports go on while a large catalog is read.
            var stream: CatalogStream?
            try db.inTransaction(.deferred) {
                let sink = CatalogSink(
                    fold: RowInserter(try db.makeStatement(
                        sql: """
                            INSERT INTO temp.catalog_fold
                                (instance, gpu_id, gpu_label, variant, gpu_count_millionths, region, tier, low, high)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (gpu_id, gpu_label, variant, gpu_count_millionths, instance, region, tier) DO UPDATE SET
                                low = min(low, excluded.low), high = max(high, excluded.high)
                            """)))
                stream = try read(sink)
                return .commit
            }
            guard let stream else { return }
            observationCount = try (Int.fetchOne(db, sql: "SELECT count(*) FROM temp.catalog_fold") ?? 0) + stream.offers.count
            // The file's one transaction on the database: all of it or nothing.
            try db.inTransaction(.immediate) {
                if let earlier = try Self.snapshot(sha256: stream.sha256, observedOn: observedOn, providerIDs: [providerID], in: db) {
                    outcome = .alreadyIngested(earlier)
                    return .rollback
                }
                let replaced = replacing
                    ? try Self.removeSnapshots(observedOn: observedOn, source: format, providers: [providerID], in: db) : []
                if let provider = provider?.provider {
                    try Self.upsert(provider, in: db)
                }
                try Self.addBuiltInProviders([providerID], in: db)
                let gpuIDs = Set(try String.fetchAll(db, sql: "SELECT DISTINCT gpu_id FROM temp.catalog_fold"))
                    .union(stream.offers.map(\.gpuID))
                for gpuID in gpuIDs.sorted() {
                    if let gpu = catalog.gpu(id: gpuID) { try Self.upsert(gpu, in: db) }
                }
                let gpuCount = gpuIDs.count
                let snapshotID = try Self.insertSnapshot(
                    sha256: stream.sha256, format: format, observedOn: observedOn, providerIDs: [providerID], source: source,
                    fileName: fileName,
                    ingestedAt: Date(),
                    counts: (observationCount, observationCount > 0 ? 1 : 0, gpuCount, stream.skippedCount), in: db)
                try Self.prepareStaging(in: db)
                try Self.stage(stream.offers, providerID: providerID, observedOn: observedOn, in: db)
                try db.execute(
                    sql: """
                        INSERT INTO temp.staged (provider_id, observed_on, gpu_id, gpu_label, variant, gpu_count_millionths,
                            instance, region, tier, currency, low, high, status, approximate, note)
                        SELECT ?, ?, gpu_id, gpu_label, variant, gpu_count_millionths, instance, region, tier, 'USD', low,
                            high, 'available', 0, NULL
                        FROM temp.catalog_fold
                        ORDER BY gpu_id, gpu_label, variant, gpu_count_millionths, instance, region, tier
                        """,
                    arguments: [providerID, observedOn.description])
                try Self.applyStaged(
                    observationCount > 0 ? [(provider: providerID, day: observedOn)] : [], snapshotID: snapshotID,
                    source: format, in: db)
                if let observedThrough, observationCount > 0 {
                    try Self.extend(
                        provider: providerID, source: format, from: observedOn, through: observedThrough, snapshotID: snapshotID,
                        in: db)
                }
                outcome = .stored(try Self.snapshot(id: snapshotID, in: db), replaced: replaced)
                return .commit
            }
        }
        guard let outcome else { throw StoreError.sqlite("the catalog was read but not stored") }
        try recordVerified()
        return (outcome, observationCount)
    }
}

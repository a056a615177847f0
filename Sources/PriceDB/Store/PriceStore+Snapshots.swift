import Foundation
import GRDB

extension PriceStore {
    /// What a write of a snapshot did.
    public enum RecordOutcome: Sendable {
        /// Stored, in place of the snapshots in `replaced` (with `replacing`).
        case stored(StoredSnapshot, replaced: [StoredSnapshot])
        /// The same bytes were ingested before, as this snapshot; nothing was written.
        case alreadyIngested(StoredSnapshot)
    }

    /// The snapshot ingested before with this content, observation day and providers, if any: the same catalog
    /// under a new date, or for another provider, is a new snapshot. `nil` for the day or providers matches any
    /// (a snapshot JSON names both in its content).
    public func snapshot(sha256: String, observedOn day: Day? = nil, providerIDs: [String]? = nil) throws(StoreError) -> StoredSnapshot? {
        try read { db in
            try Self.snapshot(sha256: sha256, observedOn: day, providerIDs: providerIDs, in: db)
        }
    }

    /// Every ingested snapshot, oldest observation date first.
    public func snapshots() throws(StoreError) -> [StoredSnapshot] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM snapshot ORDER BY observed_on, id").map { row throws in try Self.storedSnapshot(row) }
        }
    }

    /// Writes one file's snapshot in a single transaction: all of it, or (on any error) none of it.
    /// The duplicate check is repeated inside the transaction so that two imports of one file cannot both land.
    /// With `replacing`, the stored snapshots of the same day, source and provider(s) are removed in the same
    /// transaction: a corrected file takes the place of the wrong one.
    public func record(_ record: SnapshotRecord, replacing: Bool = false, ingestedAt: Date = Date()) throws(StoreError) -> RecordOutcome {
        let providerIDs = Array(Set(record.observations.map(\.providerID))).sorted()
        return try write { db in
            if let earlier = try Self.snapshot(sha256: record.sha256, observedOn: record.observedOn, providerIDs: providerIDs, in: db) {
                return .alreadyIngested(earlier)
            }
            let source = record.source?.name ?? record.format
            let replaced = replacing
                ? try Self.removeSnapshots(observedOn: record.observedOn, source: source, providers: providerIDs, in: db) : []
            for declaration in record.providers {
                try Self.upsert(declaration.provider, in: db)
            }
            try Self.addBuiltInProviders(providerIDs, in: db)
            let declaredIDs = Set(record.declaredGPUs.map(\.id))
            for gpu in record.declaredGPUs + record.usedGPUs.filter({ !declaredIDs.contains($0.id) }) {
                try Self.upsert(gpu, in: db)
            }
            let snapshotID = try Self.insertSnapshot(
                sha256: record.sha256, format: record.format, observedOn: record.observedOn, providerIDs: providerIDs,
                source: record.source, fileName: record.fileName, ingestedAt: ingestedAt,
                counts: (record.observations.count, record.providerCount, record.gpuCount, record.skippedCount), in: db)
            for declaration in record.providers {
                for (position, feature) in (declaration.features ?? []).enumerated() {
                    let (type, value) = Self.columns(of: feature.value)
                    try db.execute(
                        sql: """
                            INSERT INTO provider_feature (provider_id, snapshot_id, name, position, value_type, value)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [declaration.provider.id, snapshotID, feature.name, position, type, value])
                }
            }
            try Self.prepareStaging(in: db)
            try Self.stage(record.observations, in: db)
            var days: [String: Set<Day>] = [:]
            for observation in record.observations { days[observation.providerID, default: []].insert(observation.observedOn) }
            try Self.applyStaged(
                days.flatMap { provider, days in days.map { (provider: provider, day: $0) } }, snapshotID: snapshotID,
                source: source, in: db)
            return .stored(try Self.snapshot(id: snapshotID, in: db), replaced: replaced)
        }
    }

    /// Removes snapshots by id, with everything they hold, in one transaction; with `dryRun`, the same
    /// transaction is rolled back, so the check is the real one. An id that does not exist, or a removal that
    /// cannot be done, fails the whole call: nothing is removed by half.
    public func removeSnapshots(ids: [Int64], dryRun: Bool = false) throws(StoreError) -> [StoredSnapshot] {
        var found: [StoredSnapshot] = []
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for id in ids where !found.contains(where: { $0.id == id }) {
                        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM snapshot WHERE id = ?", arguments: [id]) else {
                            throw StoreError.noSuchSnapshot(id)
                        }
                        found.append(try Self.storedSnapshot(row))
                    }
                    try Self.remove(found.map(\.id), in: db)
                    return dryRun ? .rollback : .commit
                }
            }
            try recordVerified()
        } catch let error as StoreError {
            throw error
        } catch {
            throw .sqlite(Self.reason(error))
        }
        return found
    }

    /// Removes the snapshots observed on `day` from the same source (its name, else its format) that observed
    /// any of `providers`, and returns what it removed.
    static func removeSnapshots(observedOn day: Day, source: String, providers: [String], in db: Database) throws
        -> [StoredSnapshot]
    {
        let snapshots = try SQLRequest<Row>(
            literal: """
                SELECT * FROM snapshot s
                WHERE s.observed_on = \(day.description) AND EXISTS (
                    SELECT 1 FROM feed_day d JOIN feed f ON f.id = d.feed_id
                    WHERE d.snapshot_id = s.id AND f.source = \(source) AND f.provider_id IN \(providers))
                ORDER BY s.id
                """
        ).fetchAll(db).map { row throws in try storedSnapshot(row) }
        let dropped = try SQLRequest<Row>(
            literal: """
                SELECT f.provider_id, count(DISTINCT o.id) AS offers FROM feed_day d
                JOIN feed f ON f.id = d.feed_id
                LEFT JOIN offer o ON o.feed_id = f.id AND EXISTS (
                    SELECT 1 FROM price_run r WHERE r.offer_id = o.id AND r.first_seen <= d.observed_on
                      AND r.last_seen >= d.observed_on)
                WHERE d.snapshot_id IN \(snapshots.map(\.id)) AND f.provider_id NOT IN \(providers)
                GROUP BY f.provider_id
                """
        ).fetchAll(db)
        if !dropped.isEmpty {
            throw StoreError.correctionDropsProviders(
                snapshots: snapshots.map(\.id),
                offers: Dictionary(uniqueKeysWithValues: dropped.map { ($0["provider_id"], $0["offers"]) }))
        }
        try remove(snapshots.map(\.id), in: db)
        return snapshots
    }

    private static func remove(_ ids: [Int64], in db: Database) throws {
        guard !ids.isEmpty else { return }
        try removeFromHistory(ids, in: db)
        try db.execute(literal: "DELETE FROM snapshot WHERE id IN \(ids)")
    }

    /// How many rows each table holds, to show that a failed ingest changed nothing.
    public func rowCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in ["provider", "provider_feature", "gpu", "gpu_alias", "snapshot", "feed", "feed_day", "offer", "price_run"] {
                counts[table] = try Table(table).fetchCount(db)
            }
            return counts
        }
    }

    static func snapshot(sha256: String, observedOn day: Day?, providerIDs: [String]?, in db: Database) throws -> StoredSnapshot? {
        try SQLRequest<Row>(
            literal: """
                SELECT * FROM snapshot WHERE sha256 = \(sha256)
                  AND (\(day?.description) IS NULL OR observed_on = \(day?.description))
                  AND (\(providerIDs?.joined(separator: ",")) IS NULL OR provider_ids = \(providerIDs?.joined(separator: ",")))
                ORDER BY id LIMIT 1
                """
        ).fetchOne(db).map { row throws in try storedSnapshot(row) }
    }

    /// The snapshots that observed any of `providers` from `start` through `end`, oldest first: what a report
    /// of those days drew on.
    public func snapshots(observing providers: [String], from start: Day, through end: Day) throws(StoreError) -> [StoredSnapshot] {
        try read { db in
            try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT s.* FROM snapshot s WHERE s.id IN (
                            SELECT d.snapshot_id FROM feed_day d JOIN feed f ON f.id = d.feed_id
                            WHERE f.provider_id IN \(providers) AND d.observed_on BETWEEN \(start.description) AND \(end.description))
                        ORDER BY s.observed_on, s.id
                        """)
            ).map(Self.storedSnapshot)
        }
    }

    static func snapshot(id: Int64, in db: Database) throws -> StoredSnapshot {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM snapshot WHERE id = ?", arguments: [id]) else {
            throw StoreError.damaged("snapshot \(id) vanished while it was written")
        }
        return try storedSnapshot(row)
    }

    /// Adds a snapshot row and returns its id; `counts` are observations, providers, GPUs and skipped rows.
    static func insertSnapshot(
        sha256: String, format: String, observedOn: Day, providerIDs: [String], source: Source?, fileName: String,
        ingestedAt: Date, counts: (observations: Int, providers: Int, gpus: Int, skipped: Int), in db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO snapshot (sha256, format, observed_on, provider_ids, source_name, source_url, source_published,
                    file_name, ingested_at, observation_count, provider_count, gpu_count, skipped_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                sha256, format, observedOn.description, providerIDs.joined(separator: ","), source?.name, source?.url,
                source?.published?.description,
                UntrustedText.escaped(fileName), ingestedAt.formatted(.iso8601), counts.observations, counts.providers,
                counts.gpus, counts.skipped,
            ])
        return db.lastInsertedRowID
    }

    /// Adds the built-in providers (`ProviderRegistry`) among `ids` that the database does not hold yet; one it
    /// holds keeps what it was told.
    static func addBuiltInProviders(_ ids: [String], in db: Database) throws {
        for id in ids {
            guard let provider = ProviderRegistry.provider(id: id) else { continue }
            try db.execute(
                sql: "INSERT INTO provider (id, name, short_name, kind, url) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                arguments: [provider.id, provider.name, provider.shortName, provider.kind.rawValue, provider.url])
        }
    }

    /// Adds a provider, or brings a known one's metadata up to date.
    static func upsert(_ provider: Provider, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO provider (id, name, short_name, kind, url) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, short_name = excluded.short_name, kind = excluded.kind, url = excluded.url
                """,
            arguments: [provider.id, provider.name, provider.shortName, provider.kind.rawValue, provider.url])
    }

    static func upsert(_ gpu: GPU, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO gpu (id, name, memory_gb, class) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, memory_gb = excluded.memory_gb,
                    class = excluded.class
                """,
            arguments: [gpu.id, gpu.name, gpu.memoryGB, gpu.gpuClass.rawValue])
        for alias in gpu.aliases {
            try db.execute(
                sql: "INSERT OR REPLACE INTO gpu_alias (key, gpu_id, alias) VALUES (?, ?, ?)",
                arguments: [GPUCatalog.key(alias), gpu.id, alias])
        }
    }

    private static func columns(of value: ProviderFeature.Value) -> (String, String) {
        switch value {
        case .string(let text): return ("string", text)
        case .number(let literal): return ("number", literal)
        case .boolean(let flag): return ("boolean", flag ? "true" : "false")
        }
    }

    static func featureValue(type: String, value: String) -> ProviderFeature.Value {
        switch type {
        case "number": return .number(value)
        case "boolean": return .boolean(value == "true")
        default: return .string(value)
        }
    }

    static func storedSnapshot(_ row: Row) throws -> StoredSnapshot {
        guard let observedOn = Day(row["observed_on"] as String) else {
            throw StoreError.damaged("snapshot \(row["id"] as Int64) has the observation day \(row["observed_on"] as String)")
        }
        return StoredSnapshot(
            id: row["id"], sha256: row["sha256"], format: row["format"],
            observedOn: observedOn,
            source: Source(
                name: row["source_name"], url: row["source_url"],
                published: (row["source_published"] as String?).flatMap { Day($0) }),
            fileName: row["file_name"], ingestedAt: row["ingested_at"],
            observationCount: row["observation_count"], providerCount: row["provider_count"],
            gpuCount: row["gpu_count"], skippedCount: row["skipped_count"])
    }
}

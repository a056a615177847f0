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

    /// The snapshot ingested from a file with this content hash, if any.
    public func snapshot(sha256: String) throws(StoreError) -> StoredSnapshot? {
        try read { db in
            try Self.snapshot(sha256: sha256, in: db)
        }
    }

    /// Every ingested snapshot, oldest observation date first.
    public func snapshots() throws(StoreError) -> [StoredSnapshot] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM snapshot ORDER BY observed_on, id").map(Self.storedSnapshot)
        }
    }

    /// Writes one file's snapshot in a single transaction: all of it, or (on any error) none of it.
    /// The duplicate check is repeated inside the transaction so that two imports of one file cannot both land.
    /// With `replacing`, the stored snapshots of the same day, source and provider(s) are removed in the same
    /// transaction: a corrected file takes the place of the wrong one.
    public func record(_ record: SnapshotRecord, replacing: Bool = false, ingestedAt: Date = Date()) throws(StoreError) -> RecordOutcome {
        try write { db in
            if let earlier = try Self.snapshot(sha256: record.sha256, in: db) {
                return .alreadyIngested(earlier)
            }
            let replaced = replacing
                ? try Self.removeSnapshots(
                    observedOn: record.observedOn, sourceName: record.source?.name,
                    providers: Array(Set(record.observations.map(\.providerID))), in: db)
                : []
            for declaration in record.providers {
                try Self.upsert(declaration.provider, in: db)
            }
            let declaredIDs = Set(record.declaredGPUs.map(\.id))
            for gpu in record.declaredGPUs + record.usedGPUs.filter({ !declaredIDs.contains($0.id) }) {
                try Self.upsert(gpu, in: db)
            }
            let snapshotID = try Self.insertSnapshot(
                sha256: record.sha256, format: record.format, observedOn: record.observedOn, source: record.source,
                fileName: record.fileName, ingestedAt: ingestedAt,
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
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO observation (snapshot_id, provider_id, gpu_id, gpu_label, variant,
                        gpu_count_millionths, instance, region, tier, currency, price_low_micros, price_high_micros,
                        status, approximate, observed_on, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for observation in record.observations {
                try insert.execute(arguments: [
                    snapshotID, observation.providerID, observation.gpuID, observation.gpuLabel, observation.variant,
                    observation.gpuCount.millionths, observation.instance, observation.region,
                    observation.tier.rawValue, observation.currency, observation.price?.low.micros,
                    observation.price?.high.micros, observation.status.rawValue, observation.approximate,
                    observation.observedOn.description, observation.note,
                ])
            }
            return .stored(try Self.snapshot(id: snapshotID, in: db), replaced: replaced)
        }
    }

    /// Removes snapshots by id, with everything they hold, in one transaction; with `dryRun`, only finds them.
    /// An id that does not exist fails the whole call, so nothing is removed by half.
    public func removeSnapshots(ids: [Int64], dryRun: Bool = false) throws(StoreError) -> [StoredSnapshot] {
        try write { db in
            var found: [StoredSnapshot] = []
            for id in ids where !found.contains(where: { $0.id == id }) {
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM snapshot WHERE id = ?", arguments: [id]) else {
                    throw StoreError.noSuchSnapshot(id)
                }
                found.append(Self.storedSnapshot(row))
            }
            if !dryRun {
                for snapshot in found {
                    try db.execute(sql: "DELETE FROM snapshot WHERE id = ?", arguments: [snapshot.id])
                }
            }
            return found
        }
    }

    /// Removes the snapshots observed on `day` from the same source (both without one, or with the same name)
    /// that hold observations of any of `providers`, and returns what it removed.
    static func removeSnapshots(observedOn day: Day, sourceName: String?, providers: [String], in db: Database) throws
        -> [StoredSnapshot]
    {
        let rows = try SQLRequest<Row>(
            literal: """
                SELECT * FROM snapshot s
                WHERE s.observed_on = \(day.description) AND s.source_name IS \(sourceName)
                  AND EXISTS (SELECT 1 FROM observation o WHERE o.snapshot_id = s.id AND o.provider_id IN \(providers))
                ORDER BY s.id
                """
        ).fetchAll(db)
        let snapshots = rows.map(storedSnapshot)
        for snapshot in snapshots {
            try db.execute(sql: "DELETE FROM snapshot WHERE id = ?", arguments: [snapshot.id])
        }
        return snapshots
    }

    /// How many rows each table holds, to show that a failed ingest changed nothing.
    public func rowCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in ["provider", "provider_feature", "gpu", "gpu_alias", "snapshot", "observation"] {
                counts[table] = try Table(table).fetchCount(db)
            }
            return counts
        }
    }

    static func snapshot(sha256: String, in db: Database) throws -> StoredSnapshot? {
        try Row.fetchOne(db, sql: "SELECT * FROM snapshot WHERE sha256 = ?", arguments: [sha256]).map(storedSnapshot)
    }

    static func snapshot(id: Int64, in db: Database) throws -> StoredSnapshot {
        storedSnapshot(try Row.fetchOne(db, sql: "SELECT * FROM snapshot WHERE id = ?", arguments: [id])!)
    }

    /// Adds a snapshot row and returns its id; `counts` are observations, providers, GPUs and skipped rows.
    static func insertSnapshot(
        sha256: String, format: String, observedOn: Day, source: Source?, fileName: String, ingestedAt: Date,
        counts: (observations: Int, providers: Int, gpus: Int, skipped: Int), in db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO snapshot (sha256, format, observed_on, source_name, source_url, source_published,
                    file_name, ingested_at, observation_count, provider_count, gpu_count, skipped_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                sha256, format, observedOn.description, source?.name, source?.url, source?.published?.description,
                fileName, ISO8601DateFormatter().string(from: ingestedAt), counts.observations, counts.providers,
                counts.gpus, counts.skipped,
            ])
        return db.lastInsertedRowID
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

    static func storedSnapshot(_ row: Row) -> StoredSnapshot {
        StoredSnapshot(
            id: row["id"], sha256: row["sha256"], format: row["format"],
            observedOn: Day(row["observed_on"] as String)!,
            source: Source(
                name: row["source_name"], url: row["source_url"],
                published: (row["source_published"] as String?).flatMap { Day($0) }),
            fileName: row["file_name"], ingestedAt: row["ingested_at"],
            observationCount: row["observation_count"], providerCount: row["provider_count"],
            gpuCount: row["gpu_count"], skippedCount: row["skipped_count"])
    }
}

import Foundation
import GRDB
import PriceDBMigrations
import TestSupport
import Testing

@testable import PriceDB

@Suite struct MigrationTests {
    @Test func everySQLFileIsRegisteredInOrder() throws {
        let folder = FixturePaths.packageRoot.appendingPathComponent("Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(!files.isEmpty)
        #expect(migrations.map(\.name) == files)
        for migration in migrations {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(migration.name), encoding: .utf8)
            #expect(migration.sql == onDisk, "the embedded \(migration.name) differs from the file; rebuild")
        }
    }

    @Test func anEmptyDatabaseMigratesToAConsistentSchema() throws {
        let store = try PriceStore.inMemory()
        #expect(try store.schemaVersion() == migrations.count)
        try store.writer.read { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
            for table in ["provider", "provider_feature", "gpu", "gpu_alias", "snapshot", "feed", "feed_day", "offer", "price_run"] {
                #expect(try db.tableExists(table), "missing table \(table)")
            }
        }
    }

    /// Every older schema version, holding data, must reach the newest without losing it.
    @Test(arguments: 0..<migrations.count)
    func eachOlderVersionMigratesToTheNewest(from version: Int) throws {
        let queue = try DatabaseQueue()
        if version > 0 {
            try PriceStore.migrator.migrate(queue, upTo: migrations[version - 1].name)
            // Rows as that schema knew them, which every later version must keep.
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO provider (id, name, short_name, kind) VALUES ('old', 'Old Cloud', 'Old', 'other');
                        INSERT INTO gpu (id, name, memory_gb, class) VALUES ('t4', 'T4', 16, 'datacenter');
                        """)
                if try db.tableExists("observation") {
                    try db.execute(
                        sql: """
                            INSERT INTO snapshot (sha256, format, observed_on, file_name, ingested_at, observation_count,
                                provider_count, gpu_count)
                            VALUES (printf('%064d', 1), 'pricedb-snapshot/1', '2025-01-01', 'old.json', '2025-01-02T00:00:00Z',
                                1, 1, 1);
                            INSERT INTO observation (snapshot_id, provider_id, gpu_id, gpu_label, gpu_count_millionths, tier,
                                currency, price_low_micros, price_high_micros, status, observed_on)
                            VALUES (1, 'old', 't4', 'T4', 1000000, 'on-demand', 'USD', 350000, 350000, 'available', '2025-01-01');
                            """)
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO snapshot (sha256, format, observed_on, provider_ids, file_name, ingested_at,
                                observation_count, provider_count, gpu_count)
                            VALUES (printf('%064d', 1), 'pricedb-snapshot/1', '2025-01-01', 'old', 'old.json',
                                '2025-01-02T00:00:00Z', 1, 1, 1);
                            INSERT INTO feed (id, provider_id, source) VALUES (1, 'old', 'pricedb-snapshot/1');
                            INSERT INTO feed_day (feed_id, observed_on, snapshot_id) VALUES (1, '2025-01-01', 1);
                            INSERT INTO offer (id, feed_id, provider_id, gpu_id, gpu_label, gpu_count_millionths, tier, currency)
                            VALUES (1, 1, 'old', 't4', 'T4', 1000000, 'on-demand', 'USD');
                            INSERT INTO price_run (offer_id, first_seen, last_seen, price_low_micros, price_high_micros, status,
                                first_snapshot_id, last_snapshot_id)
                            VALUES (1, '2025-01-01', '9999-12-31', 350000, 350000, 'available', 1, NULL);
                            """)
                    // From schema 7 on, every write of runs keeps their summary.
                    if try db.tableExists("series_day") {
                        try db.execute(
                            sql: """
                                INSERT INTO series_day (feed_id, gpu_id, tier, day, status, gpu_count_millionths, currency,
                                    price_low_micros, price_high_micros, approximate, offers)
                                VALUES (1, 't4', 'on-demand', CAST(julianday('2025-01-01') - 2440587.5 AS INTEGER), 'available',
                                    1000000, 'USD', 350000, 350000, 0, 1);
                                """)
                    }
                }
            }
        }
        let store = try PriceStore(writer: queue, path: ":memory:")
        #expect(try store.schemaVersion() == migrations.count)
        if version > 0 {
            let cell = try PriceQuery(store: store).cell(provider: "old", gpu: "t4", asOf: Day("2025-03-31")!)
            #expect(cell.price == PriceRange(Money("0.35")!))
        }
        _ = try Ingestor(store: store, today: Day("2026-11-25")!).ingest(fileAt: FixturePaths.seed.path)
        try queue.read { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func aDatabaseFromANewerPricedbIsRefused() throws {
        let queue = try DatabaseQueue()
        try PriceStore.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: ["9999_future.sql"])
        }
        #expect(throws: StoreError.self) { try PriceStore(writer: queue, path: "future.sqlite") }
    }

    @Test func aFileDatabaseUsesWALAndCreatesItsFolder() throws {
        let folder = Scratch.unique("pricedb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/prices.sqlite").path
        let store = try PriceStore.open(at: path)
        #expect(FileManager.default.fileExists(atPath: path))
        try store.writer.read { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
        }
    }
}

@Suite struct IndexTests {
    /// The cells of a report grid must stay seeks, per offer, however long the history grows: SQLite reaches
    /// runs and feed days only through their primary keys, and offers through a covering index.
    @Test func theGridIsAnsweredBySeeks() throws {
        let store = try PriceStore.inMemory()
        for regions in [nil, ["us-east-1", "eastus"]] {
            let filter = PriceStore.SeriesFilter(
                providers: ["aws", "vast"], gpus: ["a100-40gb", "h100-80gb"], tiers: Tier.reportedByDefault, regions: regions)
            let plan = try store.writer.read { (db: Database) throws in
                let query = PriceStore.offerSightingsQuery(asOf: Day("2026-02-28")!, filter)
                return try SQLRequest<Row>(literal: "EXPLAIN QUERY PLAN " + query).fetchAll(db).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("USING PRIMARY KEY (offer_id=? AND last_seen>?)") }, "\(plan)")
            #expect(plan.contains { $0.contains("USING PRIMARY KEY (offer_id=? AND last_seen<?)") }, "\(plan)")
            #expect(plan.contains { $0.contains("INDEX offer_series") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN price_run") || $0.hasPrefix("SCAN feed_day") || $0.hasPrefix("SCAN d") || $0.hasPrefix("SCAN x") || $0.hasPrefix("SCAN r") }, "\(plan)")
        }
    }
}

extension IndexTests {
    /// Without regions, the grid reads `series_day` by its key: a seek for each series' latest day, then the
    /// rows of that day; never a scan, whatever the length of the history.
    @Test func theGridFromSummariesIsAnsweredBySeeks() throws {
        let store = try PriceStore.inMemory()
        let filter = PriceStore.SeriesFilter(providers: ["aws", "vast"], gpus: ["a100-40gb", "h100-80gb"], tiers: Tier.reportedByDefault)
        let plan = try store.writer.read { (db: Database) throws in
            let query = PriceStore.latestSeriesDaysQuery(asOf: Day("2026-02-28")!, filter)
            return try SQLRequest<Row>(literal: "EXPLAIN QUERY PLAN " + query).fetchAll(db).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("SEARCH x USING PRIMARY KEY (feed_id=? AND gpu_id=? AND tier=? AND day<?)") }, "\(plan)")
        #expect(!plan.contains { $0.contains("SCAN t") && !$0.contains("VIRTUAL TABLE") }, "\(plan)")
        #expect(plan.contains { $0.contains("SEARCH s USING PRIMARY KEY (feed_id=? AND gpu_id=? AND tier=? AND day=?)") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN s") || $0.hasPrefix("SCAN x") || $0.hasPrefix("SCAN series_day") }, "\(plan)")
    }
}

/// The quick check before writing is skipped only for a file exactly as pricedb left it.
@Suite struct VerifiedStampTests {
    @Test func aDatabaseAsPricedbLeftItIsNotCheckedAgainButAChangedOneIs() throws {
        let folder = Scratch.unique("stamp").path
        let path = folder + "/prices.sqlite"
        let store = try PriceStore.open(at: path)
        #expect(!VerifiedStamp.matches(path))
        guard case .stored = try Ingestor(store: store, today: Day("2026-11-25")!).ingest(fileAt: FixturePaths.seed.path) else {
            Issue.record("the seed was not stored")
            return
        }
        #expect(VerifiedStamp.matches(path))
        // Another program writes to the file: its log grows, and the stamp no longer matches.
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "UPDATE provider SET name = name || ' '") }
        #expect(!VerifiedStamp.matches(path))
        try other.close()
        // A check that passes stamps the file again.
        _ = try PriceStore.open(at: path)
        #expect(VerifiedStamp.matches(path))
    }
}

import Foundation
import GRDB
import PriceDBMigrations
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
            for table in ["provider", "provider_feature", "gpu", "gpu_alias", "snapshot", "observation"] {
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
        }
        let store = try PriceStore(writer: queue, path: ":memory:")
        #expect(try store.schemaVersion() == migrations.count)
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pricedb-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nested/prices.sqlite").path
        let store = try PriceStore.open(at: path)
        #expect(FileManager.default.fileExists(atPath: path))
        try store.writer.read { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
        }
    }
}

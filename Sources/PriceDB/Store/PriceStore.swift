import Foundation
import GRDB
import PriceDBMigrations

/// The one owner of the price database: it opens it, brings its schema up to date, and offers reads and writes
/// named for what they do. Nothing outside `Store/` sees SQL or GRDB, so another storage engine could take
/// SQLite's place behind this type.
public struct PriceStore: Sendable {
    let writer: any DatabaseWriter
    /// Where the database lives, for messages; `:memory:` for an in-memory one.
    public let path: String
    /// A private copy in memory that nothing else sees (for dry runs): writing to it changes no file.
    public let isScratch: Bool

    /// Opens the database at `path` (creating it and its folder if `create`, else failing with `.missing`), in
    /// WAL mode with a busy timeout so that a cron import and a report can run side by side, and applies any
    /// pending migration.
    public static func open(at path: String, create: Bool = true) throws(StoreError) -> PriceStore {
        if !create && !FileManager.default.fileExists(atPath: path) { throw .missing(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreateFolder(path: folder, reason: Self.reason(error))
            }
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        return try PriceStore(writer: queue, path: path)
    }

    /// A private database in memory, for tests and dry runs.
    public static func inMemory() throws(StoreError) -> PriceStore {
        do {
            return try PriceStore(writer: DatabaseQueue(), path: ":memory:")
        } catch let error as StoreError {
            throw error
        } catch {
            throw .sqlite(Self.reason(error))
        }
    }

    /// A scratch copy in memory of the database at `path`, or an empty one if there is none: a dry run writes
    /// to it exactly as a real run would write to the file, so each file of the run sees what the files before
    /// it would have stored. The file is only read (through SQLite's backup API), never created or migrated.
    public static func scratchCopy(ofDatabaseAt path: String) throws(StoreError) -> PriceStore {
        let memory = try memoryQueue()
        guard FileManager.default.fileExists(atPath: path) else { return try PriceStore(writer: memory, path: path, isScratch: true) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            try DatabaseQueue(path: path, configuration: configuration).backup(to: memory)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        return try PriceStore(writer: memory, path: path, isScratch: true)
    }

    /// A scratch copy in memory of this database (itself, if it is one already).
    public func scratchCopy() throws(StoreError) -> PriceStore {
        if isScratch { return self }
        let memory = try Self.memoryQueue()
        do {
            try writer.backup(to: memory)
        } catch {
            throw .sqlite(Self.reason(error))
        }
        return try PriceStore(writer: memory, path: path, isScratch: true)
    }

    private static func memoryQueue() throws(StoreError) -> DatabaseQueue {
        do {
            return try DatabaseQueue()
        } catch {
            throw .sqlite(reason(error))
        }
    }

    init(writer: any DatabaseWriter, path: String, isScratch: Bool = false) throws(StoreError) {
        self.writer = writer
        self.path = path
        self.isScratch = isScratch
        let migrator = Self.migrator
        do {
            let superseded = try writer.read { db in
                try migrator.hasBeenSuperseded(db)
                    ? Array(try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)).sorted() : []
            }
            if !superseded.isEmpty { throw StoreError.newerSchema(path: path, unknown: superseded) }
            try migrator.migrate(writer)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    /// Every file of `Migrations/`, in order; each also sets `PRAGMA user_version` to its number so that
    /// `sqlite3` users can see the schema version without knowing GRDB's bookkeeping table.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (number, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
                // PRAGMA takes no bound parameters; the value is this loop's own counter, never input.
                try db.execute(sql: "PRAGMA user_version = \(number + 1)")
            }
        }
        return migrator
    }

    /// The schema version: how many migrations have been applied.
    public func schemaVersion() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw .sqlite(Self.reason(error))
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .sqlite(Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? error.description
        }
        return (error as NSError).localizedDescription
    }
}

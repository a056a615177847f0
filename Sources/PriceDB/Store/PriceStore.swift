import Foundation
import GRDB
import PriceDBMigrations

/// The one owner of the price database: it opens it, brings its schema up to date, and offers reads and writes
/// named for what they do. Nothing outside `Store/` sees SQL or GRDB, so another storage engine could take
/// SQLite's place behind this type.
public struct PriceStore: Sendable {
    let writer: any DatabaseWriter
    /// What reads go through: the writer itself, or for a command that only reads, one snapshot of the
    /// database, so that all its queries see the same state (one read transaction) and nothing is written.
    let reader: any DatabaseReader
    /// Where the database lives, for messages; `:memory:` for an in-memory one.
    public let path: String
    /// A private copy in memory that nothing else sees (for dry runs): writing to it changes no file.
    public let isScratch: Bool
    /// Whether each write ends with a checkpoint of the write-ahead log (see `recordVerified`); off for a
    /// long run of writes (`forBulkWrites`), which checkpoints once at the end.
    var checkpointsEachWrite = true

    /// Opens the database at `path` (creating it and its folder if `create`, else failing with `.missing`), in
    /// WAL mode with a busy timeout so that a cron import and a report can run side by side, and applies any
    /// pending migration. An existing database must pass SQLite's quick check first, unless it is as pricedb
    /// last verified or wrote it (`VerifiedStamp`): a damaged one takes no more writes (`pricedb check` says
    /// what is wrong).
    public static func open(at path: String, create: Bool = true) throws(StoreError) -> PriceStore {
        let existed = try Self.fileExists(at: path)
        if !create && !existed { throw .missing(path: path) }
        // Another program's file is refused before a lock file is made beside it; an empty one may be a
        // database that another pricedb is creating right now, and is judged once that one is done.
        if existed && !DatabaseIdentity.mayBeBeingCreated(path) { try DatabaseIdentity.verify(path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotCreateFolder(path: folder, reason: Self.reason(error))
            }
        }
        // Creating and migrating is done by one process at a time: SQLite's own locks do not cover the migrator
        // deciding which migrations are missing before it applies them.
        let lock = try MigrationLock(beside: path)
        defer { lock.release() }
        if existed { try DatabaseIdentity.verify(path) }
        var configuration = Configuration()
        // WAL is set once; asking GRDB for it on every open would write to the file (it makes sure of the log
        // by creating and dropping a table), so a database already in WAL mode is opened as it is.
        configuration.journalMode = existed && Self.isInWALMode(path) ? .default : .wal
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: DatabaseIdentity.literal(path), configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        if existed && !VerifiedStamp.matches(path) {
            do {
                let result = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
                guard result == ["ok"] else {
                    throw StoreError.damaged("SQLite's quick check reports \(result.prefix(3).joined(separator: "; ")); nothing was written")
                }
                VerifiedStamp.record(path)
            } catch let error as StoreError {
                throw error
            } catch {
                throw .cannotOpen(path: path, reason: Self.reason(error))
            }
        }
        return try PriceStore(writer: queue, path: path)
    }

    /// Whether a database file is at `path`; something else there (a folder, a device) is an error.
    static func fileExists(at path: String) throws(StoreError) -> Bool {
        switch FileKind(of: path) {
        case .missing: return false
        case .regular: return true
        case .folder: throw .notAFile(path: path, isFolder: true)
        case .pipe, .device: throw .notAFile(path: path, isFolder: false)
        }
    }

    /// Whether the file's header says it is in WAL mode (its read and write versions are 2).
    private static func isInWALMode(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = [UInt8](handle.readData(ofLength: 20))
        return header.count == 20 && header[18] == 2 && header[19] == 2
    }

    /// Opens an existing database for a command that only reads: read-only, so that it works for a user who
    /// may only read the file and changes nothing, and through one snapshot, so that every query of the command
    /// sees the same state. A database of an older schema is upgraded first (which needs write access).
    public static func openForReading(at path: String) throws(StoreError) -> PriceStore {
        guard try fileExists(at: path) else { throw .missing(path: path) }
        try DatabaseIdentity.verify(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            var pool = try DatabasePool(path: DatabaseIdentity.literal(path), configuration: configuration)
            if let snapshot = try upToDateSnapshot(of: pool, path: path) {
                return PriceStore(writer: pool, reader: snapshot, path: path)
            }
            _ = try open(at: path, create: false)
            pool = try DatabasePool(path: DatabaseIdentity.literal(path), configuration: configuration)
            return PriceStore(writer: pool, reader: try pool.makeSnapshot(), path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            if let store = try immutableWhenUnwritable(path, configuration: configuration) { return store }
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    /// A snapshot of the database if its schema is this pricedb's, `nil` (and none held, so that an upgrade can
    /// take its locks) if it is older. The version is read through the snapshot the command will use: every
    /// connection costs a parse of the schema.
    private static func upToDateSnapshot(of pool: DatabasePool, path: String) throws -> DatabaseSnapshot? {
        let snapshot = try pool.makeSnapshot()
        let version = try snapshot.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        if version > migrations.count {
            throw StoreError.newerSchema(path: path, unknown: ["user_version \(version)"])
        }
        return version == migrations.count ? snapshot : nil
    }

    /// A WAL database in a folder the user may not write, with no `-wal` and `-shm` files beside it, can only be
    /// read as immutable (SQLite cannot create the files a WAL reader needs). Nobody is writing it then, since
    /// a writer would have created them; `nil` when that is not the case.
    private static func immutableWhenUnwritable(_ path: String, configuration: Configuration) throws(StoreError) -> PriceStore? {
        let folder = (path as NSString).deletingLastPathComponent
        guard !FileManager.default.isWritableFile(atPath: folder.isEmpty ? "." : folder),
            !FileManager.default.fileExists(atPath: path + "-wal"),
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%")))
        else { return nil }
        do {
            let queue = try DatabaseQueue(path: "file:" + encoded + "?immutable=1", configuration: configuration)
            let version = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            guard version == migrations.count else {
                throw StoreError.cannotOpen(
                    path: path, reason: "it has schema \(version) and this pricedb reads schema \(migrations.count); "
                        + "upgrading it needs write access to its folder")
            }
            return PriceStore(writer: queue, reader: queue, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
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
        try DatabaseIdentity.verify(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            try DatabaseQueue(path: DatabaseIdentity.literal(path), configuration: configuration).backup(to: memory)
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

    /// A store reading through a snapshot of an up-to-date database; nothing is migrated.
    private init(writer: any DatabaseWriter, reader: any DatabaseReader, path: String) {
        self.writer = writer
        self.reader = reader
        self.path = path
        self.isScratch = false
    }

    init(writer: any DatabaseWriter, path: String, isScratch: Bool = false) throws(StoreError) {
        self.writer = writer
        self.reader = writer
        self.path = path
        self.isScratch = isScratch
        let migrator = Self.migrator
        do {
            let superseded = try writer.read { db in
                try migrator.hasBeenSuperseded(db)
                    ? Array(try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)).sorted() : []
            }
            if !superseded.isEmpty { throw StoreError.newerSchema(path: path, unknown: superseded) }
            let version = try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
            if version > migrations.count {
                throw StoreError.newerSchema(path: path, unknown: ["user_version \(version)"])
            }
            // An up-to-date database is left as it is: the migrator's own bookkeeping would write to it.
            if try !writer.read(migrator.hasCompletedMigrations) {
                try migrator.migrate(writer)
            }
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
            return try reader.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .sqlite(Self.reason(error))
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            let result = try writer.write(body)
            try recordVerified()
            return result
        } catch let error as StoreError {
            throw error
        } catch {
            throw .sqlite(Self.reason(error))
        }
    }

    /// After a write of pricedb's own, on a database file: moves the write-ahead log into the file and records
    /// the result as verified (`VerifiedStamp`), so that the next open need not check the whole file again.
    func recordVerified() throws {
        guard !isScratch && path != ":memory:" && checkpointsEachWrite else { return }
        // A reader still using the log leaves it unfinished (busy); then the next open checks again.
        let checkpoint = try writer.writeWithoutTransaction { db in try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        if checkpoint?[0] as Int? == 0 { VerifiedStamp.record(path) }
    }

    /// This store for a long run of writes (`backfill`): no checkpoint after each write, and commits that do
    /// not wait for the disk (SQLite's `synchronous = NORMAL` in WAL mode: the database stays consistent, and
    /// a power cut may lose only the last versions written, which a resumed run writes again). `finishWrites`
    /// ends the run.
    public func forBulkWrites() throws(StoreError) -> PriceStore {
        var store = self
        store.checkpointsEachWrite = false
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        } catch {
            throw .sqlite(Self.reason(error))
        }
        return store
    }

    /// Ends a run of writes begun with `forBulkWrites`: commits wait for the disk again, the log is moved into
    /// the file, and the file is recorded as verified, as after any single write.
    public func finishWrites() throws(StoreError) {
        var store = self
        store.checkpointsEachWrite = true
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            try store.recordVerified()
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

import Foundation
import GRDB
import PriceDBMigrations

/// Whether a file is a pricedb database, told before anything opens it for writing: pricedb migrates and
/// writes only its own files, never another program's SQLite database, an empty file or something else that a
/// mistyped `--db` names.
enum DatabaseIdentity {
    /// pricedb's `PRAGMA application_id` ("PRDB"), set by `Migrations/0009_strict_rates.sql`; see
    /// https://www.sqlite.org/fileformat.html#application_id.
    static let applicationID: Int32 = 0x5052_4442

    /// Refuses an existing file at `path` that is not a pricedb database (of this or an older schema), naming
    /// what it is instead.
    static func verify(_ path: String) throws(StoreError) {
        if let other = what(path) { throw .notPricedb(path: path, what: other) }
    }

    /// `nil` for a pricedb database, else what the file is, for a message.
    static func what(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        let header = [UInt8](handle.readData(ofLength: 100))
        try? handle.close()
        if header.isEmpty { return "an empty file (0 bytes)" }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            return "not an SQLite database"
        }
        // The application id is bytes 68 to 71 of the header, big-endian.
        let id = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if id == applicationID { return nil }
        if id != 0 { return "an SQLite database of another program (application_id \(id))" }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            let queue = try DatabaseQueue(path: literal(path), configuration: configuration)
            let tables = try queue.read { db in
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            }
            guard tables.contains("grdb_migrations") else {
                if tables.isEmpty { return noTables + ", which pricedb did not create" }
                let listed = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
                return "an SQLite database of another program (tables \(listed))"
            }
            let applied = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            let ours = Set(migrations.map(\.name))
            if let foreign = applied.first(where: { !ours.contains($0) && !$0.hasPrefix("00") }) {
                return "an SQLite database whose migrations are another program's (\(foreign))"
            }
            return nil
        } catch {
            return "a file SQLite cannot read (\(PriceStore.reason(error)))"
        }
    }

    /// Whether the file at `path` may be a database another pricedb is creating right now: no bytes yet, or
    /// an SQLite file with no tables yet (and no other program's mark).
    static func mayBeBeingCreated(_ path: String) -> Bool {
        if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 { return true }
        return what(path)?.hasPrefix(noTables) == true
    }

    private static let noTables = "an SQLite database with no tables"

    /// `path` as SQLite must see it to read it as a file name: SQLite takes a name that starts with `file:` for
    /// a URI, with its own rules for `?` and `%`, so such a relative name is written `./file:…`.
    static func literal(_ path: String) -> String {
        path.hasPrefix("file:") ? "./" + path : path
    }
}

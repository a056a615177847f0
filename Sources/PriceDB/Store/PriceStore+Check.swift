import Foundation
import GRDB
import PriceDBMigrations

extension PriceStore {
    /// One thing wrong with a database, as `pricedb check` names it.
    public struct Problem: Hashable, Sendable {
        /// What was checked: `integrity`, `foreign-keys`, `schema` or `history`.
        public var check: String
        public var message: String
    }

    /// Everything wrong with the database: SQLite's integrity check, foreign keys, the schema (its version, and
    /// the tables and indexes the migrations create), and the rules of the history that no constraint states
    /// (every run belongs to an offer of a feed and starts and ends on days the feed was observed; runs of one
    /// offer do not overlap; the day summaries match the runs; every snapshot observed something and its counts
    /// hold). Empty when the database is sound.
    public func check() throws(StoreError) -> [Problem] {
        try read { db in
            var problems: [Problem] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                problems.append(Problem(check: "integrity", message: line))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append(
                    Problem(
                        check: "foreign-keys",
                        message: "a row of \(row[0] as String? ?? "?") refers to a missing row of \(row[2] as String? ?? "?")"))
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version != migrations.count {
                problems.append(Problem(check: "schema", message: "user_version is \(version); this pricedb writes \(migrations.count)"))
            }
            problems += try Self.missingSchemaObjects(in: db)
            let rules: [(String, String)] = [
                ("runs whose offer does not exist", "SELECT count(*) FROM price_run r WHERE NOT EXISTS (SELECT 1 FROM offer o WHERE o.id = r.offer_id)"),
                ("runs that start on a day their feed was not observed",
                 "SELECT count(*) FROM price_run r JOIN offer o ON o.id = r.offer_id WHERE NOT EXISTS (SELECT 1 FROM feed_day d WHERE d.feed_id = o.feed_id AND d.observed_on = r.first_seen)"),
                ("closed runs that end on a day their feed was not observed",
                 "SELECT count(*) FROM price_run r JOIN offer o ON o.id = r.offer_id WHERE r.last_seen != '9999-12-31' AND NOT EXISTS (SELECT 1 FROM feed_day d WHERE d.feed_id = o.feed_id AND d.observed_on = r.last_seen)"),
                ("open runs that do not reach their feed's latest day",
                 "SELECT count(*) FROM price_run r JOIN offer o ON o.id = r.offer_id JOIN (SELECT feed_id, max(observed_on) AS latest FROM feed_day GROUP BY feed_id) f ON f.feed_id = o.feed_id WHERE r.last_seen = '9999-12-31' AND r.first_seen > f.latest"),
                ("closed runs that reach their feed's latest day (they should be open)",
                 "SELECT count(*) FROM price_run r JOIN offer o ON o.id = r.offer_id JOIN (SELECT feed_id, max(observed_on) AS latest FROM feed_day GROUP BY feed_id) f ON f.feed_id = o.feed_id WHERE r.last_seen = f.latest"),
                ("pairs of runs of one offer that overlap",
                 "SELECT count(*) FROM price_run a JOIN price_run b ON b.offer_id = a.offer_id AND b.last_seen > a.last_seen AND b.first_seen <= a.last_seen"),
                ("day summaries (series_day) that differ from the runs, or are missing",
                 "SELECT (SELECT count(*) FROM (SELECT * FROM series_day EXCEPT \(Self.allSeriesDays))) + (SELECT count(*) FROM (\(Self.allSeriesDays) EXCEPT SELECT * FROM series_day))"),
                ("snapshots that observed nothing", "SELECT count(*) FROM snapshot s WHERE NOT EXISTS (SELECT 1 FROM feed_day d WHERE d.snapshot_id = s.id)"),
                ("snapshots whose provider count does not match the providers they observed",
                 "SELECT count(*) FROM snapshot s WHERE s.provider_count != (SELECT count(DISTINCT f.provider_id) FROM feed_day d JOIN feed f ON f.id = d.feed_id WHERE d.snapshot_id = s.id)"),
            ]
            for (what, sql) in rules {
                let count = try Int.fetchOne(db, sql: sql) ?? 0
                if count > 0 { problems.append(Problem(check: "history", message: "\(count) \(what)")) }
            }
            return problems
        }
    }

    /// The tables, views, indexes and triggers that the migrations create and the database lacks (after a
    /// `DROP INDEX` in `sqlite3`, say): queries rely on them, and some name an index.
    private static func missingSchemaObjects(in db: Database) throws -> [Problem] {
        func objects(in db: Database) throws -> Set<[String]> {
            Set(
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT type, name FROM sqlite_schema
                        WHERE type IN ('table', 'view', 'index', 'trigger') AND name NOT LIKE 'sqlite!_%' ESCAPE '!'
                        """
                ).map { [$0[0], $0[1]] })
        }
        let fresh = try DatabaseQueue()
        try migrator.migrate(fresh)
        let expected = try fresh.read(objects)
        return try expected.subtracting(objects(in: db)).sorted { $0.lexicographicallyPrecedes($1) }.map { object in
            let (type, name) = (object[0], object[1])
            let file = migrations.last { $0.sql.contains("CREATE \(type.uppercased()) \(name)") }?.name
            return Problem(
                check: "schema",
                message: "the \(type) \(name) is missing; restore the database from a backup"
                    + (file.map { ", or create the \(type) again as Migrations/\($0) does" } ?? ""))
        }
    }

    /// `series_day` computed afresh from the runs, for every observed day.
    private static let allSeriesDays = seriesDaysFromRuns(days: "SELECT DISTINCT feed_id, observed_on FROM feed_day")

    /// Copies the database to `path` with SQLite's online backup API, safe while imports run: the copy is one
    /// consistent state. An existing file is replaced only with `overwrite`.
    public func backup(to path: String, overwrite: Bool = false) throws(StoreError) {
        if FileManager.default.fileExists(atPath: path) {
            guard overwrite else { throw .backupExists(path: path) }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try reader.backup(to: destination)
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }
}

import Foundation
import GRDB
import PriceDBMigrations

extension PriceStore {
    /// One thing wrong with a database, as `pricedb check` names it.
    public struct Problem: Hashable, Sendable {
        /// What was checked: `integrity`, `foreign-keys`, `schema`, `values` or `history`.
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
            problems += try Self.migrationRecordProblems(in: db)
            let missing = try Self.missingSchemaObjects(in: db)
            problems += missing
            // The rules of the history read the tables and decode their values: they wait until every table is
            // there and every value keeps the schema's rules.
            let broken = missing.isEmpty ? try Self.valuesBreakingTheSchema(in: db) : []
            problems += broken
            guard missing.isEmpty && broken.isEmpty else {
                problems.append(
                    Problem(check: "history", message: "the rules of the history are checked once the problems above are mended"))
                return problems
            }
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
                ("pairs of runs of one offer at one value with no observed day between them (they should be one run)",
                 """
                 SELECT count(*) FROM price_run a JOIN offer o ON o.id = a.offer_id
                 JOIN price_run b ON b.offer_id = a.offer_id AND b.first_seen = (
                     SELECT min(d.observed_on) FROM feed_day d WHERE d.feed_id = o.feed_id AND d.observed_on > a.last_seen)
                 WHERE a.last_seen != '9999-12-31' AND a.status = b.status AND a.price_low_micros IS b.price_low_micros
                   AND a.price_high_micros IS b.price_high_micros AND a.approximate = b.approximate AND a.note IS b.note
                 """),
                ("snapshots that observed nothing", "SELECT count(*) FROM snapshot s WHERE NOT EXISTS (SELECT 1 FROM feed_day d WHERE d.snapshot_id = s.id)"),
                ("snapshots whose provider count does not match the providers they observed",
                 "SELECT count(*) FROM snapshot s WHERE s.provider_count != (SELECT count(DISTINCT f.provider_id) FROM feed_day d JOIN feed f ON f.id = d.feed_id WHERE d.snapshot_id = s.id)"),
            ]
            for (what, sql) in rules {
                let count = try Int.fetchOne(db, sql: sql) ?? 0
                if count > 0 { problems.append(Problem(check: "history", message: "\(count) \(what)")) }
            }
            let differing = try Self.summariesDifferingFromRuns(in: db)
            if differing > 0 {
                problems.append(
                    Problem(check: "history", message: "\(differing) day summaries (series_day) that differ from the runs, or are missing"))
            }
            return problems
        }
    }

    /// The migration record (`grdb_migrations`) against the schema: pricedb decides what to migrate by it, so
    /// a record that lists other migrations than the schema's version leads the next write astray.
    private static func migrationRecordProblems(in db: Database) throws -> [Problem] {
        guard try db.tableExists("grdb_migrations") else {
            return [Problem(check: "schema", message: "the migration record (table grdb_migrations) is missing; restore the database from a backup")]
        }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let recorded = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        let expected = migrations.prefix(version).map(\.name)
        guard recorded != expected else { return [] }
        let lacking = expected.filter { !recorded.contains($0) }
        let extra = recorded.filter { !expected.contains($0) }
        let parts = [
            lacking.isEmpty ? nil : "lacks \(lacking.joined(separator: ", "))",
            extra.isEmpty ? nil : "lists \(extra.joined(separator: ", ")), which schema version \(version) does not have",
        ].compactMap { $0 }
        return [
            Problem(
                check: "schema",
                message: "the migration record (grdb_migrations) \(parts.joined(separator: " and ")); restore the database from a backup")
        ]
    }

    /// Stored values that break the schema's rules, by table and row: a day that is not a date (`sqlite3` with
    /// `PRAGMA ignore_check_constraints` can write one), which every read of the history would stumble on.
    private static func valuesBreakingTheSchema(in db: Database) throws -> [Problem] {
        let days: [(table: String, key: String, columns: [String])] = [
            ("price_run", "offer_id", ["first_seen", "last_seen"]), ("feed_day", "feed_id", ["observed_on"]),
            ("snapshot", "id", ["observed_on"]), ("exchange_rate", "currency", ["day"]), ("watch_report", "rule", ["since"]),
        ]
        var problems: [Problem] = []
        for (table, key, columns) in days {
            for column in columns {
                // Names from the list above, never input.
                let rows = try Row.fetchAll(
                    db,
                    sql: "SELECT \(key), CAST(\(column) AS TEXT) FROM \(table) WHERE date(\(column)) IS NOT \(column) LIMIT 4")
                guard !rows.isEmpty else { continue }
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE date(\(column)) IS NOT \(column)") ?? 0
                let shown = rows.prefix(3).map { "\(key) \($0[0] as DatabaseValue) has '\(UntrustedText.escaped(($0[1] as String?) ?? "NULL"))'" }
                problems.append(
                    Problem(
                        check: "values",
                        message: "\(count) row\(count == 1 ? "" : "s") of \(table) with a \(column) that is not a date ("
                            + shown.joined(separator: "; ") + (count > 3 ? "; …" : "") + "); restore the database from a backup"))
            }
        }
        return problems
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

    /// How many rows of `series_day` and of the summaries the runs give differ (each side's rows the other lacks).
    /// The runs' summaries are computed here in one pass over the runs, a series at a time: each run adds its
    /// offer to every observed day of its feed that it covers. Asking `seriesDaysFromRuns` for every day instead
    /// seeks each offer's run for each day, which took a minute for a year of daily catalogs (here: 1.2 s). The
    /// table is compared a GPU and tier of a feed at a time, so memory holds one of them.
    private static func summariesDifferingFromRuns(in db: Database) throws -> Int {
        /// A row of `series_day`, as text and numbers.
        struct Summary: Hashable {
            var feed: Int64, gpu: String, tier: String, day: Int, status: String, count: Int64, currency: String
            var low: Int64?, high: Int64?, approximate: Int64, offers: Int64
        }
        var feedDays: [Int64: [Int]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT feed_id, CAST(julianday(observed_on) - 2440587.5 AS INTEGER) FROM feed_day
                ORDER BY 1, 2
                """)
        {
            feedDays[row[0], default: []].append(row[1])
        }
        // The runs of one series (feed, GPU, tier, status, unit size, currency) come together; their sums are
        // kept by day of the feed, and only for that series.
        let runs = try Row.fetchCursor(
            db,
            sql: """
                SELECT o.feed_id, o.gpu_id, o.tier, r.status, o.gpu_count_millionths, o.currency,
                    CAST(julianday(r.first_seen) - 2440587.5 AS INTEGER), CAST(julianday(r.last_seen) - 2440587.5 AS INTEGER),
                    r.price_low_micros, r.price_high_micros, r.approximate
                FROM price_run r JOIN offer o ON o.id = r.offer_id
                ORDER BY 1, 2, 3, 4, 5, 6
                """)
        /// One day's sums of the series at hand (none while `offers` is 0): SQL's min() and max() are NULL only
        /// when every value is.
        struct Sums {
            var low: Int64?, high: Int64?, approximate: Int64, offers: Int64

            mutating func add(low other: Int64?, high otherHigh: Int64?, approximate otherApproximate: Int64) {
                if let other { low = low.map { min($0, other) } ?? other }
                if let otherHigh { high = high.map { max($0, otherHigh) } ?? otherHigh }
                approximate = max(approximate, otherApproximate)
                offers += 1
            }
        }
        var differing = 0
        var expected: Set<Summary> = []
        let storedOfGroup = try db.makeStatement(
            sql: "SELECT * FROM series_day WHERE feed_id = ? AND gpu_id = ? AND tier = ?")
        func compareGroup(_ group: Summary) throws {
            let stored = try Row.fetchCursor(storedOfGroup, arguments: [group.feed, group.gpu, group.tier])
            while let row = try stored.next() {
                let summary = Summary(
                    feed: row[0], gpu: row[1], tier: row[2], day: row[3], status: row[4], count: row[5], currency: row[6],
                    low: row[7], high: row[8], approximate: row[9], offers: row[10])
                if expected.remove(summary) == nil { differing += 1 }
            }
            differing += expected.count
            expected.removeAll(keepingCapacity: true)
        }
        var series: Summary?
        var days: [Int] = []
        let none = Sums(low: nil, high: nil, approximate: 0, offers: 0)
        var sums: [Sums] = []
        func emit() {
            guard let series else { return }
            for (index, day) in sums.enumerated() where day.offers > 0 {
                var summary = series
                (summary.day, summary.low, summary.high) = (days[index], day.low, day.high)
                (summary.approximate, summary.offers) = (day.approximate, day.offers)
                expected.insert(summary)
            }
        }
        while let run = try runs.next() {
            let key = Summary(
                feed: run[0], gpu: run[1], tier: run[2], day: 0, status: run[3], count: run[4], currency: run[5], low: nil,
                high: nil, approximate: 0, offers: 0)
            if key != series {
                emit()
                if let series, (series.feed, series.gpu, series.tier) != (key.feed, key.gpu, key.tier) {
                    try compareGroup(series)
                }
                series = key
                days = feedDays[key.feed] ?? []
                sums = Array(repeating: none, count: days.count)
            }
            let (first, last): (Int, Int) = (run[6], run[7])
            let low: Int64? = run[8], high: Int64? = run[9], approximate: Int64 = run[10]
            // The first observed day on or after the run's first, by bisection.
            var (index, end) = (0, days.count)
            while index < end {
                let middle = index + (end - index) / 2
                if days[middle] < first { index = middle + 1 } else { end = middle }
            }
            while index < days.count && days[index] <= last {
                sums[index].add(low: low, high: high, approximate: approximate)
                index += 1
            }
        }
        emit()
        if let series { try compareGroup(series) }
        // Summaries of a GPU and tier of a feed that no run has.
        differing += try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM series_day s
                WHERE NOT EXISTS (
                    SELECT 1 FROM offer o JOIN price_run r ON r.offer_id = o.id
                    WHERE o.feed_id = s.feed_id AND o.gpu_id = s.gpu_id AND o.tier = s.tier)
                """) ?? 0
        return differing
    }

    /// Copies the database to `path` with SQLite's online backup API, safe while imports run: the copy is one
    /// consistent state. An existing file is replaced only with `overwrite`, and only if it is a pricedb database
    /// (an older backup): never another program's file.
    public func backup(to path: String, overwrite: Bool = false) throws(StoreError) {
        if try Self.fileExists(at: path) {
            guard overwrite else { throw .backupExists(path: path) }
            if let other = DatabaseIdentity.what(path) { throw .notPricedb(path: path, what: other) }
            for suffix in ["", "-wal", "-shm"] where (try? Self.fileExists(at: path + suffix)) == true {
                try? FileManager.default.removeItem(atPath: path + suffix)
            }
        }
        do {
            let destination = try DatabaseQueue(path: DatabaseIdentity.literal(path))
            try reader.backup(to: destination)
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
    }
}

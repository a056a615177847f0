import Foundation
import TestSupport
import Testing

/// `pricedb check` names what is wrong with a database that someone changed with `sqlite3`: never a raw SQL
/// error, never a trap, always exit 74 with the table and what to do.
@Suite struct CheckTests {
    static func damaged(_ sql: String) throws -> (db: String, result: CommandRunner.Result) {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"]).status == 0)
        let changed = try CommandRunner.run(["sqlite3", db, sql], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(changed.status == 0, "\(changed.stderr)")
        return (db, try CommandRunner.run(["check", "--db", db]))
    }

    @Test(arguments: [
        ("PRAGMA ignore_check_constraints = 1; UPDATE price_run SET first_seen = '2026-99-99' WHERE offer_id = (SELECT min(offer_id) FROM price_run)",
         "price_run with a first_seen that is not a date"),
        ("PRAGMA ignore_check_constraints = 1; UPDATE feed_day SET observed_on = 'soon'", "feed_day with a observed_on that is not a date"),
        ("DROP TABLE series_day", "the table series_day is missing"),
        ("DROP INDEX price_run_open", "the index price_run_open is missing"),
        ("DELETE FROM grdb_migrations WHERE identifier LIKE '0008%'", "grdb_migrations) lacks 0008_open_runs.sql"),
        ("INSERT INTO grdb_migrations VALUES ('9999_other.sql')", "lists 9999_other.sql"),
        ("DROP TABLE grdb_migrations", "the migration record (table grdb_migrations) is missing"),
        ("""
         INSERT INTO price_run (offer_id, first_seen, last_seen, price_low_micros, price_high_micros, status, approximate, note,
             first_snapshot_id, last_snapshot_id)
         SELECT offer_id, '2026-01-01', '2026-01-01', price_low_micros, price_high_micros, status, approximate, note, 1, 1
         FROM price_run WHERE offer_id = (SELECT min(offer_id) FROM price_run)
         """, "runs that start on a day their feed was not observed"),
    ])
    func aDamagedDatabaseIsNamedNotTrapped(sql: String, expected: String) throws {
        let (_, result) = try Self.damaged(sql)
        #expect(result.status == 74, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains(expected), "\(result.stdout)")
        #expect(!result.stderr.contains("database error"), "\(result.stderr)")
    }

    /// Two runs of one offer at one price that meet are one run: the history has one form only.
    @Test func runsThatShouldBeOneAreFound() throws {
        let db = CommandRunner.temporaryDatabase()
        let folder = (db as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (index, day) in ["2026-03-01", "2026-03-02"].enumerated() {
            let path = folder + "/\(index).csv"
            try "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\ng1,L4,1,0.80,us-east-1\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            let stored = try CommandRunner.run([
                "ingest", "--quiet", "--db", db, "--provider", "aws", "--provider-name", "AWS", "--provider-kind", "hyperscaler",
                "--observed-at", day, path,
            ])
            #expect(stored.status == 0, "\(stored.stderr)")
        }
        let split = try CommandRunner.run(
            [
                "sqlite3", db,
                """
                PRAGMA foreign_keys = ON;
                UPDATE price_run SET first_seen = '2026-03-02', first_snapshot_id = 2 WHERE last_seen = '9999-12-31';
                INSERT INTO price_run (offer_id, first_seen, last_seen, price_low_micros, price_high_micros, status, approximate,
                    note, first_snapshot_id, last_snapshot_id)
                SELECT offer_id, '2026-03-01', '2026-03-01', price_low_micros, price_high_micros, status, approximate, note, 1, 1
                FROM price_run;
                """,
            ], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(split.status == 0, "\(split.stderr)")
        let result = try CommandRunner.run(["check", "--db", db])
        #expect(result.status == 74)
        #expect(result.stdout.contains("they should be one run"), "\(result.stdout)")
    }
}

import Foundation
import GRDB
import PriceDB
import Testing

/// What an operator runs: `check` says whether a database is sound, `backup` copies it safely, and a damaged
/// database takes no more writes.
@Suite struct OperatorTests {
    @Test func aSoundDatabaseChecksCleanAndBacksUp() throws {
        let db = try DailyUseTests.seeded()
        let check = try CommandRunner.run(["check", "--db", db])
        #expect(check.status == 0)
        #expect(check.stdout.hasSuffix(": sound\n"))
        let json = try CommandRunner.run(["check", "--db", db, "--format", "json"])
        #expect(json.stdout.contains("\"sound\": true"))
        let copy = (db as NSString).deletingLastPathComponent + "/copy.sqlite"
        #expect(try CommandRunner.run(["backup", "--db", db, copy]).status == 0)
        #expect(try PriceStore.open(at: copy).snapshots().count == 1)
        #expect(try CommandRunner.run(["backup", "--db", db, copy]).status == 73)
        #expect(try CommandRunner.run(["backup", "--db", db, "--force", copy]).status == 0)
    }

    /// A folder named as the backup is never removed, even with --force; nor is one named as the database.
    @Test func aFolderIsNeitherReplacedByABackupNorOpenedAsADatabase() throws {
        let db = try DailyUseTests.seeded()
        let folder = (db as NSString).deletingLastPathComponent + "/kept"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder + "/important.txt", contents: Data("keep".utf8)))
        for arguments in [["backup", "--db", db, folder], ["backup", "--db", db, "--force", folder]] {
            let backup = try CommandRunner.run(arguments)
            #expect(backup.status == 73)
            #expect(backup.stderr.contains("\(folder) is a folder, not a database file; name a file instead, such as \(folder)/prices.sqlite"))
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/important.txt"))
        let report = try CommandRunner.run(["report", "--db", folder])
        #expect(report.status == 74)
        #expect(report.stderr.contains("\(folder) is a folder, not a database file"))
        let device = try CommandRunner.run(["providers", "--db", "/dev/null"])
        #expect(device.status == 74)
        #expect(device.stderr.contains("/dev/null is a device or a pipe, not a database file"))
    }

    @Test func brokenRulesOfTheHistoryAreNamed() throws {
        let db = try DailyUseTests.seeded()
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE price_run SET first_seen = '2026-01-01' WHERE offer_id = (SELECT min(offer_id) FROM price_run)")
        }
        try queue.close()
        let check = try CommandRunner.run(["check", "--db", db, "--format", "json"])
        #expect(check.status == 74)
        #expect(check.stdout.contains("runs that start on a day their feed was not observed"))
    }

    @Test func aDamagedDatabaseTakesNoMoreWrites() throws {
        let db = try DailyUseTests.seeded()
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
        try handle.close()
        let ingest = try CommandRunner.run(["ingest", "--db", db, "Fixtures/synthetic/2025-02-15-synthetic.json"])
        #expect(ingest.status == 74)
        #expect(ingest.stderr.contains("pricedb check") || ingest.stderr.contains("malformed"))
        #expect(try CommandRunner.run(["check", "--db", db]).status == 74)
    }

    /// A day that is not a date, stored by hand past the schema's checks, is reported as damage, not a crash.
    @Test func aStoredImpossibleDayIsReportedAsDamage() throws {
        let db = try DailyUseTests.seeded()
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE feed_day SET observed_on = '2026-99-99'")
            try db.execute(sql: "UPDATE price_run SET first_seen = '2026-99-99'")
            try db.execute(sql: "UPDATE snapshot SET observed_on = '2026-99-99'")
        }
        try queue.close()
        for command in [["history", "--gpu", "H100"], ["snapshots"], ["report"], ["quarters", "--gpu", "H100"]] {
            let result = try CommandRunner.run(command + ["--db", db])
            #expect(result.status == 74, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("damaged"), "\(command): \(result.stderr)")
        }
    }

    @Test func aDatabaseOfANewerSchemaVersionIsRefused() throws {
        let db = try DailyUseTests.seeded()
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        for command in [["report"], ["ingest", "Fixtures/synthetic/2025-02-15-synthetic.json"]] {
            let result = try CommandRunner.run(command + ["--db", db])
            #expect(result.status == 74, "\(command)")
            #expect(result.stderr.contains("newer pricedb"), "\(command): \(result.stderr)")
        }
    }
}

import Foundation
import TestSupport
import Testing

/// `pricedb backfill` over small git repositories built here: parallel layouts, several commits a day, a
/// deleted and an invalid catalog; a second run, a resumed run and a backfill under later days all give the
/// history that date order gives.
@Suite struct BackfillTests {
    static let fixtures = CommandRunner.packageRoot.appendingPathComponent("Fixtures/skypilot")

    /// A repository whose history is `commits`: each a UTC time and the files it writes (`nil` deletes).
    static func repository(_ commits: [(time: String, files: [String: String?])]) throws -> String {
        let folder = Scratch.unique("repo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try git(folder, ["init", "-q"])
        for (time, files) in commits {
            for (path, content) in files {
                let file = folder.appendingPathComponent(path)
                if let content {
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try content.write(to: file, atomically: true, encoding: .utf8)
                } else {
                    try FileManager.default.removeItem(at: file)
                }
            }
            try git(folder, ["add", "-A"])
            try git(folder, ["commit", "-q", "-m", time], environment: ["GIT_COMMITTER_DATE": time, "GIT_AUTHOR_DATE": time])
        }
        return folder.path
    }

    @discardableResult
    static func git(_ folder: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
        let result = try CommandRunner.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", folder.path] + arguments,
            environment: environment, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        return result
    }

    static func catalog(_ cloud: String, replacing: [(String, String)] = []) throws -> String {
        var text = try String(contentsOf: fixtures.appendingPathComponent("\(cloud)-vms.csv"), encoding: .utf8)
        for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    /// The history as text: observed days, runs and day summaries, without snapshot ids.
    static func history(_ db: String) throws -> String {
        try CommandRunner.run(
            [
                "sqlite3", db,
                """
                SELECT f.provider_id, f.source, d.observed_on FROM feed_day d JOIN feed f ON f.id = d.feed_id ORDER BY 1, 2, 3;
                SELECT provider_id, instance, region, tier, first_seen, last_seen, price_low, price_high, status
                FROM price_run_decimal ORDER BY 1, 2, 3, 4, 5;
                SELECT f.provider_id, s.gpu_id, s.tier, s.day, s.status, s.gpu_count_millionths, s.price_low_micros,
                    s.price_high_micros, s.offers FROM series_day s JOIN feed f ON f.id = s.feed_id ORDER BY 1, 2, 3, 4, 5, 6;
                """,
            ], executable: URL(fileURLWithPath: "/usr/bin/env")
        ).stdout
    }

    static func backfill(_ repo: String, _ db: String, _ arguments: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.run(["backfill", "--git", repo, "--db", db] + arguments)
    }

    /// aws in two layouts at once (v6 until v7 appears, then v7 whatever v6 does), two commits on one day, a
    /// lambda catalog deleted and brought back, and an invalid lambda catalog.
    static func standardRepository() throws -> String {
        let aws = try catalog("aws"), cheaper = try catalog("aws", replacing: [("32.7726", "30.0000")])
        let lambda = try catalog("lambda")
        return try repository([
            ("2025-01-01T08:00:00Z", ["catalogs/v6/aws/vms.csv": aws]),
            ("2025-01-05T08:00:00Z", ["catalogs/v6/aws/vms.csv": cheaper]),
            ("2025-01-05T20:00:00Z", ["catalogs/v6/aws/vms.csv": aws]),
            ("2025-01-10T08:00:00Z", ["catalogs/v7/aws/vms.csv": cheaper, "catalogs/v7/lambda/vms.csv": lambda]),
            ("2025-01-12T08:00:00Z", ["catalogs/v6/aws/vms.csv": try catalog("aws", replacing: [("32.7726", "1.0000")])]),
            ("2025-01-15T08:00:00Z", ["catalogs/v7/lambda/vms.csv": nil]),
            ("2025-01-18T08:00:00Z", ["catalogs/v7/lambda/vms.csv": lambda + "broken,row\n"]),
            ("2025-01-20T08:00:00Z", ["catalogs/v7/lambda/vms.csv": lambda, "README.md": "catalogs\n"]),
        ])
    }

    @Test func versionsDaysAndLayoutsAreStoredAsPublished() throws {
        let repo = try Self.standardRepository()
        let db = CommandRunner.temporaryDatabase()
        let result = try Self.backfill(repo, db)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(":catalogs/v7/lambda/vms.csv:"), "\(result.stderr)")
        #expect(result.stdout.contains("aws: 2 versions stored (2025-01-01 to 2025-01-20, 20 days)"), "\(result.stdout)")
        #expect(result.stdout.contains("lambda: 2 versions stored"), "\(result.stdout)")
        let sql = { (query: String) throws -> String in
            try CommandRunner.run(["sqlite3", db, query], executable: URL(fileURLWithPath: "/usr/bin/env")).stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // aws: the last commit of 2025-01-05 stands for the day (back at 32.77, so no new version); v7 from
        // 2025-01-10 on, and the v6 change of 2025-01-12 is not read.
        #expect(try sql("""
            SELECT first_seen || '..' || last_seen || ' ' || price_low FROM price_run_decimal
            WHERE provider_id = 'aws' AND instance = 'p4d.24xlarge' AND tier = 'on-demand' ORDER BY first_seen
            """) == "2025-01-01..2025-01-09 32.772600\n2025-01-10..2025-01-20 30.000000")
        // lambda: published 10 to 14, gone 15 to 17, invalid on 18 and 19 (not observed), back on 20.
        #expect(try sql("""
            SELECT group_concat(observed_on, ' ') FROM (SELECT d.observed_on FROM feed_day d JOIN feed f ON f.id = d.feed_id
            WHERE f.provider_id = 'lambda' ORDER BY 1)
            """) == "2025-01-10 2025-01-11 2025-01-12 2025-01-13 2025-01-14 2025-01-20")
        #expect(try sql("SELECT count(*) FROM snapshot WHERE source_url LIKE '%@%:catalogs/v%/%/vms.csv'") == "4")
        #expect(try CommandRunner.run(["check", "--db", db]).status == 0)
        let again = try Self.backfill(repo, db)
        #expect(again.stdout.contains("aws: 0 versions stored; 2 already stored"), "\(again.stdout)")
    }

    @Test func aSecondRunStoresNothingAndAResumedRunEqualsAWholeOne() throws {
        let repo = try Self.standardRepository()
        let whole = CommandRunner.temporaryDatabase()
        _ = try Self.backfill(repo, whole)
        let before = try Self.history(whole)
        _ = try Self.backfill(repo, whole)
        #expect(try Self.history(whole) == before)
        let resumed = CommandRunner.temporaryDatabase()
        for until in ["2025-01-03", "2025-01-11", "2025-01-16"] {
            _ = try Self.backfill(repo, resumed, ["--until", until])
        }
        _ = try Self.backfill(repo, resumed)
        #expect(try Self.history(resumed) == before)
        #expect(try CommandRunner.run(["check", "--db", resumed]).status == 0)
    }

    /// The past backfilled into a database that holds a later day gives what date order gives.
    @Test func aBackfillUnderLaterDaysEqualsDateOrder() throws {
        let repo = try Self.standardRepository()
        let later = Scratch.unique("later")
        try FileManager.default.createDirectory(at: later.appendingPathComponent("aws"), withIntermediateDirectories: true)
        let file = later.appendingPathComponent("aws/vms.csv").path
        try Self.catalog("aws", replacing: [("32.7726", "30.0000")]).write(toFile: file, atomically: true, encoding: .utf8)
        let inOrder = CommandRunner.temporaryDatabase()
        _ = try Self.backfill(repo, inOrder)
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", inOrder, "--observed-at", "2025-02-01", file]).status == 0)
        let mixed = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", mixed, "--observed-at", "2025-02-01", file]).status == 0)
        _ = try Self.backfill(repo, mixed)
        #expect(try Self.history(mixed) == Self.history(inOrder))
        #expect(try CommandRunner.run(["check", "--db", mixed]).status == 0)
    }

    @Test func aRepositoryThatIsNoneIsRefused() throws {
        let result = try Self.backfill(Scratch.folder.path, CommandRunner.temporaryDatabase())
        #expect(result.status == 66)
        #expect(result.stderr.contains("is not a git repository"), "\(result.stderr)")
    }
}

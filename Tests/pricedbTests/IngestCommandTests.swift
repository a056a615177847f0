import Foundation
import PriceDB
import TestSupport
import Testing

@Suite struct IngestCommandTests {
    static let seed = "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"

    @Test func theSeedIsStoredOnceAndThenSkipped() throws {
        let db = CommandRunner.temporaryDatabase()
        let first = try CommandRunner.run(["ingest", "--db", db, Self.seed])
        #expect(first.status == 0)
        #expect(first.stdout == "\(Self.seed): stored as snapshot 1 (observed 2026-02-07): 57 observations, 6 providers, 13 GPUs\n")
        let second = try CommandRunner.run(["ingest", "--db", db, Self.seed])
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("\(Self.seed): skipped: the same file was ingested before as snapshot 1 (2026-02-07-gpu-rental-comparison.json, ingested "))
        let snapshots = try CommandRunner.run(["snapshots", "--db", db])
        #expect(snapshots.status == 0)
        let lines = snapshots.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].contains("2026-02-07  pricedb-snapshot/1  GPU-Mietpreisvergleich 2026  2026-02-07-gpu-rental-comparison.json   57"))
    }

    @Test(arguments: try FileManager.default.contentsOfDirectory(
        atPath: CommandRunner.packageRoot.appendingPathComponent("Fixtures/invalid").path
    ).filter { $0.hasSuffix(".json") }.sorted())
    func everyInvalidFixtureExits65WithItsMessageAndChangesNothing(name: String) throws {
        let db = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", "--db", db, Self.seed])
        let before = try PriceStore.open(at: db).rowCounts()
        let result = try CommandRunner.run(["ingest", "--db", db, "Fixtures/invalid/\(name)"])
        // `{today}` in an expected message stands for the day the test runs, in this machine's time zone.
        let expected = try String(
            contentsOf: CommandRunner.packageRoot.appendingPathComponent(
                "Fixtures/invalid/\(name.dropLast(5)).expected"), encoding: .utf8
        ).replacingOccurrences(of: "{today}", with: Self.today())
        #expect(result.status == 65)
        #expect(result.stderr == expected)
        #expect(result.stdout.isEmpty)
        #expect(try PriceStore.open(at: db).rowCounts() == before)
    }

    /// Today as pricedb reads it: the date in this machine's time zone.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    @Test func eachGoodFileIsStoredAndTheWorstFailureIsTheStatus() throws {
        let db = CommandRunner.temporaryDatabase()
        let result = try CommandRunner.run([
            "ingest", "--db", db, "Fixtures/invalid/negative-price.json", Self.seed, "Fixtures/no-such-file.json",
        ])
        #expect(result.status == 66)
        #expect(result.stderr.contains("Fixtures/no-such-file.json: error: cannot read the file: no such file"))
        #expect(result.stderr.contains("negative-price.json:6:74: error:"))
        #expect(result.stdout.contains("stored as snapshot 1"))
        #expect(try PriceStore.open(at: db).snapshots().count == 1)
    }

    /// A scraper at UTC+14 stamps a moment just past with a date ahead of a machine at UTC−12 (26 hours apart):
    /// it is stored under its own date, and the ingest says why a report as of today will not show it yet.
    @Test func aTimestampDatedAheadOfThisMachineIsStoredAndExplained() throws {
        let written = DateFormatter()
        written.locale = Locale(identifier: "en_US_POSIX")
        written.timeZone = TimeZone(secondsFromGMT: 14 * 3600)
        written.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        let stamp = written.string(from: Date().addingTimeInterval(-120)) + "+14:00"
        let db = CommandRunner.temporaryDatabase()
        let folder = (db as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/ahead.json"
        try """
            {"format": "pricedb-snapshot/1", "observed_at": "\(stamp)",
             "providers": [{"id": "vast", "name": "Vast.ai", "kind": "p2p-marketplace"}],
             "observations": [{"provider": "vast", "gpu": "RTX 4090", "price": 0.29}]}
            """.write(toFile: file, atomically: false, encoding: .utf8)
        let result = try CommandRunner.run(["ingest", "--db", db, file], environment: ["TZ": "Etc/GMT+12"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("is dated \(stamp.prefix(10)) as its timestamp was written, ahead of this machine's date"))
    }

    /// The cron job of the README, run on an empty folder: the shell passes the pattern on as written.
    @Test func aPatternThatMatchedNothingIsNamedAsOne() throws {
        let result = try CommandRunner.run(["ingest", "--db", CommandRunner.temporaryDatabase(), "/data/prices/*.json"])
        #expect(result.status == 66)
        #expect(result.stderr == "/data/prices/*.json: error: cannot read the file: no such file; no file matched this pattern\n")
    }

    @Test func badDataAloneExits65AndADirectoryIsUnreadable() throws {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--db", db, "Fixtures/invalid/nan-price.json", Self.seed]).status == 65)
        let directory = try CommandRunner.run(["ingest", "--db", db, "Fixtures"])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("it is a directory"))
    }

    @Test func aDatabaseThatCannotBeOpenedExits74() throws {
        let result = try CommandRunner.run(["ingest", "--db", "/proc/pricedb/prices.sqlite", Self.seed])
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("pricedb: error: cannot create the database folder /proc/pricedb"))
    }

    @Test func dryRunShowsTheObservationsAndWritesNothing() throws {
        let db = CommandRunner.temporaryDatabase()
        let result = try CommandRunner.run(["ingest", "--dry-run", "--db", db, Self.seed])
        #expect(result.status == 0)
        #expect(result.stdout.contains("aws       A100 (40GB)  -            8  p4d.24xlarge"))
        #expect(result.stdout.contains("USD 32.77"))
        #expect(result.stdout.contains("4.09625"))
        #expect(result.stdout.hasSuffix("valid; would store (observed 2026-02-07): 57 observations, 6 providers, 13 GPUs\n"))
        #expect(try PriceStore.open(at: db).snapshots().isEmpty)
    }

    /// Two imports into one database at the same time both succeed: WAL mode and the busy timeout make the
    /// second writer wait instead of failing.
    @Test func concurrentImportsBothLand() throws {
        let db = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed])
        let imports: [[String]] = [
            ["Fixtures/synthetic/2025-02-15-synthetic.json"],
            ["--provider", "gcp", "--observed-at", "2026-02-07", "Fixtures/skypilot/gcp-vms.csv"],
            ["--provider", "azure", "--observed-at", "2026-02-07", "Fixtures/skypilot/azure-vms.csv"],
            ["--provider", "aws", "--observed-at", "2026-02-07", "--skip-unknown", "Fixtures/skypilot/aws-vms.csv"],
        ]
        let processes = imports.map { arguments in
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["ingest", "--quiet", "--db", db] + arguments
            process.currentDirectoryURL = CommandRunner.packageRoot
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try PriceStore.open(at: db).snapshots().count == 1 + imports.count)
    }

    @Test func quietPrintsNothingButErrors() throws {
        let db = CommandRunner.temporaryDatabase()
        let result = try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func theDatabaseDefaultsToTheEnvironment() throws {
        let db = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", Self.seed], environment: ["PRICEDB_DATABASE": db])
        #expect(FileManager.default.fileExists(atPath: db))
        let home = Scratch.unique("xdg").path
        try CommandRunner.run(["ingest", Self.seed], environment: ["PRICEDB_DATABASE": "", "XDG_DATA_HOME": home])
        #expect(FileManager.default.fileExists(atPath: home + "/pricedb/prices.sqlite"))
    }

    @Test func readingCommandsDoNotCreateADatabase() throws {
        let db = CommandRunner.temporaryDatabase()
        for arguments in [["report"], ["snapshots"], ["providers"], ["quarters", "--gpu", "T4"], ["history", "--gpu", "T4"]] {
            let result = try CommandRunner.run(arguments + ["--db", db])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("there is no database at \(db) yet; add prices with `pricedb ingest FILE`"))
        }
        let gpus = try CommandRunner.run(["gpus", "--db", db])
        #expect(gpus.status == 0)
        #expect(gpus.stdout.contains("a100-80gb"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func noFilesIsAUsageError() throws {
        let result = try CommandRunner.run(["ingest"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument '<file> ...'"))
    }

    @Test func listingsShowProvidersAndTheCatalog() throws {
        let db = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", "--db", db, Self.seed])
        let providers = try CommandRunner.run(["providers", "--db", db])
        #expect(providers.stdout.contains("vast     Vast.ai     Vast.ai                p2p-marketplace"))
        let gpus = try CommandRunner.run(["gpus", "--db", db])
        #expect(gpus.stdout.contains("a100-80gb"))
        #expect(gpus.stdout.contains("80 GB"))
    }
}

import Foundation
import PriceDB
import TestSupport
import Testing

/// What weeks of cron imports and real catalogs bring: extreme options, placeholders, corrections, dates at
/// the edges, stale prices, dry runs, currencies and marks (each seen failing before it was fixed).
@Suite struct DailyUseTests {
    static let seed = "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"

    static func seeded() throws -> String {
        let db = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", "--quiet", "--db", db, seed])
        return db
    }

    static var syntheticFiles: [String] {
        FileManager.default.enumerator(atPath: CommandRunner.packageRoot.appendingPathComponent("Fixtures/synthetic").path)?
            .compactMap { $0 as? String }.sorted().map { "Fixtures/synthetic/" + $0 } ?? []
    }

    static func synthetic() throws -> String {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db] + syntheticFiles).status == 0)
        return db
    }

    /// A file of `text` in a fresh temporary folder.
    static func file(_ name: String, _ text: String) throws -> String {
        let folder = Scratch.unique("daily")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: - Never trap

    @Test func largeHoursAndTinyRatesAreComputedNotTrapped() throws {
        let db = try Self.seeded()
        let cost = try CommandRunner.run(["cost", "--db", db, "--gpu", "H100", "--hours", "1000000", "--as-of", "2026-02"])
        #expect(cost.status == 0)
        #expect(cost.stdout.contains("\n1,000,000 hours on H100 (80GB)"))
        #expect(cost.stdout.contains("RunPod    1,000,000 h × $2.39           $2,390,000.00"), "hours grouped like the amounts")
        let breakEven = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "100000", "--rate", "0.01",
        ])
        #expect(breakEven.status == 0)
        #expect(breakEven.stdout.contains("10,000,000 h"))
    }

    @Test func anOutOfRangeResultIsAUsageErrorThatNamesTheValue() throws {
        let db = try Self.seeded()
        let cost = try CommandRunner.run(["cost", "--db", db, "--gpu", "H100", "--hours", "9000000000000", "--as-of", "2026-02"])
        #expect(cost.status == 64)
        #expect(cost.stderr.contains("--hours takes"))
        let breakEven = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "99999999999", "--rate", "0.000001",
        ])
        #expect(breakEven.status == 64)
        #expect(breakEven.stderr.contains("a purchase of 99999999999 at 0.000001 an hour"))
        let perDay = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "1000000", "--rate", "0.01",
            "--hours-per-day", "0.000001",
        ])
        #expect(perDay.status == 64)
        #expect(perDay.stderr.contains("--hours-per-day"))
        for option in [["--stale-after", "999999999999"], ["--as-of", "9999Q4", "--stale-after", "400"], ["--as-of", "0001"]] {
            let result = try CommandRunner.run(["report", "--db", db] + option)
            #expect([0, 1, 64].contains(result.status), "\(option) exited \(result.status): \(result.stderr)")
        }
    }

    @Test func aHugePriceIsBadDataAndTheNextFileIsStillStored() throws {
        let db = CommandRunner.temporaryDatabase()
        let huge = try Self.file(
            "huge.json",
            """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-02-07",
             "providers": [{"id": "x", "name": "X"}],
             "observations": [{"provider": "x", "gpu": "H100", "gpu_count": 0.25, "price": 1e7}]}
            """)
        for extra in [["--dry-run"], []] {
            let result = try CommandRunner.run(["ingest", "--db", db] + extra + [huge, Self.seed])
            #expect(result.status == 65)
            #expect(result.stderr.contains("10,000 or more per GPU-hour"))
            #expect(result.stdout.contains("\(Self.seed): "))
        }
    }

    // MARK: - Catalog placeholders

    @Test func zeroAndHugeCatalogPricesAreCountedPlaceholdersNeverStored() throws {
        let db = try Self.seeded()
        let catalog = try Self.file(
            "vms.csv",
            """
            InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region
            g1,L4,1,0.80,0.00,us-east-1
            g2,L4,2,1.60,0,us-east-1
            g8,L4,8,99999,0.00,us-east-1
            g9,L4,1,0.0,9999999999999999999,us-west-2

            """)
        let result = try CommandRunner.run(["ingest", "--db", db, "--provider", "aws", "--observed-at", "2026-02-08", catalog])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 on-demand and 0 spot offers"))
        #expect(result.stdout.contains("1 Price of 0 (no price) skipped, 3 SpotPrice of 0 (no price) skipped"))
        #expect(result.stdout.contains("1 Price of 10,000 or more per GPU-hour (not offered) skipped, 1 SpotPrice of 10,000 or more"))
        let spot = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02-08", "--tier", "spot", "--section", "datacenter"])
        #expect(!spot.stdout.contains("$0.00"))
        let onlyPlaceholders = try Self.file(
            "empty.csv", "InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region\ng1,L4,1,0,0,us-east-1\n")
        let refused = try CommandRunner.run(["ingest", "--db", db, "--provider", "aws", "--observed-at", "2026-02-09", onlyPlaceholders])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("no row of the catalog gives a GPU price"))
    }

    // MARK: - Corrections

    @Test func aCorrectedFileReplacesTheWrongOneAndRemovalIsAtomic() throws {
        let db = try Self.seeded()
        let original = try String(contentsOfFile: CommandRunner.packageRoot.appendingPathComponent(Self.seed).path, encoding: .utf8)
        let corrected = try Self.file("corrected.json", original.replacingOccurrences(of: "\"price\": 0.59", with: "\"price\": 0.69"))
        let dryRun = try CommandRunner.run(["ingest", "--db", db, "--dry-run", "--replace", corrected])
        #expect(dryRun.stdout.contains("valid; would store (observed 2026-02-07) in place of snapshot 1 (2026-02-07-gpu-rental-comparison.json)"))
        let replaced = try CommandRunner.run(["ingest", "--db", db, "--replace", corrected])
        #expect(replaced.status == 0)
        #expect(replaced.stdout.contains("stored as snapshot 2 (observed 2026-02-07) in place of snapshot 1 (2026-02-07-gpu-rental-comparison.json)"))
        let report = try CommandRunner.run([
            "report", "--db", db, "--as-of", "2026-02", "--section", "consumer", "--gpus", "RTX 4090", "--providers", "runpod",
        ])
        #expect(report.stdout.contains("RTX 4090 (24GB)  $0.69\n"))

        #expect(try CommandRunner.run(["snapshots", "remove", "--db", db, "2", "7"]).status == 64)
        #expect(try PriceStore.open(at: db).snapshots().map(\.id) == [2])
        let preview = try CommandRunner.run(["snapshots", "remove", "--db", db, "--dry-run", "2"])
        #expect(preview.stdout == "would remove snapshot 2 (corrected.json, observed 2026-02-07, 57 observations)\n")
        #expect(try PriceStore.open(at: db).snapshots().map(\.id) == [2])
        let removed = try CommandRunner.run(["snapshots", "remove", "--db", db, "2"])
        #expect(removed.stdout == "removed snapshot 2 (corrected.json, observed 2026-02-07, 57 observations)\n")
        #expect(try PriceStore.open(at: db).rowCounts()["price_run"] == 0)
        let again = try CommandRunner.run(["ingest", "--db", db, Self.seed])
        #expect(again.stdout.contains("stored as snapshot 3"), "a removed id is never given out again")
    }

    // MARK: - As of a date

    @Test func quartersUseOnlyWhatWasKnownOnTheDay() throws {
        let db = try Self.synthetic()
        let result = try CommandRunner.run([
            "quarters", "--db", db, "--gpu", "A100-80GB", "--providers", "synth-pods", "--as-of", "2025-10-15",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2025Q4 (to 2025-10-15)  $1.60"))
        #expect(!result.stdout.contains("2026Q1"))
        #expect(!result.stdout.contains("$1.50"))
        let cost = try CommandRunner.run([
            "cost", "--db", db, "--gpu", "A100-80GB", "--providers", "synth-pods", "--as-of", "2025-10-15", "--hours", "1",
        ])
        #expect(cost.stdout.contains("1 h × $1.60"))
    }

    @Test func stalePricesAreSaidToBeStaleNotMissing() throws {
        let db = try Self.seeded()
        let report = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-11-25"])
        #expect(report.status == 0)
        #expect(report.stdout.hasPrefix(
            "As of 2026-11-25; newest observation used: 2026-02-07\n\nNote: Every price is older than 2 quarters (the newest observation is from 2026-02-07)"))
        let json = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-11-25", "--format", "json", "--section", "overview"])
        #expect(json.stdout.contains("\"notices\": [\n    \"Every price is older than 2 quarters"))
        let breakEven = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "1600", "--as-of", "2026-11-25",
        ])
        #expect(breakEven.status == 1)
        #expect(breakEven.stderr.contains(
            "only stale prices for RTX 4090 from the marketplaces (Vast.ai, GPUFlow) in the tiers on-demand, secure, community, marketplace as of 2026-11-25: the newest is from 2026-02-07"))
        let longer = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "1600", "--as-of", "2026-11-25", "--stale-after", "4",
        ])
        #expect(longer.status == 0)
        // Quarters stop where every price has gone stale, and say what they leave out.
        let quarters = try CommandRunner.run(["quarters", "--db", db, "--gpu", "RTX 4090", "--as-of", "9999Q4"])
        #expect(quarters.status == 0)
        let rows = quarters.stdout.split(separator: "\n").filter { $0.hasPrefix("20") }.map { String($0.prefix(6)) }
        #expect(rows == ["2026Q1", "2026Q2", "2026Q3"])
        #expect(quarters.stdout.contains(
            "The quarters after 2026Q3 through 9999Q4 are left out: no observation is newer than 2026-02-07, so each would repeat the row before."))
    }

    /// Break-even reads the marketplaces unless told otherwise; when none rents the GPU, the message says so and
    /// names both ways on.
    @Test func aBreakEvenWithoutARentalPriceSaysWhoseWasMissing() throws {
        let db = try Self.seeded()
        let marketplaces = try CommandRunner.run(["breakeven", "--db", db, "--gpu", "L40S", "--purchase", "9000", "--as-of", "2026-02"])
        #expect(marketplaces.status == 1)
        #expect(marketplaces.stderr.contains(
            "no rental price for L40S from the marketplaces (Vast.ai, GPUFlow) in the tiers on-demand, secure, community, marketplace as of 2026-02-28; name other providers with --providers, widen --tier, or give one with --rate"))
        let named = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "1600", "--as-of", "2026-02", "--providers", "aws",
        ])
        #expect(named.status == 1)
        #expect(named.stderr.contains("no rental price for RTX 4090 from AWS in the tiers on-demand, secure, community, marketplace as of 2026-02-28; widen --tier, or give one with --rate"))
    }

    @Test func aDryRunAgreesWithTheRealRunAndCreatesNothing() throws {
        let folder = Scratch.unique("dry")
        let db = folder.appendingPathComponent("prices.sqlite").path
        let files = FileManager.default.enumerator(atPath: CommandRunner.packageRoot.appendingPathComponent("Fixtures/synthetic").path)?
            .compactMap { $0 as? String }.sorted().map { "Fixtures/synthetic/" + $0 } ?? []
        let dry = try CommandRunner.run(["ingest", "--dry-run", "--quiet", "--db", db] + files)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        let real = try CommandRunner.run(["ingest", "--quiet", "--db", db] + files)
        #expect(real.status == 0)
        let before = try PriceStore.open(at: db).rowCounts()
        let again = try CommandRunner.run(["ingest", "--dry-run", "--db", db, Self.seed])
        #expect(again.stdout.contains("valid; would store"))
        #expect(try PriceStore.open(at: db).rowCounts() == before)
    }

    // MARK: - Currencies and marks

    static let euroSnapshot = """
        {"format": "pricedb-snapshot/1", "observed_at": "2026-02-07",
         "providers": [{"id": "eurocloud", "name": "EuroCloud", "kind": "p2p-marketplace"}],
         "observations": [{"provider": "eurocloud", "gpu": "RTX 4090", "currency": "EUR", "price": 0.40}]}
        """

    @Test func eachFigureKeepsItsCurrencyAndMinorityCurrenciesStandApart() throws {
        let db = try Self.seeded()
        #expect(try CommandRunner.run(["ingest", "--db", db, try Self.file("euro.json", Self.euroSnapshot)]).status == 0)
        let breakEven = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "1600", "--as-of", "2026-02", "--providers",
            "eurocloud,vast",
        ])
        #expect(breakEven.status == 0)
        #expect(breakEven.stdout.contains("Vast.ai    $0.29–0.78/h"))
        #expect(breakEven.stdout.contains("EuroCloud  €0.40/h"))
        #expect(breakEven.stdout.contains("not compared"))
        #expect(!breakEven.stdout.contains("All together"))
        #expect(breakEven.stdout.contains("Prices in EUR are listed apart"))
        let json = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "1600", "--as-of", "2026-02", "--providers",
            "eurocloud,vast", "--format", "json",
        ])
        #expect(json.stdout.contains("\"currency\": \"EUR\""))
        let cost = try CommandRunner.run(["cost", "--db", db, "--gpu", "RTX 4090", "--hours", "10", "--as-of", "2026-02"])
        let lines = cost.stdout.split(separator: "\n").map(String.init)
        let euro = try #require(lines.firstIndex { $0.hasPrefix("EuroCloud") })
        let dearestDollar = try #require(lines.lastIndex { $0.contains("$") && $0.contains(" h × ") })
        #expect(euro > dearestDollar, "the EUR row comes after every USD row")
        #expect(lines[euro].contains("€4.00") && lines[euro].contains("not compared") && !lines[euro].contains("0.0%"))
    }

    @Test func costFootnotesOnlyForMarksThatAppear() throws {
        let db = try Self.seeded()
        let cost = try CommandRunner.run([
            "cost", "--db", db, "--gpu", "RTX 4090", "--hours", "8", "--as-of", "2026-02",
        ])
        #expect(cost.status == 0)
        #expect(!cost.stdout.contains("*Per-GPU cost"))
        #expect(!cost.stdout.contains("†"))
        let derived = try CommandRunner.run(["cost", "--db", db, "--gpu", "A100 (40GB)", "--hours", "8", "--as-of", "2026-02"])
        #expect(derived.stdout.contains("8 h × ~$4.10*  "), "\(derived.stdout)")
        #expect(derived.stdout.contains("*Per-GPU cost"))
    }

    @Test func changesUnderACentKeepTheirDigits() throws {
        let db = CommandRunner.temporaryDatabase()
        func snapshot(_ day: String, _ price: String) throws -> String {
            try Self.file(
                "\(day).json",
                """
                {"format": "pricedb-snapshot/1", "observed_at": "\(day)",
                 "providers": [{"id": "tiny", "name": "Tiny"}],
                 "observations": [{"provider": "tiny", "gpu": "L4", "price": \(price)}]}
                """)
        }
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, try snapshot("2025-12-01", "0.504"), try snapshot("2026-01-10", "0.5")]).status == 0)
        let trends = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-01-31", "--section", "trends"])
        #expect(trends.stdout.contains("-$0.004 (-0.8%)"))
        #expect(!trends.stdout.contains("$0.00 ("))
    }
}

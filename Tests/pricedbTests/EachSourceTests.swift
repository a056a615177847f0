import Foundation
import TestSupport
import Testing

/// Answers that do not mislead (the reproductions are in `Fixtures/misleading/`): every source of a provider
/// counts as of a day, stale prices never decide unless asked for, trends say what they measure from, and a text
/// report says which day it is as of.
@Suite struct EachSourceTests {
    static let lambdaCatalog = "Fixtures/skypilot/lambda-vms.csv"

    /// The Lambda catalog observed 2026-11-30 (H100 $2.49 in gpu_1x_h100_pcie) and files of `Fixtures/misleading`.
    static func lambda(_ notes: [String]) throws -> String {
        let db = CommandRunner.temporaryDatabase()
        let catalog = try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "lambda", "--observed-at", "2026-11-30", lambdaCatalog,
        ])
        #expect(catalog.status == 0, "\(catalog.stderr)")
        if !notes.isEmpty {
            let stored = try CommandRunner.run(["ingest", "--quiet", "--db", db] + notes.map { "Fixtures/misleading/" + $0 })
            #expect(stored.status == 0, "\(stored.stderr)")
        }
        return db
    }

    static func h100Offers(_ db: String, asOf day: String, _ extra: [String] = []) throws -> [String] {
        let result = try CommandRunner.run(
            ["offers", "--db", db, "--gpu", "H100", "--providers", "lambda", "--as-of", day, "--format", "csv", "--sort", "gpu"] + extra)
        return result.stdout.split(separator: "\r\n").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(fields[9]) \(fields[15]) \(fields[18])"
        }
    }

    @Test func aPartialSnapshotNeverHidesAnotherSource() throws {
        let db = try Self.lambda(["lambda-note-2026-12-02.json"])
        #expect(try Self.h100Offers(db, asOf: "2026-12-02") == [
            "gpu_1x_h100_pcie 2.49 skypilot-csv", "gpu_8x_h100_sxm5 2.99 skypilot-csv", "gpu_1x_h100_sxm5 2.99 my note",
        ])
        let overview = try CommandRunner.run([
            "report", "--db", db, "--as-of", "2026-12-02", "--section", "overview", "--gpu", "H100", "--format", "csv",
        ])
        #expect(overview.stdout.contains("overview,overview,1,price,$2.49–2.99,2.49,2.99,USD,price"), "\(overview.stdout)")
        // Before the note, only the catalog.
        #expect(try Self.h100Offers(db, asOf: "2026-12-01").count == 2)
    }

    @Test func theNewerObservationOfOneOfferStandsAndOneDayKeepsBoth() throws {
        let db = try Self.lambda(["lambda-repriced-2026-12-03.json"])
        #expect(try Self.h100Offers(db, asOf: "2026-12-03") == [
            "gpu_8x_h100_sxm5 2.99 skypilot-csv", "gpu_1x_h100_pcie 2.79 lambda price page",
        ])
        // A catalog of the same day as the price page: neither is newer, both stand.
        let sameDay = try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "lambda", "--observed-at", "2026-12-03", Self.lambdaCatalog,
        ])
        #expect(sameDay.status == 0, "\(sameDay.stderr)")
        #expect(try Self.h100Offers(db, asOf: "2026-12-03").sorted() == [
            "gpu_1x_h100_pcie 2.49 skypilot-csv", "gpu_1x_h100_pcie 2.79 lambda price page", "gpu_8x_h100_sxm5 2.99 skypilot-csv",
        ])
    }

    /// A note observed 2026-01-05 is older than two quarters as of 2026-11-30, when the catalog is fresh: the
    /// stale note steps aside, even with --include-stale, and the cell is the catalog's alone.
    @Test func aStaleSourceStepsAsideForAFreshOne() throws {
        let db = try Self.lambda([])
        let note = Scratch.unique("note").appendingPathComponent("old-note.json").path
        let text = try String(contentsOfFile: "Fixtures/misleading/lambda-note-2026-12-02.json", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: (note as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.replacingOccurrences(of: "2026-12-02", with: "2026-01-05").write(toFile: note, atomically: true, encoding: .utf8)
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, note]).status == 0)
        #expect(try Self.h100Offers(db, asOf: "2026-11-30", ["--include-stale"]) == [
            "gpu_1x_h100_pcie 2.49 skypilot-csv", "gpu_8x_h100_sxm5 2.99 skypilot-csv",
        ])
        #expect(try Self.h100Offers(db, asOf: "2026-02-01") == ["gpu_1x_h100_sxm5 2.99 my note"])
    }

    @Test func stalePricesAreLeftOutOfOffersCostAndBreakEvenAndCounted() throws {
        let db = try PlainAnswerTests.seeded()
        let offers = try CommandRunner.run(["offers", "--db", db, "--as-of", "2026-11-25", "--gpu", "H100"])
        #expect(offers.status == 1)
        #expect(offers.stderr.contains("stale offers (last observed before 2026-05-25); --include-stale counts them"), "\(offers.stderr)")
        let included = try CommandRunner.run(["offers", "--db", db, "--as-of", "2026-11-25", "--gpu", "H100", "--include-stale"])
        #expect(included.status == 0 && included.stdout.contains("†"), "\(included.stdout)")
        let cost = try CommandRunner.run(["cost", "--db", db, "--as-of", "2026-11-25", "--gpu", "H100", "--hours", "8"])
        #expect(cost.status == 1)
        #expect(cost.stderr.contains("in the tiers on-demand, secure, community, marketplace"), "\(cost.stderr)")
        #expect(cost.stderr.contains("stale prices were left out (last observed before 2026-05-25): --include-stale counts them"), "\(cost.stderr)")
        let costIncluded = try CommandRunner.run([
            "cost", "--db", db, "--as-of", "2026-11-25", "--gpu", "H100", "--hours", "8", "--include-stale",
        ])
        #expect(costIncluded.status == 0 && costIncluded.stdout.contains("†"), "\(costIncluded.stderr)")
        // Some fresh, some stale (synth-fading, last seen 2025-05-10): the stale one is counted in a note, the
        // ranking holds only fresh prices.
        let synthetic = try DailyUseTests.synthetic()
        let mixed = try CommandRunner.run(["cost", "--db", synthetic, "--as-of", "2026Q1", "--gpu", "A100-80GB", "--hours", "8"])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(!mixed.stdout.contains("SynFade"), "\(mixed.stdout)")
        #expect(mixed.stdout.contains("Left out 1 provider whose price was last observed before 2025-09-30 (stale)"), "\(mixed.stdout)")
        let breakEven = try CommandRunner.run([
            "breakeven", "--db", db, "--gpu", "RTX 4090", "--purchase", "1600", "--as-of", "2026-11-25", "--include-stale",
        ])
        #expect(breakEven.status == 0, "\(breakEven.stderr)")
    }

    @Test func aChangeIsMeasuredFromTheLastKnownPriceAndAQuarterWithoutDataSaysSo() throws {
        let db = CommandRunner.temporaryDatabase()
        let stored = try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "Fixtures/misleading/runpod-h100-2025-02-07.json",
            "Fixtures/misleading/runpod-h100-2025-12-01.json",
        ])
        #expect(stored.status == 0, "\(stored.stderr)")
        let quarters = try CommandRunner.run(["quarters", "--db", db, "--gpu", "H100", "--as-of", "2025-12-31"])
        let rows = quarters.stdout.split(separator: "\n").filter { $0.hasPrefix("2025Q") }.map {
            $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).joined(separator: " ")
        }
        #expect(rows == ["new", "no data", "stale", "-$0.40 (-16.7%) since 2025-02-07"], "\(quarters.stdout)")
        let trends = try CommandRunner.run(["report", "--db", db, "--as-of", "2025-12-31", "--section", "trends", "--format", "json"])
        #expect(trends.stdout.contains("\"since\": \"2025-02-07\""), "\(trends.stdout)")
        #expect(!trends.stdout.contains("\"change\": \"new\""))
    }

    @Test func aTextReportOpensWithItsDayAndTheNewestObservationItUsed() throws {
        let db = try PlainAnswerTests.seeded()
        for command in [["report", "--section", "overview"], ["quarters", "--gpu", "H100"], ["cost", "--gpu", "H100", "--hours", "1"]] {
            let result = try CommandRunner.run(command + ["--db", db, "--as-of", "2026-02"])
            #expect(result.stdout.hasPrefix("As of 2026-02-28; newest observation used: 2026-02-07\n"), "\(command): \(result.stdout)")
        }
        // Every price stale: the overview shows none of them, and the line still names the newest observation.
        let stale = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-11-25", "--section", "overview"])
        #expect(stale.stdout.hasPrefix("As of 2026-11-25; newest observation used: 2026-02-07\n"), "\(stale.stdout)")
        let german = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "overview", "--locale", "de"])
        #expect(german.stdout.hasPrefix("Stand: 28.02.2026; neueste verwendete Beobachtung vom 07.02.2026\n"), "\(german.stdout)")
    }

    @Test func aRegionIsAShellPatternInTheReportToo() throws {
        let db = CommandRunner.temporaryDatabase()
        let stored = try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "aws", "--observed-at", "2026-02-07", "Fixtures/skypilot/aws-vms.csv",
        ])
        #expect(stored.status == 0, "\(stored.stderr)")
        let pattern = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "datacenter", "--region", "us-east-*", "--format", "csv"])
        let literal = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "datacenter", "--region", "us-east-1", "--format", "csv"])
        #expect(pattern.status == 0 && literal.status == 0)
        #expect(pattern.stdout == literal.stdout)
        let none = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "datacenter", "--region", "us-east"])
        #expect(none.stderr.contains("regions like it: us-east-1"), "\(none.stderr)")
    }
}

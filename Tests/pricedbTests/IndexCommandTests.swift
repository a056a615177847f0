import Foundation
import Testing

/// `pricedb index` end to end: the table a reader sees at 80 columns, the flat records, and its refusals.
@Suite struct IndexCommandTests {
    static func seedAndSynthetic() throws -> String {
        let db = try PlainAnswerTests.seeded()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db] + DailyUseTests.syntheticFiles).status == 0)
        return db
    }

    @Test func theQuarterlyIndexOfTheA100ReadsAsExpectedAt80Columns() throws {
        let db = try Self.seedAndSynthetic()
        let result = try CommandRunner.run(
            ["index", "--db", db, "--gpu", "A100 (80GB)", "--by", "quarter", "--as-of", "2026Q1"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try String(
            contentsOf: CommandRunner.packageRoot.appendingPathComponent("Tests/pricedbTests/Golden/index-a100-80gb-by-quarter.txt"),
            encoding: .utf8)
        #expect(result.stdout == expected)
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func everyFormatCarriesTheSameFigures() throws {
        let db = try Self.seedAndSynthetic()
        let base = ["index", "--db", db, "--gpu", "A100", "--by", "month", "--from", "2026-01", "--as-of", "2026-03-15"]
        let csv = try CommandRunner.run(base + ["--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.count == 1 + 2 * 3, "two GPUs × three months: \(csv.stdout)")
        #expect(lines.last?.hasPrefix("a100-80gb,A100 (80GB),2026-03,2026-03-01,2026-03-31,2026-03-15,median,USD,8,1.39,1.11,3.5425,") == true, "\(csv.stdout)")
        let json = try CommandRunner.run(base + ["--format", "json"])
        #expect(json.stdout.contains("\"format\": \"pricedb-index/1\"") && json.stdout.contains("\"p75\": \"3.5425\""))
        let markdown = try CommandRunner.run(base + ["--format", "markdown", "--locale", "de"])
        #expect(markdown.stdout.contains("| 2026-03 (bis 15.03.2026) | $1,39"), "\(markdown.stdout)")
        let trimmed = try CommandRunner.run(base + ["--format", "csv", "--method", "trimmed-mean"])
        #expect(trimmed.stdout.contains(",trimmed-mean,"))
        let report = try CommandRunner.run(["report", "--db", db, "--as-of", "2026Q1", "--section", "index", "--gpu", "A100-80GB"])
        #expect(report.stdout.contains("A100 (80GB)   $1.39     $1.11    ~$3.54          8  -$0.11 (-7.3%)"), "\(report.stdout)")
    }

    @Test func itSaysWhatItNeeds() throws {
        let db = try Self.seedAndSynthetic()
        let noGPU = try CommandRunner.run(["index", "--db", db])
        #expect(noGPU.status == 64 && noGPU.stderr.contains("--gpu NAME"))
        let unknown = try CommandRunner.run(["index", "--db", db, "--gpu", "A1000"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown GPU"))
        let backwards = try CommandRunner.run(["index", "--db", db, "--gpu", "H100", "--from", "2026", "--to", "2025"])
        #expect(backwards.status == 64)
        let nothing = try CommandRunner.run(["index", "--db", db, "--gpu", "B200"])
        #expect(nothing.status == 1, "\(nothing.stderr)")
        let byWeek = try CommandRunner.run(["index", "--db", db, "--gpu", "H100", "--by", "week", "--from", "2026-02", "--as-of", "2026-02", "--format", "csv"])
        #expect(byWeek.stdout.contains(",2026-W06,2026-02-02,2026-02-08,"), "\(byWeek.stdout)")
    }
}

import Foundation
import TestSupport
import Testing

/// Answers that do not mislead: the words people use for days, advice that fits what was typed, and pictures
/// that are not poured onto a terminal.
@Suite struct PlainAnswerTests {
    static func seeded() throws -> String {
        let db = CommandRunner.temporaryDatabase()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, ForeignFileTests.seed]).status == 0)
        return db
    }

    @Test func todayAndYesterdayAreDays() throws {
        let db = try Self.seeded()
        for word in ["today", "yesterday", "Today"] {
            let result = try CommandRunner.run(["report", "--db", db, "--as-of", word, "--section", "overview", "--format", "json"])
            #expect(result.status == 0, "\(word): \(result.stderr)")
        }
        let today = try CommandRunner.run(["offers", "--db", db, "--as-of", "today", "--format", "json"])
        #expect(today.stdout.contains("\"as_of\": \"\(IngestCommandTests.today())\""), "\(today.stdout.prefix(200))")
        let wrong = try CommandRunner.run(["report", "--db", db, "--as-of", "tomorow"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("today or yesterday"), "\(wrong.stderr)")
    }

    @Test func aURLGivenToIngestPointsToFetch() throws {
        let result = try CommandRunner.run(["ingest", "--db", CommandRunner.temporaryDatabase(), "https://example.org/aws/vms.csv"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("pricedb fetch"), "\(result.stderr)")
    }

    /// `script` gives the command a terminal of its own; to a pipe the same command writes its SVG or HTML.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func picturesAreNotPouredOntoATerminal() throws {
        let db = try Self.seeded()
        for (arguments, hint) in [("chart --gpu H100", "--out chart.svg"), ("report --as-of 2026-02 --format html", "--out report.html")] {
            let command = "\(CommandRunner.binary.path) \(arguments) --db \(db); echo status=$?"
            let text = try CommandRunner.run(["-qc", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script")).stdout
            #expect(text.contains(hint) && text.contains("status=64"), "\(arguments): \(text.prefix(300))")
            let piped = try CommandRunner.run(arguments.split(separator: " ").map(String.init) + ["--db", db])
            #expect(piped.status == 0 && piped.stdout.contains("<"), "\(arguments): \(piped.stderr)")
        }
    }

    @Test func aRegionThatMatchesNothingNamesTheRegionsLikeIt() throws {
        let db = CommandRunner.temporaryDatabase()
        let stored = try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "aws", "--observed-at", "2026-02-07", "Fixtures/skypilot/aws-vms.csv",
        ])
        #expect(stored.status == 0, "\(stored.stderr)")
        let result = try CommandRunner.run(["offers", "--db", db, "--region", "us-east", "--as-of", "2026-02"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("regions like it: us-east-1 (a pattern such as 'us-east*' takes them all)"), "\(result.stderr)")
    }

    @Test func anAsOfInTheFutureSaysSo() throws {
        let db = try Self.seeded()
        for command in [["report", "--section", "overview"], ["offers"], ["quarters", "--gpu", "H100"], ["cost", "--gpu", "H100", "--hours", "8"]] {
            let result = try CommandRunner.run(command + ["--db", db, "--as-of", "2030"])
            #expect(result.stderr.contains("--as-of 2030 ends after today"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("the newest observation in the database is from 2026-02-07"), "\(command)")
        }
        let past = try CommandRunner.run(["report", "--section", "overview", "--db", db, "--as-of", "2026-02"])
        #expect(!past.stderr.contains("ends after today"))
    }
}

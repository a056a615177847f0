import Foundation
import Testing

/// One meaning per option across commands, and numbers written one way.
@Suite struct OneMeaningTests {
    @Test func aFamilyNameSelectsEachOfItsGPUsOrIsRefusedWithTheChoices() throws {
        let db = try PlainAnswerTests.seeded()
        let report = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "datacenter", "--gpu", "a100"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("A100 (40GB)") && report.stdout.contains("A100 (80GB)"), "\(report.stdout)")
        for command in [["cost", "--hours", "8"], ["quarters"], ["history"], ["breakeven", "--purchase", "9000"]] {
            let result = try CommandRunner.run(command + ["--db", db, "--as-of", "2026-02", "--gpu", "a100"])
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.contains("\"a100\" names several GPUs: \"A100 (40GB)\", \"A100 (80GB)\"; give one of them"), "\(result.stderr)")
        }
        // A size-specific name is one GPU.
        #expect(try CommandRunner.run(["cost", "--db", db, "--as-of", "2026-02", "--gpu", "A100-80GB", "--hours", "1"]).status == 0)
    }

    @Test func historyAndChartTakeTheDayOptionsOfEveryOtherCommand() throws {
        let db = try DailyUseTests.synthetic()
        let all = try CommandRunner.run(["history", "--db", db, "--gpu", "A100-80GB", "--format", "csv"])
        let span = try CommandRunner.run([
            "history", "--db", db, "--gpu", "A100-80GB", "--from", "2025Q3", "--as-of", "2025-09", "--format", "csv",
        ])
        #expect(all.status == 0 && span.status == 0, "\(span.stderr)")
        // The report CSV has a line per cell: section, table, row, column, text, …
        func runs(_ csv: String) -> [String: (from: String, to: String)] {
            var runs: [String: (from: String, to: String)] = [:]
            for line in csv.split(separator: "\r\n").dropFirst() {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard fields.count > 4, ["from", "to"].contains(fields[3]) else { continue }
                if fields[3] == "from" { runs[fields[2], default: ("", "")].from = fields[4] } else { runs[fields[2], default: ("", "")].to = fields[4] }
            }
            return runs
        }
        let kept = runs(span.stdout)
        #expect(!kept.isEmpty && kept.count < runs(all.stdout).count, "\(kept.count) of \(runs(all.stdout).count)")
        for (row, run) in kept { #expect(run.from <= "2025-09-30" && run.to >= "2025-07-01", "\(row): \(run)") }
        let backwards = try CommandRunner.run(["history", "--db", db, "--gpu", "H100", "--from", "2026", "--to", "2025"])
        #expect(backwards.status == 64)
        let chart = try CommandRunner.run(["chart", "--db", db, "--gpu", "A100-80GB", "--as-of", "2025Q4"])
        let to = try CommandRunner.run(["chart", "--db", db, "--gpu", "A100-80GB", "--to", "2025Q4"])
        #expect(chart.status == 0 && chart.stdout == to.stdout)
    }

    @Test func aConversionAtARateMuchOlderThanThePriceSaysSo() throws {
        let db = try PlainAnswerTests.seeded()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, "Fixtures/rates/eurofxref-hist-sample.csv"]).status == 0)
        let february = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--section", "overview", "--currency", "EUR"])
        #expect(!february.stdout.contains("newest stored USD rate"), "\(february.stdout)")
        let catalog = try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "lambda", "--observed-at", "2026-06-30", "Fixtures/skypilot/lambda-vms.csv",
        ])
        #expect(catalog.status == 0)
        let june = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-06-30", "--section", "overview", "--currency", "EUR"])
        #expect(june.stdout.contains("The newest stored USD rate is from 2026-02-27, yet it converted prices seen on 2026-06-30"), "\(june.stdout)")
        #expect(june.stdout.components(separatedBy: "newest stored USD rate").count == 2, "said once")
    }

    /// Help that is true of its command: the finder counts spot by default, and no list option claims an order a
    /// command does not have.
    @Test func eachHelpSaysWhatItsCommandDoes() throws {
        let offers = try CommandRunner.run(["offers", "--help"]).stdout
        #expect(offers.contains("Default: every tier, spot too."))
        for command in ["offers", "watch", "cost", "report"] {
            let help = try CommandRunner.run([command, "--help"]).stdout
            #expect(!help.contains("fix the"), "\(command)")
        }
        let watch = try CommandRunner.run(["watch", "--help"]).stdout
        #expect(watch.contains("a number under 1 needs its %"))
        let drop = try CommandRunner.run(["watch", "--db", CommandRunner.temporaryDatabase(), "--drop", "0.1"])
        #expect(drop.status == 64)
        #expect(drop.stderr.contains("'0.1' is ambiguous"), "\(drop.stderr)")
    }

    @Test func quartersLeaveOutProvidersWithNothingToShowAndKeepTheirFirstColumnWide() throws {
        let db = try PlainAnswerTests.seeded()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db] + DailyUseTests.syntheticFiles).status == 0)
        let quarters = try CommandRunner.run(
            ["quarters", "--db", db, "--gpu", "A100 (80GB)", "--as-of", "2026Q1"], environment: ["COLUMNS": "80"])
        #expect(quarters.status == 0)
        #expect(quarters.stdout.contains("Left out for pricing none of it: GCP (--providers shows them)."), "\(quarters.stdout)")
        let headers = quarters.stdout.split(separator: "\n").filter { $0.hasPrefix("Quarter") }
        #expect(headers.count > 1)
        let starts = Set(headers.map { line in line.dropFirst("Quarter".count).prefix { $0 == " " }.count })
        #expect(starts.count == 1, "\(headers)")
        for line in quarters.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let named = try CommandRunner.run(["quarters", "--db", db, "--gpu", "A100 (80GB)", "--as-of", "2026Q1", "--providers", "gcp,aws"])
        #expect(named.stdout.contains("GCP"))
    }

    @Test func gpusTakesAFilterAndItsHelpShowsIt() throws {
        let found = try CommandRunner.run(["gpus", "a100", "--db", CommandRunner.temporaryDatabase(), "--format", "csv"])
        #expect(found.status == 0)
        let ids = found.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(ids == ["a100-40gb", "a100-80gb"], "\(found.stdout)")
        for command in ["gpus", "providers"] {
            #expect(try CommandRunner.run([command, "--help"]).stdout.contains("Examples:"), "\(command)")
        }
    }

    /// At 60 columns a long file name is shortened in the middle, not broken over lines; `--wide` shows it whole.
    @Test func longNamesAreShortenedInTheMiddleOnANarrowTerminal() throws {
        let db = CommandRunner.temporaryDatabase()
        let folder = (db as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = folder + "/a-snapshot-whose-file-name-is-far-too-long-for-any-column-2026-02-07.json"
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot.path + "/" + ForeignFileTests.seed, toPath: name)
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, name]).status == 0)
        let narrow = try CommandRunner.run(["snapshots", "--db", db], environment: ["COLUMNS": "60"])
        for line in narrow.stdout.split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
        #expect(narrow.stdout.contains("a-snaps…-07.json"), "\(narrow.stdout)")
        let wide = try CommandRunner.run(["snapshots", "--db", db, "--wide"], environment: ["COLUMNS": "60"])
        #expect(wide.stdout.contains("a-snapshot-whose-file-name-is-far-too-long-for-any-column-2026-02-07.json"))
    }
}

import Foundation
import Testing

/// What a user of any Unix tool tries first: the version, help for a mistyped subcommand, and answers that say
/// when an option matched nothing.
@Suite struct UnixHabitTests {
    @Test func theVersionIsPrinted() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func helpForAnUnknownSubcommandIsAUsageError() throws {
        let result = try CommandRunner.run(["help", "bogus"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("there is no subcommand 'bogus'"))
        #expect(try CommandRunner.run(["help", "report"]).status == 0)
    }

    /// Output that could not be written is a failure a script can see, as with the coreutils.
    @Test func aFullDiskOnStandardOutputIsAnError() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let db = try DailyUseTests.seeded()
        for arguments in [["report", "--db", db, "--as-of", "2026-02"], ["gpus"], ["--help"]] {
            let result = try CommandRunner.run(arguments, standardOutput: full)
            #expect(result.status == 74, "\(arguments)")
            #expect(result.stderr.hasPrefix("pricedb: error: cannot write standard output ("), "\(arguments)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, "said once: \(result.stderr)")
        }
    }

    /// A misspelt tier is a usage error that names the closest one, as a rules file's does.
    @Test func aMisspeltTierGetsTheClosestOne() throws {
        let result = try CommandRunner.run(["report", "--db", try DailyUseTests.seeded(), "--tier", "on-demand,spto"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown tier 'spto'; did you mean \"spot\"? use on-demand, spot,"), "\(result.stderr)")
    }

    /// A report that does not fit the file it goes to (`--out`) fails with the file's name, as it is written
    /// piece by piece.
    @Test func aFullDiskUnderOutIsAnError() throws {
        let db = try DailyUseTests.seeded()
        for format in ["json", "csv", "table"] {
            let result = try CommandRunner.run(["history", "--db", db, "--gpu", "H100", "--format", format, "--out", "/dev/full"])
            #expect(result.status == 73, "\(format)")
            #expect(result.stderr.hasPrefix("pricedb: error: cannot write /dev/full: "), "\(format): \(result.stderr)")
        }
    }

    /// `ingest -` on a terminal says what it waits for; `script` gives the command a terminal of its own.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func readingATerminalSaysHowToEnd() throws {
        let command = "\(CommandRunner.binary.path) ingest --db \(CommandRunner.temporaryDatabase()) -"
        let text = try CommandRunner.run(["-qc", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script")).stdout
        #expect(text.hasPrefix("pricedb: reading a snapshot or catalog from the terminal; end it with Ctrl-D"), "\(text)")
        let notATerminal = try CommandRunner.run(["ingest", "--db", CommandRunner.temporaryDatabase(), "-"])
        #expect(!notATerminal.stderr.contains("from the terminal"))
    }

    @Test func aMistypedSubcommandGetsTheClosestOne() throws {
        for arguments in [["repot", "--as-of", "2026-02"], ["help", "repot"]] {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 64)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("pricedb: error: there is no subcommand 'repot'; did you mean \"report\"? the subcommands are ingest, fetch, backfill, report,"))
        }
        let version = try CommandRunner.run(["version"])
        #expect(version.status == 64)
        #expect(version.stderr.contains("the version is `pricedb --version`"))
    }

    @Test func aRegionNoOfferIsInIsWarnedAbout() throws {
        let db = try DailyUseTests.seeded()
        let result = try CommandRunner.run([
            "report", "--db", db, "--as-of", "2026-02", "--section", "overview", "--region", "nowhere,us-east-1",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.contains("no offer is in a region matching 'nowhere'"), "\(result.stderr)")
        #expect(!result.stderr.contains("'us-east-1'"))
    }

    /// A marketplace's region with commas in its name is one region when given whole; a list option that names
    /// nothing is a usage error rather than a filter that matches nothing.
    @Test func aRegionWithCommasIsTakenWholeAndAnEmptyListIsRefused() throws {
        let db = try DailyUseTests.seeded()
        let catalog = try CommandRunner.run([
            "ingest", "--db", db, "--provider", "vast", "--observed-at", "2026-02-08", "Fixtures/skypilot/vast-vms.csv",
        ])
        #expect(catalog.status == 0, "\(catalog.stderr)")
        let whole = try CommandRunner.run([
            "report", "--db", db, "--as-of", "2026-02", "--section", "consumer", "--region", "Germany, DE, EU",
        ])
        #expect(whole.status == 0)
        #expect(whole.stderr.isEmpty, "\(whole.stderr)")
        #expect(whole.stdout.contains("Vast.ai"))
        let offers = try CommandRunner.run([
            "offers", "--db", db, "--as-of", "2026-02", "--gpu", "RTX 4090", "--region", "Germany, DE, EU", "--format", "csv",
        ])
        #expect(offers.status == 0, "\(offers.stderr)")
        #expect(offers.stdout.contains("\"Germany, DE, EU\",on-demand"), "\(offers.stdout)")
        for arguments in [["report", "--region", ","], ["offers", "--region", ","], ["report", "--tier", ","], ["report", "--section", ","]] {
            let result = try CommandRunner.run(arguments + ["--db", db])
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("\(arguments[1]) names nothing"), "\(arguments)")
        }
        let noGPU = try CommandRunner.run(["history", "--gpu", " ", "--db", db])
        #expect(noGPU.status == 64)
        #expect(noGPU.stderr.contains("--gpu takes a GPU name or alias"))
    }

    @Test func aGivenRateNeedsNoDatabase() throws {
        let missing = CommandRunner.temporaryDatabase()
        let result = try CommandRunner.run([
            "breakeven", "--db", missing, "--gpu", "RTX 4090", "--purchase", "1600–2000", "--rate", "0.60",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2,667–3,333 h"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(try CommandRunner.run(["breakeven", "--db", missing, "--gpu", "RTX 4090", "--purchase", "0", "--rate", "0.60"]).status == 64)
        #expect(try CommandRunner.run(["report", "--db", missing, "--providers", ""]).status == 64)
    }
}

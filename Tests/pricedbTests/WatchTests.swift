import Foundation
import TestSupport
@testable import PriceDB
import Testing

/// `pricedb watch`: a crossing is reported once, a rise is no news, and a rules file is checked line by line.
@Suite struct WatchTests {
    /// A database holding one offer (Vast-like marketplace H100) at the given prices on successive days.
    static func history(_ prices: [String]) throws -> String {
        let db = CommandRunner.temporaryDatabase()
        let folder = (db as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (index, price) in prices.enumerated() {
            let file = folder + "/day-\(index).json"
            try """
                {"format": "pricedb-snapshot/1", "observed_at": "2026-03-\(String(format: "%02d", index + 1))",
                 "providers": [{"id": "market", "name": "Market", "kind": "p2p-marketplace"}],
                 "observations": [{"provider": "market", "gpu": "H100", "tier": "marketplace", "price": \(price)}]}
                """.write(toFile: file, atomically: true, encoding: .utf8)
            let ingest = try CommandRunner.run(["ingest", "--quiet", "--db", db, file])
            #expect(ingest.status == 0, "\(ingest.stderr)")
        }
        return db
    }

    static func watch(_ db: String, _ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(["watch", "--db", db, "--as-of", "2026-03-31"] + arguments)
    }

    @Test func aDropFiresOnceAndNotAgain() throws {
        let db = try Self.history(["2.40", "2.00"])
        let first = try Self.watch(db, ["--drop", "10%"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "any GPU, a fall of 10% or more: Market H100 (80GB) (marketplace): $2.40 → $2.00 (-16.7%) per GPU-hour, observed 2026-03-02\n")
        let second = try Self.watch(db, ["--drop", "10%"])
        #expect(second.status == 1)
        #expect(second.stdout.isEmpty)
        let again = try Self.watch(db, ["--drop", "10%", "--all"])
        #expect(again.status == 0)
        #expect(again.stdout == first.stdout)
        // 2.40 → 2.00 is a fall of 16.67%: a 17% rule does not fire.
        #expect(try Self.watch(db, ["--drop", "17%"]).status == 1)
    }

    /// An alert is remembered only once it was written: on a full disk the command fails (74), and the next run
    /// still reports the crossing.
    /// Watches started together print each crossing once in all, whoever comes first.
    @Test func watchesStartedTogetherPrintACrossingOnce() throws {
        for round in 0..<4 {
            let db = try Self.history(["2.40", "2.00"])
            let outputs = (0..<4).map { _ in Scratch.unique("watch-\(round)", ".txt") }
            let processes = try outputs.map { output in
                let process = Process()
                process.executableURL = CommandRunner.binary
                process.arguments = ["watch", "--db", db, "--as-of", "2026-03-31", "--drop", "10%"]
                process.currentDirectoryURL = CommandRunner.packageRoot
                _ = FileManager.default.createFile(atPath: output.path, contents: nil)
                process.standardOutput = try FileHandle(forWritingTo: output)
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            let printed = try outputs.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
            #expect(printed.components(separatedBy: "a fall of 10% or more").count - 1 == 1, "round \(round): \(printed)")
            #expect(processes.map(\.terminationStatus).sorted() == [0, 1, 1, 1])
        }
    }

    @Test func anAlertThatCouldNotBeWrittenComesAgain() throws {
        let db = try Self.history(["2.40", "2.00"])
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let lost = try CommandRunner.run(["watch", "--db", db, "--as-of", "2026-03-31", "--drop", "10%"], standardOutput: full)
        #expect(lost.status == 74)
        #expect(lost.stderr == "pricedb: error: cannot write the alerts (No space left on device); they were not marked as reported and come again next run\n")
        let next = try Self.watch(db, ["--drop", "10%"])
        #expect(next.status == 0)
        #expect(next.stdout.hasPrefix("any GPU, a fall of 10% or more: Market H100 (80GB)"))
        #expect(try Self.watch(db, ["--drop", "10%"]).status == 1)
    }

    @Test func aRiseDoesNotFireABelowRule() throws {
        let db = try Self.history(["2.20", "1.80"])
        let crossing = try Self.watch(db, ["--gpu", "H100", "--below", "2.00", "--format", "json"])
        #expect(crossing.status == 0)
        #expect(crossing.stdout.contains("\"old_per_gpu\": \"2.2\""))
        #expect(crossing.stdout.contains("\"new_per_gpu\": \"1.8\""))
        #expect(crossing.stdout.contains("\"since\": \"2026-03-02\""))
        #expect(crossing.stdout.contains("\"tier\": \"marketplace\""))
        #expect(crossing.stdout.contains("\"per_gpu_low\": \"1.8\""))
        let risen = try Self.history(["1.50", "1.90"])
        let first = try Self.watch(risen, ["--below", "2.00"])
        #expect(first.stdout.contains("new at $1.90 per GPU-hour"), "\(first.stdout)")
        #expect(try Self.watch(risen, ["--below", "2.00"]).status == 1)
        let above = try Self.history(["1.50", "2.10"])
        #expect(try Self.watch(above, ["--below", "2.00"]).status == 1)
    }

    @Test func aNewCrossingAfterARiseFiresAgain() throws {
        let db = try Self.history(["1.80"])
        #expect(try Self.watch(db, ["--below", "2"]).status == 0)
        for (day, price) in [("04", "2.50"), ("05", "1.70")] {
            let file = (db as NSString).deletingLastPathComponent + "/later-\(day).json"
            try """
                {"format": "pricedb-snapshot/1", "observed_at": "2026-03-\(day)",
                 "observations": [{"provider": "market", "gpu": "H100", "tier": "marketplace", "price": \(price)}]}
                """.write(toFile: file, atomically: true, encoding: .utf8)
            try CommandRunner.run(["ingest", "--quiet", "--db", db, file])
        }
        let again = try Self.watch(db, ["--below", "2"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("$2.50 → $1.70 (-32.0%)"), "\(again.stdout)")
    }

    @Test func aRulesFileIsCheckedWithLineNumbers() throws {
        let db = try Self.history(["2.40", "2.00"])
        let folder = (db as NSString).deletingLastPathComponent
        let cases: [(String, String)] = [
            ("[[rule]]\nname = \"h100\"\ngpu = \"H100\"\nbelow = 1e308\n", "alerts.toml:4: below: '1e+308' is 10,000 or more"),
            ("[[rule]]\nbelow = \"2\"\n\n[[rule]]\ngpu = [\"H100\"]\nmax = \"3\"\n", "alerts.toml:6: unknown key 'max'"),
            ("[[rule]]\ngpu = \"H100\"\n", "alerts.toml:1: the rule needs below"),
            ("[[rule]]\nbelow = \"2\"\ntier = [\"cheap\"]\n", "alerts.toml:3: unknown tier 'cheap'"),
            ("[[rule]]\nbelow = \"2\"\ntier = [\"spto\"]\n", "alerts.toml:3: unknown tier 'spto'; did you mean \"spot\"?"),
            ("[[rule]]\nbelow = \"2\"\ndrop = \"150%\"\n", "alerts.toml:3: drop: takes a percentage"),
            ("[[rule]]\nbelow = \"2\"\ndrop = 0.1\n", "alerts.toml:3: drop: '0.1' is ambiguous; a fall is in per cent: write 10% for a tenth"),
            ("[[rule]]\nbelow = \"2\"\n\n[[rule]]\ngpu = [\"H100\", \"H1000\"]\nbelow = 3\n", "alerts.toml:5: unknown GPU \"H1000\""),
            ("[[rule]]\nbelow = 2\nproviders = \"markte\"\n", "alerts.toml:3: unknown provider \"markte\""),
            ("[[rule]]\nbelow = \n", "alerts.toml:2: not TOML"),
        ]
        for (text, message) in cases {
            try text.write(toFile: folder + "/alerts.toml", atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["watch", "--db", db, "--rules", folder + "/alerts.toml"])
            #expect(result.status == 65, "\(text)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        try """
            [[rule]]
            name = "cheap H100"
            gpu = ["H100"]
            below = "2.10"

            [[rule]]
            drop = "50%"
            """.write(toFile: folder + "/alerts.toml", atomically: true, encoding: .utf8)
        let fired = try CommandRunner.run(["watch", "--db", db, "--as-of", "2026-03-31", "--rules", folder + "/alerts.toml"])
        #expect(fired.status == 0)
        #expect(fired.stdout == "cheap H100: Market H100 (80GB) (marketplace): $2.40 → $2.00 (-16.7%) per GPU-hour, observed 2026-03-02\n")
        let missing = try CommandRunner.run(["watch", "--db", db, "--rules", folder + "/none.toml"])
        #expect(missing.status == 66)
        let both = try CommandRunner.run(["watch", "--db", db, "--rules", folder + "/alerts.toml", "--below", "2"])
        #expect(both.status == 64)
        let ignoredTier = try CommandRunner.run(["watch", "--db", db, "--rules", folder + "/alerts.toml", "--tier", "spot"])
        #expect(ignoredTier.status == 64)
        #expect(try CommandRunner.run(["watch", "--db", db]).status == 64)
    }

    @Test func crossingsFollowTheRule() {
        let below = WatchRule(below: Money("2")!)
        #expect(below.crossing(in: [Money("2.5")!, Money("1.5")!, Money("1.9")!]) == 1)
        #expect(below.crossing(in: [Money("1.5")!]) == 0)
        #expect(below.crossing(in: [Money("1.5")!, Money("2")!]) == nil)
        let drop = WatchRule(dropPercent: Money("10")!)
        #expect(drop.crossing(in: [Money("10")!, Money("9")!]) == 1)
        #expect(drop.crossing(in: [Money("10")!, Money("9.01")!]) == nil)
        #expect(drop.crossing(in: [Money("9")!]) == nil)
        let huge = Money(micros: .max)
        #expect(drop.crossing(in: [huge, Money(micros: 1)]) == 1)
    }
}

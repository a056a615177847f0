import ArgumentParser
import Foundation
import Testing

@testable import pricedb

/// With `COLUMNS=80`, no command prints a line longer than 80 columns (tables wrap, leave out low-value
/// columns, or split into blocks); `--wide` prints tables whole.
@Suite struct WidthTests {
    static func database() throws -> String {
        let db = try DailyUseTests.synthetic()
        #expect(try CommandRunner.run(["ingest", "--quiet", "--db", db, DailyUseTests.seed]).status == 0)
        #expect(try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "aws", "--observed-at", "2026-02-07", "Fixtures/skypilot/aws-vms.csv",
        ]).status == 0)
        return db
    }

    static let commands: [[String]] = [
        ["report", "--as-of", "2026-02"], ["report", "--as-of", "2026-02", "--locale", "de"], ["report"],
        ["report", "--as-of", "2025Q4", "--tier", "spot,on-demand,secure,community,marketplace"],
        ["quarters", "--gpu", "A100-80GB"], ["quarters", "--gpu", "A100-80GB", "--spread", "--locale", "de"],
        ["history", "--gpu", "A100-80GB"], ["history", "--gpu", "H100"],
        ["cost", "--gpu", "A100-80GB", "--hours", "730", "--as-of", "2026-02", "--locale", "de"],
        ["breakeven", "--gpu", "RTX 4090", "--purchase", "1600-2000", "--as-of", "2026-02"],
        ["offers", "--as-of", "2026-02"], ["offers", "--as-of", "2026Q1", "--locale", "de"],
        ["snapshots"], ["providers"], ["gpus"], ["check"],
        ["ingest", "--dry-run", "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"],
        ["ingest", "--dry-run", "--provider", "gcp", "--observed-at", "2026-02-08", "Fixtures/skypilot/gcp-vms.csv"],
    ]

    static func longest(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(\.count).max() ?? 0
    }

    @Test func everyCommandFitsEightyColumns() throws {
        let db = try Self.database()
        for command in Self.commands {
            let result = try CommandRunner.run(command + ["--db", db], environment: ["COLUMNS": "80"])
            #expect([0, 1].contains(result.status), "\(command): \(result.stderr)")
            #expect(Self.longest(result.stdout) <= 80, "\(command) prints a line of \(Self.longest(result.stdout)) columns")
        }
        for subcommand in PriceDBCommand.configuration.subcommands.map({ $0._commandName }) {
            let help = try CommandRunner.run([subcommand, "--help"], environment: ["COLUMNS": "80"])
            #expect(help.status == 0)
            #expect(Self.longest(help.stdout) <= 80, "\(subcommand) --help")
        }
        let wide = try CommandRunner.run(["report", "--as-of", "2026-02", "--db", db, "--wide"], environment: ["COLUMNS": "80"])
        #expect(Self.longest(wide.stdout) > 80)
    }
}

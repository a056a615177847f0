import ArgumentParser
import PriceDB
import Testing

@testable import pricedb

/// The command line parsed without running it: arguments become domain values, and bad ones are refused
/// before anything is opened.
@Suite struct ParsingTests {
    @Test func reportArgumentsParseIntoDomainValues() throws {
        let command = try PriceDBCommand.ReportCommand.parse([
            "--as-of", "2026-Q1", "--section", "consumer,trends", "--gpus", "RTX 4090, A100 (80GB)", "--format",
            "markdown", "--locale", "de", "--tier", "spot,on-demand", "--region", "us-east-1",
        ])
        #expect(command.asOf.period == .quarter(Quarter(year: 2026, number: 1)))
        #expect(try command.sections() == [.consumer, .trends])
        #expect(command.gpus.names == ["RTX 4090", "A100 (80GB)"])
        #expect(command.output.format == .markdown)
        #expect(command.output.locale == .de)
        #expect(try command.asOf.tiers() == [.spot, .onDemand])
    }

    @Test(arguments: [
        ["--as-of", "2026-13"], ["--section", "prices"], ["--tier", "cheap"], ["--format", "pdf"], ["--locale", "fr"],
        ["--stale-after", "0"],
    ])
    func badReportArgumentsAreRefused(arguments: [String]) {
        #expect(throws: (any Error).self) { try PriceDBCommand.ReportCommand.parse(arguments) }
    }

    /// Every list option keeps all its values when repeated, as it does when they are comma-separated.
    @Test func everyListOptionTakesRepeats() throws {
        let report = try PriceDBCommand.ReportCommand.parse([
            "--tier", "spot", "--tier", "on-demand", "--section", "overview", "--section", "ranking,trends",
            "--region", "us-east-1", "--region", "eastus",
        ])
        #expect(try report.asOf.tiers() == [.spot, .onDemand])
        #expect(try report.sections() == [.overview, .ranking, .trends])
        #expect(report.regions.region == ["us-east-1", "eastus"])
        let offers = try PriceDBCommand.Offers.parse(["--tier", "spot", "--tier", "secure", "--region", "us-*", "--region", "eu-*"])
        #expect(try offers.asOf.tiers() == [.spot, .secure])
        #expect(offers.regions.region == ["us-*", "eu-*"])
        let quarters = try PriceDBCommand.Quarters.parse(["--gpu", "H100", "--tier", "spot", "--tier", "on-demand"])
        #expect(try quarters.asOf.tiers() == [.spot, .onDemand])
        let history = try PriceDBCommand.History.parse(["--gpu", "H100", "--tier", "spot", "--tier", "on-demand"])
        #expect(history.tier == ["spot", "on-demand"])
        let watch = try PriceDBCommand.Watch.parse(["--below", "2", "--region", "us-*", "--region", "eu-*", "--tier", "spot", "--tier", "secure"])
        #expect(watch.regions.region == ["us-*", "eu-*"])
        #expect(try watch.asOf.tiers() == [.spot, .secure])
    }

    /// One spelling everywhere, repeated or comma-separated; the earlier spellings still parse.
    @Test func listOptionsTakeRepeatsCommasAndTheirEarlierSpellings() throws {
        let report = try PriceDBCommand.ReportCommand.parse(["--gpu", "H100", "--gpu", "L4,T4", "--providers", "aws", "--provider", "vast"])
        #expect(report.gpus.names == ["H100", "L4", "T4"])
        #expect(report.providers.ids == ["aws", "vast"])
        let history = try PriceDBCommand.History.parse(["--gpu", "H100", "--provider", "aws"])
        #expect(history.providers.ids == ["aws"])
        let cost = try PriceDBCommand.Cost.parse(["--gpu", "H100", "--hours", "8", "--providers", "aws,gcp"])
        #expect(cost.providers.ids == ["aws", "gcp"])
        #expect(try PriceDBCommand.ReportCommand.parse([]).providers.ids == nil)
    }

    @Test(arguments: [
        ["--providers", ""], ["--providers", " , "], ["--gpu", ""], ["--section", "datacentre"],
    ])
    func emptyListsAndUnknownSectionsAreUsageErrors(arguments: [String]) {
        #expect(throws: (any Error).self) { try PriceDBCommand.ReportCommand.parse(arguments) }
    }

    @Test func aSectionNearAKnownOneIsSuggested() {
        do {
            _ = try PriceDBCommand.ReportCommand.parse(["--section", "datacentre"])
            Issue.record("datacentre was accepted")
        } catch {
            #expect(PriceDBCommand.ReportCommand.message(for: error).contains("did you mean \"datacenter\"?"))
        }
    }

    /// A negative number is a value, not an option: it gets the option's own message, which says what it takes,
    /// rather than ArgumentParser's "Missing value".
    @Test(arguments: [
        ["cost", "--gpu", "H100", "--hours", "-1"], ["breakeven", "--gpu", "L4", "--purchase", "-1600"],
        ["breakeven", "--gpu", "L4", "--purchase", "1600", "--hours-per-day", "-3"],
        ["breakeven", "--gpu", "L4", "--purchase", "1600", "--rate", "-0.5"], ["watch", "--below", "-2"],
        ["watch", "--drop", "-10%"], ["offers", "--min-memory", "-1"], ["offers", "--max-price", "-1"],
        ["offers", "--gpu-count", "-1"], ["offers", "--min-gpus", "-2"], ["offers", "--limit", "-5"],
        ["report", "--stale-after", "-1"],
    ])
    func aNegativeNumberGetsTheOptionsOwnMessage(arguments: [String]) {
        do {
            _ = try PriceDBCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            let message = PriceDBCommand.message(for: error)
            #expect(message.contains(arguments[arguments.count - 2]) && message.contains(arguments.last!), "\(message)")
            #expect(!message.contains("Missing value"), "\(message)")
        }
    }

    /// `--tier` is shared, but its default is not: alerts watch every tier, reports count the ones anyone can rent.
    @Test func eachCommandsHelpGivesItsOwnDefaultTiers() throws {
        let watch = PriceDBCommand.Watch.helpMessage(columns: 200)
        #expect(watch.contains("Default: every tier, spot too."))
        let report = PriceDBCommand.ReportCommand.helpMessage(columns: 200)
        #expect(report.contains("Default: on-demand,secure,community,marketplace."))
        #expect(try PriceDBCommand.ReportCommand.parse([]).asOf.tiers() == Tier.reportedByDefault)
        #expect(try PriceDBCommand.Watch.parse(["--below", "2"]).asOf.tiers() == Tier.allCases)
    }

    @Test(arguments: [("1600–2000", true), ("1600 - 2000", true), ("0", false), ("0-100", false), ("2000-1600", false)])
    func purchasePricesTakeEitherDashAndMustBePositive(text: String, valid: Bool) {
        let parsed = try? PriceDBCommand.BreakEven.parse(["--gpu", "RTX 4090", "--purchase", text, "--rate", "0.60"])
        #expect((parsed != nil) == valid, "\(text)")
    }

    @Test func ingestOptionsForACatalogGoTogether() throws {
        let command = try PriceDBCommand.Ingest.parse([
            "--provider", "lambda", "--observed-at", "2026-02-07", "--provider-kind", "managed-cloud", "--gpu-alias",
            "GH200-480GB=GH200", "--skip-unknown", "vms.csv",
        ])
        let options = try #require(try command.catalogOptions(for: "vms.csv"))
        #expect(options.providerKind == .managedCloud)
        #expect(options.gpuAliases == ["GH200-480GB": "GH200"])
        #expect(options.skipUnknown)
        let inferred = try PriceDBCommand.Ingest.parse(["catalogs/v7/aws/vms.csv"])
        #expect(try inferred.catalogOptions(for: "catalogs/v7/aws/vms.csv")?.providerID == "aws")
        #expect(try inferred.catalogOptions(for: "catalogs/v7/aws/vms.csv")?.observedOn == Day.today())
        #expect(try inferred.catalogOptions(for: "prices.csv") == nil)
        #expect(throws: (any Error).self) { try PriceDBCommand.Ingest.parse(["--provider", "gcp", "aws/vms.csv", "gcp/vms.csv"]) }
        #expect(throws: (any Error).self) {
            try PriceDBCommand.Ingest.parse(["--provider", "aws", "--observed-at", "2026-02-30", "vms.csv"])
        }
        #expect(throws: (any Error).self) {
            try PriceDBCommand.Ingest.parse(["--provider", "aws", "--observed-at", "2026-02-07", "--provider-kind", "cloud", "x"])
        }
    }

    @Test func scenarioArgumentsParse() throws {
        let cost = try PriceDBCommand.Cost.parse(["--gpu", "A100", "--hours", "2.5", "--price", "low"])
        #expect(cost.hours.millionths == 2_500_000)
        #expect(cost.price == .low)
        #expect(throws: (any Error).self) { try PriceDBCommand.Cost.parse(["--gpu", "A100", "--hours", "-1"]) }
        let backwards = #expect(throws: (any Error).self) {
            try PriceDBCommand.BreakEven.parse(["--gpu", "RTX 4090", "--purchase", "2000-1600"])
        }
        #expect(PriceDBCommand.BreakEven.message(for: try #require(backwards))
            == "--purchase 2000-1600 runs from high to low; write the lower price first (1600-2000)")
        #expect(throws: (any Error).self) {
            try PriceDBCommand.BreakEven.parse(["--gpu", "RTX 4090", "--purchase", "1600", "--hours-per-day", "25"])
        }
        let breakEven = try PriceDBCommand.BreakEven.parse(["--gpu", "RTX 4090", "--purchase", "1600-2000", "--rate", "0.60"])
        #expect(breakEven.hoursPerDay.millionths == 8_000_000)
    }
}

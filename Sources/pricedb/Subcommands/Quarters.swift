import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Quarters: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quarters",
            abstract: "Show one GPU quarter by quarter: each provider's price at the quarter's end and its change.",
            usage: "pricedb quarters --gpu <name> [--as-of <period>] [--spread] [options]",
            discussion: """
                One row per quarter, from the quarter of the first observation to the quarter of --as-of; one \
                column per provider with the cell as of the quarter's last day, and one with its change from the \
                quarter before (absolute and percent; new; gone). --spread shows the lowest and highest per-GPU \
                price observed within each quarter instead.

                Example:
                  pricedb quarters --gpu "A100 (80GB)" --providers aws,runpod,vast
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var asOf: AsOfOptions

        @OptionGroup var gpu: GPUOption

        @OptionGroup var providers: ProvidersOption

        @Flag(help: "Show the within-quarter low and high instead of quarter-end prices and changes.")
        var spread = false

        @OptionGroup var sparklines: SparklineOption
        @OptionGroup var currency: CurrencyOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try database.openExisting()
            let report = try reportingFailures {
                try ReportBuilder(store: store, converter: try currency.converter(for: store)).quarters(
                    gpuName: gpu.name, providerIDs: providers.ids, period: asOf.period(checkedAgainst: store), spread: spread,
                    tiers: try asOf.tiers(), staleAfterQuarters: asOf.staleAfter, sparklines: sparklines.shown(for: output))
            }
            try output.print(report)
        }
    }
}

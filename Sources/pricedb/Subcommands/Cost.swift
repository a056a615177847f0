import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Cost: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cost",
            abstract: "Price a workload: hours × each provider's hourly price, cheapest first.",
            usage: "pricedb cost --gpu <name> --hours <hours> [--as-of <period>] [options]",
            discussion: """
                A cost scenario: for --hours hours on one GPU, each provider's per-GPU price as of --as-of (its \
                low, mid or high figure), the total, and the saving against the dearest provider. A price older \
                than --stale-after quarters is left out (a note counts them) unless --include-stale.

                Example:
                  pricedb cost --gpu "A100 (80GB)" --hours 8 --as-of 2026-02 --price low
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var asOf: AsOfOptions

        @OptionGroup var gpu: GPUOption

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("How many hours the workload runs (may be fractional).", valueName: "hours"),
            transform: hoursArgument(for: "--hours"))
        var hours: Hours

        @Option(help: "Which figure of a price range to use.")
        var price: PricePoint = .mid

        @OptionGroup var providers: ProvidersOption
        @OptionGroup var stale: IncludeStaleOption

        @OptionGroup var currency: CurrencyOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try database.openExisting()
            let report = try reportingFailures {
                try ReportBuilder(store: store, converter: try currency.converter(for: store)).cost(
                    gpuName: gpu.name, hours: hours, period: asOf.period(checkedAgainst: store), pricePoint: price,
                    providerIDs: providers.ids, tiers: try asOf.tiers(),
                    staleAfterQuarters: asOf.staleAfter, includeStale: stale.includeStale)
            }
            try output.print(report)
        }
    }
}

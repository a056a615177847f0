import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "List every price run of a GPU: what each offer cost from when to when, and its sources.",
            usage: "pricedb history --gpu <name> [--providers <ids>] [options]",
            discussion: """
                The provenance of any cell, one line per run (an offer at one price): the first and last day it \
                was seen at that price and on how many days of its feed, provider, the GPU as the source wrote \
                it, variant, GPU count, instance, region, tier, the unit's price, the per-GPU price, status, and \
                the snapshots (file and source) that first and last saw it, with their note. All tiers are listed \
                unless --tier says otherwise; --from and --to (or --as-of) keep the runs that overlap that span.

                Examples:
                  pricedb history --gpu "A100 (80GB)" --providers aws
                  pricedb history --gpu H100 --from 2025Q3 --as-of 2026-02
                """)

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var gpu: GPUOption

        @OptionGroup var providers: ProvidersOption

        @Option(help: ArgumentHelp("Tiers, repeated or comma-separated. Default: all.", valueName: "tiers"))
        var tier: [String] = []

        @OptionGroup var span: SpanOptions

        @OptionGroup var sparklines: SparklineOption
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try database.openExisting()
            let tiers = tier.isEmpty ? Tier.allCases : try parseTiers(tier.joined(separator: ","))
            let report = try reportingFailures {
                try ReportBuilder(store: store).history(
                    gpuName: gpu.name, providerIDs: providers.ids, tiers: tiers, from: span.from?.firstDay ?? .earliest,
                    through: span.to?.lastDay ?? .latest, sparklines: sparklines.shown(for: output))
            }
            try output.print(report)
        }
    }
}

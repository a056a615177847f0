import ArgumentParser
import PriceDB

extension IndexStep: ExpressibleByArgument {}
extension IndexMethod: ExpressibleByArgument {}

extension PriceDBCommand {
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "index",
            abstract: "The market price of a GPU per period: the median across providers, with its spread.",
            usage: "pricedb index --gpu <name> [--by <period>] [--from <period>] [options]",
            discussion: """
                For each GPU and period, as of the period's last day: each provider counts once, with its \
                lowest fresh per-GPU price (the report's cell); the index is their median (or --method \
                trimmed-mean: the mean without the cheapest and dearest 10% of providers), with the 25th and \
                75th percentiles, the lowest and highest price, the number of providers, and the change from \
                the period before. Without --currency each index combines the currency most providers use and \
                names the others; with it, each price is converted at its own day's rate first. --format json \
                and csv write one flat record per GPU and period (JSON Schema: Fixtures/index.schema.json).

                Examples:
                  pricedb index --gpu "A100 (80GB)" --by quarter
                  pricedb index --gpu H100 --gpu A100 --by month --from 2025-06 --format csv
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(
            name: .customLong("gpu"),
            help: ArgumentHelp(
                "GPU names or families (A100: each A100), repeated or comma-separated.", valueName: "names"),
            completion: .custom(Completions.gpuNames))
        var gpu: [String] = []

        @OptionGroup var providers: ProvidersOption

        @Option(help: ArgumentHelp("The periods: day, week (ISO, Monday to Sunday), month or quarter.", valueName: "period"))
        var by: IndexStep = .quarter

        @OptionGroup var span: SpanOptions

        @Option(help: "How providers' prices combine: median, or trimmed-mean (10% set aside at each end).")
        var method: IndexMethod = .median

        @OptionGroup var counting: CountingOptions<ReportedTiers>
        @OptionGroup var currency: CurrencyOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            try requireItems(gpu, option: "--gpu")
            guard !gpu.isEmpty else { throw ValidationError("say which GPU: --gpu NAME (pricedb gpus lists them)") }
        }

        func run() throws {
            let store = try database.openExisting()
            let builder = ReportBuilder(store: store, converter: try currency.converter(for: store))
            let request = IndexRequest(
                gpuNames: listed(gpu) ?? [], providerIDs: providers.ids, tiers: try counting.tiers(),
                staleAfterQuarters: counting.staleAfter, step: by, from: span.from?.firstDay, asOf: (span.to ?? .day(.today())).lastDay,
                method: method)
            switch output.format {
            case .json:
                let indexes = try reportingFailures { try builder.indexes(request) }
                try output.write {
                    IndexListing.writeJSON(
                        indexes, method: method, asOf: request.asOf, exchangeRates: builder.converter?.exchangeRates, to: &$0)
                }
            case .csv:
                let indexes = try reportingFailures { try builder.indexes(request) }
                try output.write { IndexListing.writeCSV(indexes, method: method, to: &$0) }
            case .table, .markdown, .html:
                try output.print(try reportingFailures { try builder.index(request) })
            }
        }
    }
}

import ArgumentParser
import PriceDB

extension OfferOrder: ExpressibleByArgument {}
extension Provider.Kind: ExpressibleByArgument {}

extension PriceDBCommand {
    struct Offers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "offers",
            abstract: "Find offers: every offer as of a day, filtered and sorted, cheapest per GPU-hour first.",
            usage: "pricedb offers [--gpu <name> ...] [--max-price <amount>] [options]",
            discussion: """
                One row per offer from each source's latest observation on or before --as-of (as the report \
                sees it). Offers older than --stale-after quarters are left out and counted; \
                --include-stale lists them, marked †. Unlike the report, every \
                tier counts unless --tier is given (spot too: a finder shows what can be rented). --format json and csv write flat \
                records for scripts (JSON Schema: Fixtures/offers.schema.json). Like grep, it exits 1 when no offer \
                matches (after printing the empty list), so a script can test for a find.

                Examples:
                  pricedb offers --gpu H100 --max-price 2.50 --min-memory 80 --region 'us-*'
                  pricedb offers --gpu "A100 (80GB)" --sort per-gpu --limit 5 --format csv
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var asOf: ScopeOptions<EveryTier>
        @OptionGroup var gpus: GPUsOption
        @OptionGroup var providers: ProvidersOption

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Only offers of GPUs with at least this much memory.", valueName: "GB"))
        var minMemory: Int?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Only offers at most this much per GPU-hour (their lowest price).", valueName: "amount"))
        var maxPrice: String?

        @Option(
            name: .customLong("gpu-count"),
            parsing: .unconditional,
            help: ArgumentHelp("Only units of exactly this many GPUs.", valueName: "n"))
        var gpuCount: String?

        @Option(
            name: .customLong("min-gpus"),
            parsing: .unconditional,
            help: ArgumentHelp("Only units of at least this many GPUs.", valueName: "n"))
        var minGPUs: String?

        @Option(help: ArgumentHelp("Only providers of these kinds (repeatable).", valueName: "kind"))
        var kind: [Provider.Kind] = []

        @OptionGroup var regions: RegionPatternsOption

        @Option(name: .customLong("class"), help: ArgumentHelp("Only consumer or datacenter GPUs.", valueName: "class"))
        var gpuClass: GPUClass?

        @OptionGroup var stale: IncludeStaleOption

        @Option(help: "Order.")
        var sort: OfferOrder = .perGPU

        @Option(parsing: .unconditional, help: ArgumentHelp("At most this many offers.", valueName: "n"))
        var limit: Int?

        @OptionGroup var currency: CurrencyOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let maxPrice, (Money(maxPrice)?.micros ?? -1) < 0 {
                throw ValidationError("--max-price takes an amount such as 2.50, not '\(maxPrice)'")
            }
            for (option, value) in [("--gpu-count", gpuCount), ("--min-gpus", minGPUs)] {
                if let value, (Money(value)?.micros ?? 0) <= 0 {
                    throw ValidationError("\(option) takes a number of GPUs above 0 such as 8 or 0.5, not '\(value)'")
                }
            }
            if let limit, limit < 1 { throw ValidationError("--limit takes a number of offers above 0, not \(limit)") }
            if let minMemory, minMemory < 0 { throw ValidationError("--min-memory takes gigabytes, 0 or more, not \(minMemory)") }
        }

        func run() throws {
            let store = try database.openExisting()
            var search = OfferSearch()
            search.gpuNames = gpus.names
            search.providerIDs = providers.ids
            search.kinds = kind.isEmpty ? nil : kind
            search.tiers = try asOf.tiers()
            search.regionPatterns = try regions.patterns(in: store)
            search.minimumMemoryGB = minMemory
            search.maximumPrice = maxPrice.flatMap(Money.init)
            search.gpuCount = gpuCount.flatMap(Money.init).map { GPUCount(millionths: $0.micros) }
            search.minimumGPUs = minGPUs.flatMap(Money.init).map { GPUCount(millionths: $0.micros) }
            search.gpuClass = gpuClass
            search.includeStale = stale.includeStale
            search.order = sort
            search.limit = limit
            search.staleAfterQuarters = asOf.staleAfter
            search.converter = try currency.converter(for: store)
            let day = asOf.period(checkedAgainst: store).lastDay
            let findings = try reportingFailures { try search.find(in: store, asOf: day) }
            let found = findings.offers
            switch output.format {
            case .json:
                try output.write { OfferListing.writeJSON(found, asOf: day, exchangeRates: search.converter?.exchangeRates, to: &$0) }
            case .csv:
                try output.write { OfferListing.writeCSV(found, converting: search.converter != nil, to: &$0) }
            case .table, .markdown, .html:
                let builder = ReportBuilder(store: store, converter: search.converter)
                try output.print(builder.offers(found, period: asOf.period, staleAfterQuarters: asOf.staleAfter))
            }
            if findings.leftOutStale > 0 {
                Diagnostics.note(stale.leftOut(findings.leftOutStale, of: "offer", staleBefore: findings.staleBefore))
            }
            if found.isEmpty, let patterns = search.regionPatterns { try regions.noteUnmatched(patterns, in: store) }
            if found.isEmpty { throw ExitCode(1) }
        }
    }
}

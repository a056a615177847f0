import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct BreakEven: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "breakeven",
            abstract: "Rent or buy: after how many hours renting costs as much as buying the GPU.",
            usage: "pricedb breakeven --gpu <name> --purchase <amount> [options]",
            discussion: """
                Break-even hours run from the lowest purchase price ÷ the highest rental price to the highest \
                purchase price ÷ the lowest rental price, with the days that takes at 24 hours a day and at \
                --hours-per-day. Rental prices are the marketplaces' (providers of kind p2p-marketplace) as of \
                --as-of, unless --providers names others or --rate gives one. A price older than --stale-after \
                quarters is left out (a note counts them) unless --include-stale.

                Examples:
                  pricedb breakeven --gpu "RTX 4090" --purchase 1600-2000 --as-of 2026-02
                  pricedb breakeven --gpu "RTX 4090" --purchase 1600 --rate 0.60
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var asOf: AsOfOptions

        @OptionGroup var gpu: GPUOption

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The purchase price, or a range such as 1600-2000.", valueName: "amount"))
        var purchase: String

        @Option(
            parsing: .unconditional, help: ArgumentHelp("Daily use for the second day count.", valueName: "hours"),
            transform: hoursArgument(for: "--hours-per-day"))
        var hoursPerDay: Hours = Hours("8")!

        @OptionGroup var providers: ProvidersOption
        @OptionGroup var stale: IncludeStaleOption

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("An hourly rental price to use instead of stored prices.", valueName: "amount"))
        var rate: String?

        @OptionGroup var currency: CurrencyOption
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard PriceRange(purchase) != nil else {
                let ends = purchase.split(separator: "-", omittingEmptySubsequences: false).compactMap { Money(String($0)) }
                if ends.count == 2, ends[0] > ends[1] {
                    throw ValidationError("--purchase \(purchase) runs from high to low; write the lower price first (\(ends[1])-\(ends[0]))")
                }
                throw ValidationError("--purchase takes an amount or a range such as 1600-2000, not '\(purchase)'")
            }
            if let rate, (Money(rate)?.micros ?? 0) <= 0 {
                throw ValidationError("--rate takes a positive hourly price such as 0.60, not '\(rate)'")
            }
            guard Int64(24) * 1_000_000 >= hoursPerDay.millionths else {
                throw ValidationError("--hours-per-day must be at most 24")
            }
        }

        func run() throws {
            // With --rate nothing needs to be stored: the GPU's name resolves through the built-in catalog.
            let store = rate == nil ? try database.openExisting() : try database.openExistingOrEmpty()
            let report = try reportingFailures {
                try ReportBuilder(store: store, converter: try currency.converter(for: store)).breakEven(
                    gpuName: gpu.name, purchase: PriceRange(purchase)!, hoursPerDay: hoursPerDay, period: asOf.period,
                    providerIDs: providers.ids, rate: rate.flatMap(Money.init), tiers: try asOf.tiers(),
                    staleAfterQuarters: asOf.staleAfter, includeStale: stale.includeStale)
            }
            try output.print(report)
        }
    }
}

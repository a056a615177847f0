import ArgumentParser
import Foundation
import PriceDB

extension PriceDBCommand {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Price alerts for cron: print only the offers that crossed a rule, each crossing once.",
            usage: "pricedb watch (--below <price> | --drop <pct> | --rules <file>) [options]",
            discussion: """
                A rule fires for an offer when its per-GPU price crosses under --below (from at or above it, \
                or as a new offer), or fell by --drop per cent or more from the offer's previous observed \
                price (10% or 10; a number under 1 needs its %, as 0.5%); with both, when both hold. Prices are per GPU-hour in the offer's own currency (or in \
                --currency, at the rate of the day each price was last seen), the low end of a range. Each crossing is printed once and remembered in the database; --all \
                prints the remembered ones again. Exit status: 0 when something fired, 1 when nothing did \
                (like grep), 64 for a usage error, 65 for a wrong rules file or a missing exchange rate, 66 for a missing one, 74 for \
                a database error.

                A rules file holds one [[rule]] table per rule, with the keys name, gpu, below, drop, \
                providers, tier and region (an amount as a number, 2.00, or as text, "2.00"):
                  [[rule]]
                  name = "cheap H100"
                  gpu = ["H100"]
                  below = "2.00"

                Examples, one rule, and the daily job that prints only alerts (for cron to mail):
                  pricedb watch --gpu H100 --below 2.00 --region 'us-*'
                  pricedb fetch --quiet && pricedb watch --rules alerts.toml
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var asOf: ScopeOptions<EveryTier>
        @OptionGroup var gpus: GPUsOption
        @OptionGroup var providers: ProvidersOption

        @OptionGroup var regions: RegionPatternsOption
        @OptionGroup var currency: CurrencyOption
        @OptionGroup var stale: IncludeStaleOption

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Fire when the per-GPU price crosses under this amount.", valueName: "amount"))
        var below: String?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Fire when the price fell by at least this much (10%).", valueName: "percent"))
        var drop: String?

        @Option(help: ArgumentHelp("Read the rules from a TOML file instead.", valueName: "file"))
        var rules: String?

        @Flag(help: "Print crossings reported before as well.")
        var all = false

        @Option(help: "Output format: one line per alert, or records for scripts (json, csv).")
        var format: ListingFormat = .table

        func validate() throws {
            if let below, case .failure(let error) = Money.threshold(below) {
                throw ValidationError("--below: \(UntrustedText.shown(error.reason))")
            }
            if let drop, case .failure(let problem) = WatchRules.percent(drop) {
                throw ValidationError("--drop " + problem.reason)
            }
            // A filter beside --rules would be silently ignored: the file's rules say what they watch.
            let commandLineRule = below != nil || drop != nil || gpus.names != nil || providers.ids != nil
                || regions.isGiven || asOf.tier != nil
            if rules != nil && commandLineRule {
                throw ValidationError("give a rule on the command line (--below, --drop, --gpu, --providers, --tier, --region) or --rules FILE, not both")
            }
            if rules == nil && below == nil && drop == nil {
                throw ValidationError("say when to fire: --below AMOUNT, --drop PERCENT, or --rules FILE")
            }
        }

        func run() throws {
            let store = try database.openExistingForWriting()
            let watchRules: [WatchRule]
            if let rules {
                let selection = try reportingFailures { try Selection(store: store) }
                do {
                    watchRules = try WatchRules.load(path: rules, checkingNamesWith: selection)
                } catch {
                    Diagnostics.error(error.localizedDescription)
                    throw ExitCode(error.exitCode)
                }
            } else {
                watchRules = [
                    WatchRule(
                        gpuNames: gpus.names, providerIDs: providers.ids, tiers: asOf.tier == nil ? nil : try asOf.tiers(),
                        regionPatterns: try regions.patterns(in: store), below: below.flatMap { try? Money.threshold($0).get() },
                        dropPercent: drop.flatMap { try? WatchRules.percent($0).get() })
                ]
            }
            var watcher = Watcher(rules: watchRules)
            watcher.repeatReported = all
            watcher.staleAfterQuarters = asOf.staleAfter
            watcher.includeStale = stale.includeStale
            watcher.converter = try currency.converter(for: store)
            let day = asOf.period.lastDay
            // Deciding, printing and remembering are one step among watches of this database: two run at once
            // (two cron lines, a retry) print each crossing once in all.
            let alerts = try store.oneWatchAtATime { () throws -> [Watcher.Alert] in
                let alerts = try reportingFailures { try watcher.check(store, asOf: day) }
                switch format {
                case .table: print(AlertListing.lines(alerts), terminator: "")
                case .json: print(AlertListing.json(alerts, asOf: day, exchangeRates: watcher.converter?.exchangeRates), terminator: "")
                case .csv: print(AlertListing.csv(alerts, converting: watcher.converter != nil), terminator: "")
                }
                // Remembered only once written: an alert that did not reach the reader comes again next run.
                if let failure = StandardOutput.flush() {
                    Diagnostics.error("cannot write the alerts (\(failure)); they were not marked as reported and come again next run")
                    throw ExitCode(74)
                }
                try reportingFailures { try watcher.remember(alerts, in: store) }
                return alerts
            }
            if alerts.isEmpty { throw ExitCode(1) }
        }
    }
}

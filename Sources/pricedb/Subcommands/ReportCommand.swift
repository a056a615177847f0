import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Show the price comparison as it stood on a day, with spreads and trends.",
            discussion: """
                Each cell is a provider's per-GPU hourly price from the newest observations of that GPU on or \
                before the day (see docs/guide.md, "As of a date"). Marks: ~ approximate, * per-GPU price derived from \
                a multi-GPU instance, † stale (older than --stale-after quarters), ‡ converted (--currency).

                Sections: \(Report.SectionID.allCases.map(\.rawValue).joined(separator: ", ")).

                --format html writes one self-contained page with the tables, a price-history chart and a \
                range chart per GPU, and the snapshots drawn on (--out FILE to write it to a file).

                Exit status: 0 success, 1 nothing to show (e.g. a day before the first observation), 64 usage \
                error or unknown GPU/provider, 65 missing exchange rate, 73 --out cannot be written, 74 \
                database error.

                Examples:
                  pricedb report --as-of 2026-02
                  pricedb report --as-of 2026Q1 --section consumer \\
                      --format markdown --locale de
                  pricedb report --gpu "A100 (80GB)" --gpu H100 \\
                      --providers aws,vast --format json
                  pricedb report --as-of 2026-02 --format html --out report.html
                  pricedb report --as-of 2026-02 --currency EUR --locale de
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var asOf: AsOfOptions

        @Option(
            help: ArgumentHelp("Sections to show in this order, repeated or comma-separated. Default: all.", valueName: "sections"),
            completion: .list(Report.SectionID.allCases.map(\.rawValue)))
        var section: [String] = []

        @OptionGroup var gpus: GPUsOption
        @OptionGroup var providers: ProvidersOption

        @OptionGroup var regions: RegionPatternsOption

        @Option(name: .customLong("class"), help: ArgumentHelp("Only consumer or datacenter GPUs.", valueName: "class"))
        var gpuClass: GPUClass?

        @Flag(help: "List every offer in the providers section; a list of more than 30 is otherwise summarised per GPU configuration.")
        var allOffers = false

        @OptionGroup var currency: CurrencyOption
        @OptionGroup var output: OutputOptions

        func sections() throws -> [Report.SectionID] {
            guard !section.isEmpty else { return Report.SectionID.allCases }
            try requireItems(section, option: "--section")
            return try section.flatMap(commaSeparated).map { name in
                guard let id = Report.SectionID(rawValue: name.lowercased()) else {
                    let names = Report.SectionID.allCases.map(\.rawValue)
                    let hint = Report.SectionID.closest(to: name).map { "did you mean \"\($0)\"? " } ?? ""
                    throw ValidationError("unknown section '\(UntrustedText.shown(name))'; \(hint)use \(names.joined(separator: ", "))")
                }
                return id
            }
        }

        func validate() throws {
            _ = try sections()
        }

        func run() throws {
            let store = try database.openExisting()
            let patterns = try regions.patterns(in: store)
            let known = patterns == nil ? [] : try reportingFailures { try store.regions() }
            let matching = patterns.map { patterns in known.filter { OfferSearch.matches($0, anyOf: patterns) } }
            let request = ReportRequest(
                period: asOf.period(checkedAgainst: store), sections: try sections(), gpuNames: gpus.names,
                providerIDs: providers.ids, tiers: try asOf.tiers(), gpuClass: gpuClass,
                staleAfterQuarters: asOf.staleAfter, regions: matching, allOffers: allOffers,
                charts: output.format == .html)
            if let patterns { try regions.noteUnmatched(patterns, in: store) }
            let report = try reportingFailures { try ReportBuilder(store: store, converter: try currency.converter(for: store)).build(request) }
            try output.print(report)
        }
    }
}

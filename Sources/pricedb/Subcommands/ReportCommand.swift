import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Show the price comparison as it stood on a day, with spreads and trends.",
            discussion: """
                Each cell is a provider's per-GPU hourly price from the newest observations of that GPU on or \
                before the day (see README, "As of a date"). Marks: ~ approximate, * per-GPU price derived from \
                a multi-GPU instance, † stale (older than --stale-after quarters).

                Sections: \(Report.SectionID.allCases.map(\.rawValue).joined(separator: ", ")).

                Exit status: 0 success, 1 nothing to show (e.g. a day before the first observation), 64 usage \
                error or unknown GPU/provider, 74 database error.

                Examples:
                  pricedb report --as-of 2026-02
                  pricedb report --as-of 2026Q1 --section consumer --format markdown --locale de
                  pricedb report --gpus "A100 (80GB),H100" --providers aws,vast --format json
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var asOf: AsOfOptions

        @Option(help: ArgumentHelp("Comma-separated sections to show, in this order. Default: all.", valueName: "sections"))
        var section: String?

        @Option(help: ArgumentHelp("Comma-separated GPU names; also fixes the row order. Default: every GPU with data.", valueName: "names"))
        var gpus: String?

        @Option(help: ArgumentHelp("Comma-separated provider ids; also fixes the column order. Default: every provider with data.", valueName: "ids"))
        var providers: String?

        @Option(help: ArgumentHelp("Comma-separated regions, as providers write them (us-east-1, eastus); observations without a region still count.", valueName: "regions"))
        var region: String?

        @Option(name: .customLong("class"), help: ArgumentHelp("Only consumer or datacenter GPUs.", valueName: "class"))
        var gpuClass: GPUClass?

        @OptionGroup var output: OutputOptions

        func sections() throws -> [Report.SectionID] {
            guard let section else { return Report.SectionID.allCases }
            return try commaSeparated(section).map { name in
                guard let id = Report.SectionID(rawValue: name.lowercased()) else {
                    throw ValidationError(
                        "unknown section '\(name)'; use \(Report.SectionID.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return id
            }
        }

        func validate() throws {
            _ = try sections()
        }

        func run() throws {
            let store = try database.openExisting()
            let request = ReportRequest(
                period: asOf.period, sections: try sections(), gpuNames: gpus.map(commaSeparated),
                providerIDs: providers.map(commaSeparated), tiers: try asOf.tiers(), gpuClass: gpuClass,
                staleAfterQuarters: asOf.staleAfter, regions: region.map(commaSeparated))
            let report = try reportingFailures { try ReportBuilder(store: store).build(request) }
            output.print(report)
        }
    }
}

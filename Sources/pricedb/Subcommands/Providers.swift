import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Providers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "providers",
            abstract: "List the providers the database knows; with --all, also those pricedb knows built in.",
            usage: "pricedb providers [--all] [--format <format>] [--out <file>] [options]",
            discussion: """
                A snapshot declares its providers; the clouds SkyPilot publishes catalogs for are known built in, \
                so their catalogs and snapshots need no declaration.

                Examples:
                  pricedb providers
                  pricedb providers --all --format csv
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: ListingOutputOptions

        @Flag(help: "Also list the providers pricedb knows built in (the clouds of SkyPilot's catalogs).")
        var all = false

        func run() throws {
            let stored = try (all ? database.openExistingOrEmpty() : database.openExisting()).providers()
            let providers = all ? ProviderRegistry.adding(to: stored).sorted { $0.id < $1.id } : stored
            try output.print(
                { Listings.providers(providers, as: $0, width: $1) }, isEmpty: providers.isEmpty,
                hint: "No providers yet; a snapshot declares them under \"providers\".")
        }
    }
}

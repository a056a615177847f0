import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Providers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "providers",
            abstract: "List the providers the database knows; snapshots declare them.",
            usage: "pricedb providers [--format <format>] [--out <file>] [options]")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: ListingOutputOptions

        func run() throws {
            let providers = try database.openExisting().providers()
            try output.print(
                { Listings.providers(providers, as: $0, width: $1) }, isEmpty: providers.isEmpty,
                hint: "No providers yet; a snapshot declares them under \"providers\".")
        }
    }
}

import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Providers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the providers the database knows; snapshots declare them.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var width: WidthOptions

        func run() throws {
            let providers = try database.openExisting().providers()
            guard !providers.isEmpty else {
                print("No providers yet; a snapshot declares them under \"providers\".")
                return
            }
            print(Listings.providers(providers).rendered(width: width.width), terminator: "")
        }
    }
}

import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Snapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the ingested snapshots, oldest observation first.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let snapshots = try database.openExisting().snapshots()
            guard !snapshots.isEmpty else {
                print("No snapshots yet; add one with `pricedb ingest FILE`.")
                return
            }
            print(Listings.snapshots(snapshots).rendered(), terminator: "")
        }
    }
}

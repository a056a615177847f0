import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Snapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snapshots",
            abstract: "List the ingested snapshots, or remove one.",
            discussion: """
                Examples, every snapshot (oldest observation first), what removing snapshot 3 would take \
                away, and removing snapshots 3 and 4 with all they hold:
                  pricedb snapshots
                  pricedb snapshots --format json
                  pricedb snapshots remove --dry-run 3
                  pricedb snapshots remove 3 4
                """,
            subcommands: [List.self, Remove.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the ingested snapshots, oldest observation first.")

            @OptionGroup var database: DatabaseOptions
            @OptionGroup var output: ListingOutputOptions

            func run() throws {
                let snapshots = try reportingFailures { try database.openExisting().snapshots() }
                try output.print(
                    { Listings.snapshots(snapshots, as: $0, width: $1) }, isEmpty: snapshots.isEmpty,
                    hint: "No snapshots yet; add one with `pricedb ingest FILE`.")
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove",
                abstract: "Remove snapshots with all they hold, in one transaction.",
                discussion: """
                    Asks for nothing, and prints what it removed. An id that does not exist removes nothing and \
                    exits 64. To correct a snapshot instead, ingest the corrected file with `pricedb ingest --replace`.
                    """)

            @OptionGroup var database: DatabaseOptions

            @Flag(help: "Show what would be removed; remove nothing.")
            var dryRun = false

            @Argument(help: ArgumentHelp("Snapshot ids, as `pricedb snapshots` lists them.", valueName: "id"))
            var ids: [Int64]

            func run() throws {
                let store = try database.openExistingForWriting()
                do {
                    print(Listings.removal(of: try store.removeSnapshots(ids: ids, dryRun: dryRun), dryRun: dryRun))
                } catch {
                    Diagnostics.error(error.localizedDescription)
                    switch error {
                    case .noSuchSnapshot, .sharedDay: throw ExitCode(64)
                    default: break
                    }
                    throw ExitCode(74)
                }
            }
        }
    }
}

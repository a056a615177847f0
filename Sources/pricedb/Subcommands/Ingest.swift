import ArgumentParser
import PriceDB

extension PriceDBCommand {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the price observations of snapshot files.",
            discussion: """
                Each FILE is a snapshot JSON (format pricedb-snapshot/1; see README, "Snapshot format"). Each \
                file is stored whole or not at all, in its own transaction; a file ingested before (same bytes) \
                is skipped. A bad file does not stop the others.

                Exit status: 0 when every file was stored or skipped; otherwise the worst failure: \
                65 bad data, 66 a file cannot be read, 74 database error.

                Examples:
                  pricedb ingest Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json
                  pricedb ingest --dry-run new-prices.json
                  0 3 1 */3 *  pricedb ingest --quiet /data/prices/*.json
                """)

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Validate and show what would be stored; write nothing.")
        var dryRun = false

        @Flag(name: .shortAndLong, help: "Print nothing but errors (for cron).")
        var quiet = false

        @Argument(help: ArgumentHelp("Snapshot files to ingest.", valueName: "file"))
        var files: [String]

        func run() throws {
            let store = try database.open()
            let ingestor = Ingestor(store: store)
            var status: Int32 = 0
            for file in files {
                do {
                    let outcome = try ingestor.ingest(fileAt: file, dryRun: dryRun)
                    if case .validated(let record) = outcome {
                        print(Listings.observations(record, catalog: try store.catalog()).rendered())
                    }
                    if !quiet { print(Listings.summary(of: outcome, file: file)) }
                } catch let error as IngestError {
                    Diagnostics.error(error.localizedDescription)
                    status = max(status, error.exitCode)
                }
            }
            if status != 0 { throw ExitCode(status) }
        }
    }
}

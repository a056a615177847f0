import ArgumentParser
import Foundation
import PriceDB

@main
struct PriceDBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricedb",
        abstract: "Keep the history of GPU rental prices and compare them as of any date.",
        discussion: """
            Record dated price observations with `pricedb ingest`, then ask what an hour of a GPU cost at each \
            provider on any day. The database is --db PATH, else $PRICEDB_DATABASE, else \
            $XDG_DATA_HOME/pricedb/prices.sqlite (~/.local/share/pricedb/prices.sqlite).

            Exit status: 0 success, 1 nothing to show, 64 usage error, 65 bad input data or a missing \
            exchange rate, 66 input file unreadable, 73 output file cannot be written (or backup file \
            exists), 74 database error or damage (run `pricedb check`).
            """,
        version: PriceDBVersion.current,
        subcommands: [
            Ingest.self, ReportCommand.self, Offers.self, Watch.self, Quarters.self, History.self, Chart.self, Cost.self, BreakEven.self,
            Snapshots.self,
            Providers.self, GPUs.self, Check.self, Backup.self,
        ]
    )

    /// `pricedb help NAME` for a NAME that is no subcommand is a usage error (64), not the root help.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count > 1, arguments[0] == "help", !arguments[1].hasPrefix("-") {
            let names: [String] = configuration.subcommands.map { command in command._commandName }
            let name = arguments[1]
            if !names.contains(name) {
                Diagnostics.error("there is no subcommand '\(name)'; the subcommands are \(names.joined(separator: ", "))")
                Foundation.exit(64)
            }
        }
        main(nil)
    }
}

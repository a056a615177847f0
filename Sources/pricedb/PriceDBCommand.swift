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
            exchange rate, 66 input file unreadable, 69 a source could not be fetched, 73 output file cannot \
            be written (or backup file exists), 74 database error or damage (run `pricedb check`), or output \
            that cannot be written.
            """,
        version: PriceDBVersion.current,
        subcommands: [
            Ingest.self, Fetch.self, Backfill.self, ReportCommand.self, Offers.self, Watch.self, Quarters.self, Index.self, History.self,
            Chart.self, Cost.self, BreakEven.self,
            Snapshots.self,
            Providers.self, GPUs.self, Check.self, Backup.self,
        ]
    )

    /// A word where a subcommand belongs that names none (`pricedb repot`, `pricedb help repot`) is a usage
    /// error (64) that suggests the closest subcommand, rather than ArgumentParser's "unexpected argument".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let names: [String] = configuration.subcommands.map { command in command._commandName } + ["help"]
        let word = arguments.first == "help" && arguments.count > 1 ? arguments[1] : arguments.first
        if let word, !word.hasPrefix("-"), !names.contains(word) {
            let hint = word.lowercased() == "version"
                ? "the version is `pricedb --version`; " : EditDistance.suggestion(for: word, among: names)
            Diagnostics.error(
                "there is no subcommand '\(UntrustedText.shown(word))'; \(hint)the subcommands are \(names.dropLast().joined(separator: ", "))")
            Foundation.exit(64)
        }
        StandardOutput.failOnLostOutput()
        if arguments == ["--generate-completion-script", "bash"] || arguments == ["--generate-completion-script=bash"] {
            print(Completions.bashScript(), terminator: "")
            return
        }
        main(nil)
    }
}

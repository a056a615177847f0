import ArgumentParser
import PriceDB

/// `--db`, shared by every subcommand that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The database file; created if missing. Default: $PRICEDB_DATABASE, else $XDG_DATA_HOME/pricedb/prices.sqlite.",
            valueName: "path"))
    var path: String?

    func open() throws -> PriceStore {
        do {
            return try PriceStore.open(at: path ?? DatabaseLocation.defaultPath())
        } catch {
            Diagnostics.error(error.localizedDescription)
            throw ExitCode(74)
        }
    }
}

import Foundation
import ArgumentParser
import PriceDB

/// `--db`, shared by every subcommand that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The database file (ingest creates it). Default: $PRICEDB_DATABASE, else $XDG_DATA_HOME/pricedb/prices.sqlite.",
            valueName: "path"))
    var path: String?

    /// Where the database is.
    var location: String { path ?? DatabaseLocation.defaultPath() }

    /// The database, created if it does not exist yet (for `ingest`).
    func openCreating() throws -> PriceStore {
        try opening { path throws(StoreError) in try PriceStore.open(at: path, create: true) }
    }

    /// The database for a command that only reads: opened read-only, and a missing one is reported (exit 1),
    /// not created.
    func openExisting() throws -> PriceStore {
        try opening { path throws(StoreError) in try PriceStore.openForReading(at: path) }
    }

    /// The database for reading, or an empty one in memory when there is none yet: for a command that can
    /// answer from its options alone (`breakeven --rate`).
    func openExistingOrEmpty() throws -> PriceStore {
        if !FileManager.default.fileExists(atPath: location) {
            return try opening { _ throws(StoreError) in try PriceStore.inMemory() }
        }
        return try openExisting()
    }

    /// An existing database to change (`snapshots remove`).
    func openExistingForWriting() throws -> PriceStore {
        try opening { path throws(StoreError) in try PriceStore.open(at: path, create: false) }
    }

    /// A private copy in memory of the database (or an empty one), for a dry run: nothing is created or changed.
    func openScratchCopy() throws -> PriceStore {
        try opening { path throws(StoreError) in try PriceStore.scratchCopy(ofDatabaseAt: path) }
    }

    private func opening(_ open: (String) throws(StoreError) -> PriceStore) throws -> PriceStore {
        do {
            return try open(location)
        } catch {
            Diagnostics.error(error.localizedDescription)
            if case .missing = error { throw ExitCode(1) }
            throw ExitCode(74)
        }
    }
}

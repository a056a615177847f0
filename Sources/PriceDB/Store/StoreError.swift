import Foundation

/// Why the database could not be used: exit status 74 (EX_IOERR), except 1 for a database that does not exist
/// yet when a command only reads.
public enum StoreError: Error, LocalizedError, Sendable {
    /// A command that only reads found no database; nothing was created.
    case missing(path: String)
    case cannotCreateFolder(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case newerSchema(path: String, unknown: [String])
    /// `snapshots remove` named an id the database does not hold.
    case noSuchSnapshot(Int64)
    /// A snapshot to remove observed a provider on a day that another snapshot of the same source also observed.
    case sharedDay(snapshot: Int64, other: Int64, provider: String, day: String)
    /// Stored data breaks the schema's rules (a day that is not a date, say): the file was changed outside
    /// pricedb, or damaged.
    case damaged(String)
    /// `pricedb backup` was asked to write over a file without `--force`.
    case backupExists(path: String)
    case sqlite(String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path):
            return "there is no database at \(path) yet; add prices with `pricedb ingest FILE`, or name another with --db"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create the database folder \(path): \(reason); choose another place with --db or PRICEDB_DATABASE"
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        case .newerSchema(let path, let unknown):
            return "the database \(path) was written by a newer pricedb (schema \(unknown.joined(separator: ", "))); "
                + "upgrade pricedb to use it"
        case .noSuchSnapshot(let id):
            return "there is no snapshot \(id); `pricedb snapshots` lists them. Nothing was removed"
        case .sharedDay(let snapshot, let other, let provider, let day):
            return "snapshot \(snapshot) observed \(provider) on \(day) together with snapshot \(other) of the same source; "
                + "remove both together, or ingest a corrected file with --replace. Nothing was removed"
        case .damaged(let what):
            return "the database is damaged: \(what). Run `pricedb check` to see every problem; see README, \"When check fails\""
        case .backupExists(let path):
            return "\(path) exists; give --force to replace it, or name another file"
        case .sqlite(let message):
            return "database error: \(message)"
        }
    }
}

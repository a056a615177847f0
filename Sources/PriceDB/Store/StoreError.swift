import Foundation

/// Why the database could not be used. Every case maps to exit status 74 (EX_IOERR).
public enum StoreError: Error, LocalizedError, Sendable {
    case cannotCreateFolder(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case newerSchema(path: String, unknown: [String])
    case sqlite(String)

    public var errorDescription: String? {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            return "cannot create the database folder \(path): \(reason); choose another place with --db or PRICEDB_DATABASE"
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        case .newerSchema(let path, let unknown):
            return "the database \(path) was written by a newer pricedb (schema \(unknown.joined(separator: ", "))); "
                + "upgrade pricedb to use it"
        case .sqlite(let message):
            return "database error: \(message)"
        }
    }
}

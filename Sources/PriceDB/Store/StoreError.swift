import Foundation

/// Why the database could not be used, or lacks what a question needs: see `exitCode`.
public enum StoreError: Error, LocalizedError, Sendable {
    /// A command that only reads found no database; nothing was created.
    case missing(path: String)
    case cannotCreateFolder(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    /// A database or backup path names a folder, a device or a pipe: SQLite would report only "disk I/O
    /// error", and a backup with `--force` must never remove one.
    case notAFile(path: String, isFolder: Bool)
    case newerSchema(path: String, unknown: [String])
    /// The file is not a pricedb database (another program's, empty, or not SQLite): it is neither migrated nor
    /// written.
    case notPricedb(path: String, what: String)
    /// `snapshots remove` named an id the database does not hold.
    case noSuchSnapshot(Int64)
    /// A snapshot to remove observed a provider on a day that another snapshot of the same source also observed.
    case sharedDay(snapshot: Int64, other: Int64, provider: String, day: String)
    /// A correction (`--replace`) would take away observations of providers it does not carry: how many offers
    /// of each. A correction replaces like for like; another provider's day goes with `pricedb snapshots remove`.
    case correctionDropsProviders(snapshots: [Int64], offers: [String: Int])
    /// Stored data breaks the schema's rules (a day that is not a date, say): the file was changed outside
    /// pricedb, or damaged.
    case damaged(String)
    /// `pricedb backup` was asked to write over a file without `--force`.
    case backupExists(path: String)
    /// A price needs converting, but no rate of its currency is stored on or before the day it was seen.
    case noExchangeRate(currency: String, day: Day, target: String)
    /// Prices were asked for in a currency that has no stored rates.
    case noRatesFor(String, stored: [String])
    /// A converted amount is beyond what pricedb can hold (the stored rates are implausible).
    case unconvertible(amount: String, currency: String, target: String, day: Day)
    case sqlite(String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path):
            return "there is no database at \(path) yet; add prices with `pricedb ingest FILE`, or name another with --db"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create the database folder \(path): \(reason); choose another place with --db or PRICEDB_DATABASE"
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        case .notAFile(let path, let isFolder):
            let what = isFolder ? "a folder" : "a device or a pipe"
            let example = isFolder ? ", such as \((path as NSString).appendingPathComponent("prices.sqlite"))" : ""
            return "\(path) is \(what), not a database file; name a file instead\(example)"
        case .newerSchema(let path, let unknown):
            return "the database \(path) was written by a newer pricedb (schema \(unknown.joined(separator: ", "))); "
                + "upgrade pricedb to use it"
        case .notPricedb(let path, let what):
            return "\(path) is not a pricedb database: it is \(what). pricedb neither changes nor reads it; "
                + "name a pricedb database with --db, or a new file to start one"
        case .noSuchSnapshot(let id):
            return "there is no snapshot \(id); `pricedb snapshots` lists them. Nothing was removed"
        case .sharedDay(let snapshot, let other, let provider, let day):
            return "snapshot \(snapshot) observed \(provider) on \(day) together with snapshot \(other) of the same source; "
                + "remove both together, or ingest a corrected file with --replace. Nothing was removed"
        case .correctionDropsProviders(let snapshots, let offers):
            let lost = offers.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) offer\($0.value == 1 ? "" : "s"))" }
            let ids = snapshots.map(String.init).joined(separator: " ")
            return "the correction would also remove what snapshot\(snapshots.count == 1 ? "" : "s") \(ids) observed of "
                + "\(lost.joined(separator: ", ")), which it does not carry; add those providers to the corrected file, "
                + "or remove the snapshot first (`pricedb snapshots remove \(ids)`) and ingest the correction without "
                + "--replace. Nothing was written"
        case .damaged(let what):
            return "the database is damaged: \(what). Run `pricedb check` to see every problem; see docs/operating.md, \"Backups, check and systemd\""
        case .backupExists(let path):
            return "\(path) exists; give --force to replace it, or name another file"
        case .noExchangeRate(let currency, let day, let target):
            return "no exchange rate for \(currency) on or before \(day), which a price seen that day needs to be shown in "
                + "\(target); ingest the ECB reference rates that cover it (\(Self.ratesSource)), or leave out --currency"
        case .noRatesFor(let currency, let stored):
            guard !stored.isEmpty else {
                return "cannot show prices in \(currency): no exchange rates are stored at all; ingest the ECB reference "
                    + "rates (\(Self.ratesSource)), or run `pricedb fetch ecb`"
            }
            // A typo of a currency whose rates are stored (one letter off) gets that one, not advice to ingest
            // what is there.
            let typos = (["EUR"] + stored).filter { EditDistance.between(currency.uppercased(), $0) == 1 }
            let close = EditDistance.question(typos).map { " \($0)" } ?? ""
            return "cannot show prices in \(currency):\(close) rates are stored for EUR, " + stored.joined(separator: ", ")
                + (close.isEmpty ? "; for another currency, ingest the ECB reference rates that have it (\(Self.ratesSource))" : "")
        case .unconvertible(let amount, let currency, let target, let day):
            return "\(amount) \(currency) seen on \(day) is beyond what pricedb can hold in \(target) at the stored rates; "
                + "check them with `sqlite3` (table exchange_rate)"
        case .sqlite(let message):
            // A table or index gone from under pricedb (a `DROP` in `sqlite3`) is named by `check`.
            let schema = ["no such table", "no such index", "no such column"].contains { message.hasPrefix($0) }
            return "database error: \(message)" + (schema ? "; `pricedb check` names what the database lacks" : "")
        }
    }

    /// Where reference rates come from, for messages.
    static let ratesSource = "pricedb ingest eurofxref-hist.csv, from https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"

    /// 65 (EX_DATAERR) when exchange rates are missing or implausible, 74 (EX_IOERR) otherwise. (A read command
    /// that finds no database exits 1; the command decides that.)
    public var exitCode: Int32 {
        switch self {
        case .noExchangeRate, .noRatesFor, .unconvertible, .correctionDropsProviders: return 65
        default: return 74
        }
    }
}

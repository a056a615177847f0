import Foundation

/// Files that a report, a chart or a backup must never be written over: the database and the files SQLite and
/// pricedb keep beside it (`-wal`, `-shm`, `-journal`, `.lock`), the files a command is reading, and (for a
/// report or a chart) any SQLite database. Paths are compared as the file system resolves them, so a symbolic
/// link or a `./` does not hide the database.
public enum ProtectedPath {
    static let companions = ["", "-wal", "-shm", "-journal", ".lock"]

    /// Why `path` must not be written, naming what it is; `nil` when it may be. `database` is the database the
    /// command uses; with `anyDatabase`, every SQLite file is refused, as no report belongs in one.
    public static func reason(_ path: String, database: String?, reading inputs: [String] = [], anyDatabase: Bool) -> String? {
        guard !path.isEmpty else { return "an empty path names no file" }
        let target = resolved(path)
        if inputs.contains(where: { resolved($0) == target }) { return "it is a file this command reads" }
        if let database {
            let base = resolved(database)
            if let suffix = companions.first(where: { base + $0 == target }) {
                return suffix.isEmpty ? "it is the database" : "it is the \(suffix) file SQLite or pricedb keeps beside the database"
            }
        }
        guard anyDatabase else { return nil }
        for suffix in companions where target.hasSuffix(suffix) && isSQLite(String(target.dropLast(suffix.count))) {
            return suffix.isEmpty
                ? "it is a database (an SQLite file)" : "it is the \(suffix) file kept beside the database \(target.dropLast(suffix.count))"
        }
        return nil
    }

    /// The path with symbolic links and `.`/`..` resolved, as far as it exists.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    private static func isSQLite(_ path: String) -> Bool {
        guard FileKind(of: path) == .regular, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return handle.readData(ofLength: 16) == Data("SQLite format 3\0".utf8)
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What pricedb last knew a database file to be sound as: its device, inode, size and modification time, and
/// its write-ahead log's size. It is written into the lock file beside the database (`prices.sqlite.lock`) after
/// a passing quick check and after each of pricedb's own writes. A database whose files still match was changed
/// by nothing else since, so it is not checked again: the quick check reads the whole file, which would make
/// a daily import cost as much as the database is large.
enum VerifiedStamp {
    /// The stamp of the database at `path` as it is now, or `nil` if it cannot be read.
    static func current(of path: String) -> String? {
        var main = stat()
        guard stat(path, &main) == 0 else { return nil }
        var log = stat()
        let logSize = stat(path + "-wal", &log) == 0 ? Int64(log.st_size) : 0
        #if canImport(Darwin)
            let modified = main.st_mtimespec
        #else
            let modified = main.st_mtim
        #endif
        return "pricedb-verified/1 \(main.st_dev) \(main.st_ino) \(main.st_size) \(modified.tv_sec).\(modified.tv_nsec) \(logSize)\n"
    }

    /// Whether the database at `path` is as pricedb last verified or wrote it.
    static func matches(_ path: String) -> Bool {
        guard let now = current(of: path), let recorded = try? String(contentsOfFile: path + ".lock", encoding: .utf8) else {
            return false
        }
        return recorded == now
    }

    /// Records the database at `path` as verified as it is now. Failing to write it only means the next open
    /// checks again.
    static func record(_ path: String) {
        guard let now = current(of: path) else { return }
        let descriptor = open(path + ".lock", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = now.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
    }
}

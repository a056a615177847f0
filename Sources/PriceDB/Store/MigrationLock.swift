#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a file beside the database, held while a process creates or
/// migrates it, so that several imports started at once on a new database do not each apply the schema, and
/// while `pricedb watch` decides which alerts to print (`PriceStore.oneWatchAtATime`).
/// The lock file (`prices.sqlite.lock`) stays; it holds only the database's `VerifiedStamp`.
struct MigrationLock {
    private let descriptor: Int32

    /// Waits until no other process holds the lock of the database at `path`, then holds it.
    init(beside path: String) throws(StoreError) {
        let lockPath = path + ".lock"
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: "cannot create the lock file \(lockPath): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw .cannotOpen(path: path, reason: "cannot lock \(lockPath): \(String(cString: strerror(errno)))")
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

import GRDB

extension PriceStore {
    /// One crossing `pricedb watch` reported: a rule fired for an offer at the price run that began on `since`.
    public struct WatchReport: Hashable, Sendable {
        public var rule: String
        public var offer: String
        public var since: Day

        public init(rule: String, offer: String, since: Day) {
            self.rule = rule
            self.offer = offer
            self.since = since
        }
    }

    /// Those of `candidates` that were reported before.
    public func reported(_ candidates: [WatchReport]) throws(StoreError) -> Set<WatchReport> {
        try read { db in
            var found: Set<WatchReport> = []
            let statement = try db.cachedStatement(
                sql: "SELECT 1 FROM watch_report WHERE rule = ? AND offer = ? AND since = ?")
            for candidate in candidates
            where try Int.fetchOne(statement, arguments: [candidate.rule, candidate.offer, candidate.since.description]) != nil {
                found.insert(candidate)
            }
            return found
        }
    }

    /// Remembers crossings as reported at `time` (UTC, ISO 8601), in one transaction; one reported before stays
    /// as it was.
    public func remember(_ reports: [WatchReport], at time: String) throws(StoreError) {
        try write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO watch_report (rule, offer, since, reported_at) VALUES (?, ?, ?, ?)")
            for report in reports {
                try statement.execute(arguments: [report.rule, report.offer, report.since.description, time])
            }
        }
    }

    /// Runs `body` while no other `pricedb watch` of this database runs its own: the alerts it finds, prints
    /// and remembers are then seen as remembered by the next, so that each crossing is printed once however
    /// many watches start together.
    public func oneWatchAtATime<T>(_ body: () throws -> T) throws -> T {
        try holdingTheLock(body)
    }

    /// Runs `body` holding the exclusive lock beside the database (`MigrationLock`); a database in memory has
    /// no other user.
    func holdingTheLock<T>(_ body: () throws -> T) throws -> T {
        guard path != ":memory:" && !isScratch else { return try body() }
        let lock = try MigrationLock(beside: path)
        defer { lock.release() }
        return try body()
    }
}

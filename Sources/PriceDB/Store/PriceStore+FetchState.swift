import GRDB

extension PriceStore {
    /// What `fetch` remembers of one source (`Migrations/0010_fetch_sources.sql`).
    public struct FetchState: Hashable, Sendable {
        public var name: String
        public var url: String
        public var etag: String?
        public var lastModified: String?
        /// The hash of the last body, which names its copy in the cache.
        public var sha256: String?
        /// UTC, ISO 8601.
        public var lastFetched: String?
        public var lastChanged: String?
        public var lastError: String?
        public var lastErrorAt: String?

        public init(name: String, url: String) {
            self.name = name
            self.url = url
        }
    }

    /// Every source `fetch` has read, by name.
    public func fetchStates() throws(StoreError) -> [String: FetchState] {
        try read { db in
            guard try db.tableExists("fetch_source") else { return [:] }
            var states: [String: FetchState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM fetch_source") {
                var state = FetchState(name: row["name"], url: row["url"])
                state.etag = row["etag"]
                state.lastModified = row["last_modified"]
                state.sha256 = row["sha256"]
                state.lastFetched = row["last_fetched"]
                state.lastChanged = row["last_changed"]
                state.lastError = row["last_error"]
                state.lastErrorAt = row["last_error_at"]
                states[state.name] = state
            }
            return states
        }
    }

    /// Records what a fetch of a source found, in one transaction.
    public func remember(_ state: FetchState) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO fetch_source (name, url, etag, last_modified, sha256, last_fetched, last_changed, last_error,
                        last_error_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET url = excluded.url, etag = excluded.etag,
                        last_modified = excluded.last_modified, sha256 = excluded.sha256,
                        last_fetched = excluded.last_fetched, last_changed = excluded.last_changed,
                        last_error = excluded.last_error, last_error_at = excluded.last_error_at
                    """,
                arguments: [
                    state.name, state.url, state.etag, state.lastModified, state.sha256, state.lastFetched, state.lastChanged,
                    state.lastError, state.lastErrorAt,
                ])
        }
    }

    /// Runs `body` while no other `pricedb fetch` of this database runs: a second one waits for the first.
    public func oneFetchAtATime<T>(_ body: () throws -> T) throws -> T {
        try holdingTheLock(body)
    }
}

extension PriceStore {
    /// The days from `start` through `end` on which the feed of `provider` from `source` (a snapshot's source
    /// name, else its format: `skypilot-csv` for every catalog) was observed.
    public func observedDays(provider: String, source: String, from start: Day, through end: Day) throws(StoreError) -> Set<Day> {
        try read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT d.observed_on FROM feed_day d JOIN feed f ON f.id = d.feed_id
                        WHERE f.provider_id = ? AND f.source = ? AND d.observed_on BETWEEN ? AND ?
                        """,
                    arguments: [provider, source, start.description, end.description]
                ).compactMap { Day($0) })
        }
    }
}

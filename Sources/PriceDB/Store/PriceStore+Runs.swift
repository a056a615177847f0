import GRDB

/// Writing the history as price runs (see `Migrations/0004_price_runs.sql`): a file's observations are staged in
/// a temporary table, then folded into the runs of their feed. A day after every day the feed has seen (the
/// daily cron case) is a handful of set-based statements that write only what changed: open runs whose price
/// still holds are left alone. A day in between, or a day seen before, takes the general path, one offer at a
/// time, which may split and join runs; it works on closed runs, so open ones are closed at the feed's latest
/// day first and opened again after.
extension PriceStore {
    /// Creates the empty staging table of this connection.
    static func prepareStaging(in db: Database) throws {
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS staged (
                    provider_id TEXT NOT NULL, observed_on TEXT NOT NULL, gpu_id TEXT NOT NULL, gpu_label TEXT NOT NULL,
                    variant TEXT NOT NULL, gpu_count_millionths INTEGER NOT NULL, instance TEXT NOT NULL,
                    region TEXT NOT NULL, tier TEXT NOT NULL, currency TEXT NOT NULL, low INTEGER, high INTEGER,
                    status TEXT NOT NULL, approximate INTEGER NOT NULL, note TEXT);
                DELETE FROM temp.staged;
                CREATE TEMP TABLE IF NOT EXISTS seen_offer (offer_id INTEGER PRIMARY KEY);
                CREATE TEMP TABLE IF NOT EXISTS matched (
                    staged_row INTEGER PRIMARY KEY, offer_id INTEGER, unchanged INTEGER);
                CREATE INDEX IF NOT EXISTS temp.matched_offer ON matched(offer_id);
                """)
    }

    /// The staging table's columns, in the order both kinds of rows bind them.
    private static let stagedColumns = """
        INSERT INTO temp.staged (provider_id, observed_on, gpu_id, gpu_label, variant, gpu_count_millionths,
            instance, region, tier, currency, low, high, status, approximate, note)
        """

    static func stage(_ observations: [Observation], in db: Database) throws {
        let staged = RowInserter(
            try db.cachedStatement(sql: stagedColumns + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        for observation in observations {
            try staged.bind(observation.providerID, at: 1)
            try staged.bind(observation.observedOn.description, at: 2)
            try bindOffer(observation, to: staged)
            try staged.bind(observation.currency, at: 10)
            try staged.bind(observation.price?.low.micros, at: 11)
            try staged.bind(observation.price?.high.micros, at: 12)
            try staged.bind(observation.status.rawValue, at: 13)
            try staged.bind(observation.approximate, at: 14)
            try staged.bind(observation.note, at: 15)
            try staged.insert()
        }
    }

    /// Stages a catalog's folded offers: available, in USD, as the catalogs price. The values every row shares
    /// are bound once.
    static func stage(_ offers: [CatalogOffer], providerID: String, observedOn day: Day, in db: Database) throws {
        let staged = RowInserter(
            try db.cachedStatement(sql: stagedColumns + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, 'available', 0, NULL)"))
        try staged.bind(providerID, at: 1)
        try staged.bind(day.description, at: 2)
        for offer in offers {
            try bindOffer(offer, to: staged)
            try staged.bind(offer.price.low.micros, at: 10)
            try staged.bind(offer.price.high.micros, at: 11)
            try staged.insert()
        }
    }

    /// Binds what names an offer within its feed to the staging columns 3 to 9.
    private static func bindOffer(_ offer: some StagedOffer, to staged: RowInserter) throws {
        try staged.bind(offer.gpuID, at: 3)
        try staged.bind(offer.gpuLabel, at: 4)
        try staged.bind(offer.variant, at: 5)
        try staged.bind(offer.gpuCount.millionths, at: 6)
        try staged.bind(offer.instance, at: 7)
        try staged.bind(offer.region, at: 8)
        try staged.bind(offer.tier.rawValue, at: 9)
    }

    /// The last day of a run that the feed's latest day still saw.
    static let openEnd = "9999-12-31"

    /// The open run of offer `o`, as `r`, from the partial index of open runs (`Migrations/0008_open_runs.sql`):
    /// a few bytes per offer, where a seek of `price_run`'s key lands on a page of the offer's whole history. The
    /// open end is written out, as SQLite uses a partial index only for a term it sees when it prepares the
    /// statement; and the index is named, as the planner would take the key, not knowing the index reads less.
    static let openRunOfOffer = "price_run r INDEXED BY price_run_open ON r.offer_id = o.id AND r.last_seen = '\(openEnd)'"

    /// Folds the staged observations into the history as seen by `snapshotID`, whose source (its name, else its
    /// format) names the feeds.
    ///
    /// `days` are the providers and days the staged observations cover, as the caller knows them (a scan of
    /// the staging table for them cost as much as a step of the fold).
    static func applyStaged(
        _ days: some Sequence<(provider: String, day: Day)>, snapshotID: Int64, source: String, in db: Database
    ) throws {
        for (provider, observedOn) in days.sorted(by: { ($0.provider, $0.day) < ($1.provider, $1.day) }) {
            let day = observedOn.description
            try db.execute(
                sql: "INSERT INTO feed (provider_id, source) VALUES (?, ?) ON CONFLICT DO NOTHING",
                arguments: [provider, source])
            let feed = try Int64.fetchOne(
                db, sql: "SELECT id FROM feed WHERE provider_id = ? AND source = ?", arguments: [provider, source]) ?? 0
            let dayIsNew = try !(Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM feed_day WHERE feed_id = ? AND observed_on = ?)",
                arguments: [feed, day]) ?? false)
            let previous = try neighbour(of: day, in: feed, before: true, in: db)
            let next = try neighbour(of: day, in: feed, before: false, in: db)
            let latestBefore = try latestDay(of: feed, in: db)
            try db.execute(
                sql: "INSERT OR IGNORE INTO feed_day (feed_id, observed_on, snapshot_id) VALUES (?, ?, ?)",
                arguments: [feed, day, snapshotID])
            // Each staged offer is found among the feed's offers (nearly all are, day after day) and compared
            // with its open run, in one pass. New offers get their ids here, so no second lookup is needed to learn
            // them. A new feed has no offers to find: its offers are numbered by their staged rows, which needs no
            // count (and leaves no gap when the file staged one provider).
            try db.execute(sql: "DELETE FROM temp.matched")
            let base = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM offer") ?? 0
            let feedHasOffers = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM offer WHERE feed_id = ?)", arguments: [feed]) ?? true
            if feedHasOffers {
                try db.execute(
                    sql: """
                        INSERT INTO temp.matched (staged_row, offer_id, unchanged)
                        SELECT s.rowid, o.id,
                            r.status = s.status AND r.price_low_micros IS s.low AND r.price_high_micros IS s.high
                            AND r.approximate = s.approximate AND r.note IS s.note
                        FROM temp.staged s
                        LEFT JOIN offer o ON o.feed_id = ? AND o.gpu_id = s.gpu_id AND o.gpu_label = s.gpu_label
                            AND o.variant = s.variant AND o.gpu_count_millionths = s.gpu_count_millionths
                            AND o.instance = s.instance AND o.region = s.region AND o.tier = s.tier AND o.currency = s.currency
                        LEFT JOIN \(openRunOfOffer)
                        WHERE s.provider_id = ? AND s.observed_on = ?;
                        UPDATE temp.matched SET offer_id = ? + n.number
                        FROM (SELECT staged_row, row_number() OVER (ORDER BY staged_row) AS number
                              FROM temp.matched WHERE offer_id IS NULL) n
                        WHERE matched.staged_row = n.staged_row;
                        """,
                    arguments: [feed, provider, day, base])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO temp.matched (staged_row, offer_id, unchanged)
                        SELECT rowid, ? + rowid, NULL FROM temp.staged
                        WHERE provider_id = ? AND observed_on = ?
                        """,
                    arguments: [base, provider, day])
            }
            try db.execute(
                sql: """
                    INSERT INTO offer (id, feed_id, provider_id, gpu_id, gpu_label, variant, gpu_count_millionths, instance,
                        region, tier, currency)
                    SELECT m.offer_id, ?, s.provider_id, s.gpu_id, s.gpu_label, s.variant, s.gpu_count_millionths, s.instance,
                        s.region, s.tier, s.currency
                    FROM temp.matched m JOIN temp.staged s ON s.rowid = m.staged_row
                    WHERE m.offer_id > ? ORDER BY m.offer_id
                    """,
                arguments: [feed, base])
            // Only this day's offers change: the runs of other days may be split or joined, but cover the same days.
            if dayIsNew && next == nil {
                try appendDay(day, feed: feed, after: previous, snapshotID: snapshotID, in: db)
                try summariseStaged(day, of: feed, provider: provider, in: db)
            } else {
                if let latestBefore { try closeOpenRuns(of: feed, on: latestBefore, in: db) }
                try insertDay(
                    day, feed: feed, provider: provider, around: Neighbours(previous: previous, next: next), isNew: dayIsNew,
                    snapshotID: snapshotID, in: db)
                try reopenRuns(of: feed, in: db)
                try summarise(day, of: feed, in: db)
            }
        }
        try db.execute(sql: "DELETE FROM temp.staged")
    }

    /// The common case, a day after every day of the feed: open runs at the same value stay open and nothing is
    /// written for them; runs whose price changed, or whose offer the day did not see, close on the day before;
    /// every other offer opens a run.
    private static func appendDay(
        _ day: String, feed: Int64, after previous: (day: String, snapshot: Int64)?, snapshotID: Int64,
        in db: Database
    ) throws {
        // `temp.matched` holds each staged offer against its open run: only what changed is written.
        if let previous {
            try db.execute(
                sql: """
                    UPDATE price_run SET last_seen = ?, last_snapshot_id = ?
                    WHERE last_seen = ? AND offer_id IN (SELECT offer_id FROM temp.matched WHERE unchanged = 0)
                    """,
                arguments: [previous.day, previous.snapshot, openEnd])
            try db.execute(
                sql: """
                    UPDATE price_run SET last_seen = ?, last_snapshot_id = ?
                    WHERE last_seen = ? AND offer_id IN (
                        SELECT o.id FROM offer o WHERE o.feed_id = ?
                          AND NOT EXISTS (SELECT 1 FROM temp.matched m WHERE m.offer_id = o.id))
                    """,
                arguments: [previous.day, previous.snapshot, openEnd, feed])
        }
        try db.execute(
            sql: """
                INSERT INTO price_run (offer_id, first_seen, last_seen, price_low_micros, price_high_micros, status,
                    approximate, note, first_snapshot_id, last_snapshot_id)
                SELECT m.offer_id, ?, ?, s.low, s.high, s.status, s.approximate, s.note, ?, NULL
                FROM temp.matched m JOIN temp.staged s ON s.rowid = m.staged_row
                WHERE m.unchanged IS NOT 1
                ORDER BY m.staged_row
                """,
            arguments: [day, openEnd, snapshotID])
    }

    /// `series_day`'s rows as the runs give them, for the observed days that `days` selects (`feed_id`,
    /// `observed_on`): each day's offers are those whose run covers it, a seek per offer. What every write that
    /// is not a day appended uses (`Migrations/0007_series_days.sql` fills the table the same way); `check`
    /// computes the same rows on its own, in one pass over the runs, as a second opinion that costs less for
    /// every day at once.
    static func seriesDaysFromRuns(days: String) -> String {
        """
        SELECT o.feed_id, o.gpu_id, o.tier, CAST(julianday(d.observed_on) - 2440587.5 AS INTEGER), r.status,
            o.gpu_count_millionths, o.currency, min(r.price_low_micros), max(r.price_high_micros), max(r.approximate),
            count(*)
        FROM (\(days)) d
        JOIN offer o ON o.feed_id = d.feed_id
        JOIN price_run r ON r.offer_id = o.id
            AND r.last_seen = (SELECT min(x.last_seen) FROM price_run x WHERE x.offer_id = o.id AND x.last_seen >= d.observed_on)
            AND r.first_seen <= d.observed_on
        GROUP BY o.feed_id, o.gpu_id, o.tier, d.observed_on, r.status, o.gpu_count_millionths, o.currency
        """
    }

    /// Rebuilds `series_day` for one observed day of a feed from the runs that cover it.
    static func summarise(_ day: String, of feed: Int64, in db: Database) throws {
        try forgetSummary(of: day, of: feed, in: db)
        try db.execute(
            sql: "INSERT INTO series_day " + seriesDaysFromRuns(days: "SELECT ? AS feed_id, ? AS observed_on"),
            arguments: [feed, day])
    }

    /// `series_day` for a day just appended: its offers are exactly the staged ones (each is its run's value
    /// now), so the summary is read from them without a seek.
    static func summariseStaged(_ day: String, of feed: Int64, provider: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO series_day
                SELECT ?, gpu_id, tier, ?, status, gpu_count_millionths, currency, min(low), max(high), max(approximate),
                    count(*)
                FROM temp.staged WHERE provider_id = ? AND observed_on = ?
                GROUP BY gpu_id, tier, status, gpu_count_millionths, currency
                """,
            arguments: [feed, Self.dayNumber(day), provider, day])
    }

    /// Removes the summary of one day of a feed: a range of the key per GPU and tier of the feed.
    static func forgetSummary(of day: String, of feed: Int64, in db: Database) throws {
        try db.execute(
            literal: """
                DELETE FROM series_day WHERE feed_id = \(feed)
                  AND gpu_id IN (SELECT DISTINCT gpu_id FROM offer WHERE feed_id = \(feed))
                  AND tier IN \(Tier.allCases.map(\.rawValue)) AND day = \(Self.dayNumber(day))
                """)
    }

    /// A stored day (`2026-02-07`) as `series_day` numbers it: days since 1970-01-01.
    static func dayNumber(_ text: String) -> Int {
        Day(text)?.ordinal ?? 0
    }

    /// The feed's latest observed day, if any.
    static func latestDay(of feed: Int64, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT max(observed_on) FROM feed_day WHERE feed_id = ?", arguments: [feed])
    }

    /// Closes the feed's open runs on `day` (its latest), so the general path sees every run with its days.
    static func closeOpenRuns(of feed: Int64, on day: String, in db: Database) throws {
        let snapshot = try Int64.fetchOne(
            db, sql: "SELECT min(snapshot_id) FROM feed_day WHERE feed_id = ? AND observed_on = ?", arguments: [feed, day])
        try db.execute(
            sql: """
                UPDATE price_run SET last_seen = ?, last_snapshot_id = ?
                WHERE last_seen = ? AND offer_id IN (SELECT id FROM offer WHERE feed_id = ?)
                """,
            arguments: [day, snapshot, openEnd, feed])
    }

    /// Opens again the feed's runs that reach its latest day.
    static func reopenRuns(of feed: Int64, in db: Database) throws {
        guard let latest = try latestDay(of: feed, in: db) else { return }
        try db.execute(
            sql: """
                UPDATE price_run SET last_seen = ?, last_snapshot_id = NULL
                WHERE last_seen = ? AND offer_id IN (SELECT id FROM offer WHERE feed_id = ?)
                """,
            arguments: [openEnd, latest, feed])
    }

    /// One run as read for the general path.
    private struct Run {
        var offer: Int64
        /// The last day as stored: with the offer, what names the run.
        let key: String
        var first: String
        var last: String
        var value: RunValue
        var firstSnapshot: Int64
        var lastSnapshot: Int64

        init(_ row: Row) {
            offer = row["offer_id"]
            key = row["last_seen"]
            first = row["first_seen"]
            last = row["last_seen"]
            value = RunValue(
                low: row["price_low_micros"], high: row["price_high_micros"], status: row["status"],
                approximate: row["approximate"], note: row["note"])
            firstSnapshot = row["first_snapshot_id"]
            lastSnapshot = row["last_snapshot_id"] ?? row["first_snapshot_id"]
        }

        /// A run of one day, seen by one snapshot.
        init(offer: Int64, day: String, value: RunValue, snapshot: Int64) {
            self.offer = offer
            key = day
            first = day
            last = day
            self.value = value
            firstSnapshot = snapshot
            lastSnapshot = snapshot
        }
    }

    /// What a run records of an offer: its price or status, and the source's marks.
    private struct RunValue: Equatable {
        var low: Int64?
        var high: Int64?
        var status: String
        var approximate: Bool
        var note: String?

        /// Two sightings of one offer on one day at different prices (two files of one source): the range of both,
        /// as a cell of that day would show them. A price outweighs a status. Commutative and associative, so
        /// the files of a day may arrive in any order.
        func merged(with other: RunValue) -> RunValue {
            let note = [note, other.note].compactMap { $0 }.min()
            switch (low, high, other.low, other.high) {
            case let (low?, high?, otherLow?, otherHigh?):
                return RunValue(
                    low: min(low, otherLow), high: max(high, otherHigh), status: status,
                    approximate: approximate || other.approximate, note: note)
            case (.some, .some, _, _):
                return RunValue(low: low, high: high, status: status, approximate: approximate, note: note)
            case (_, _, .some, .some):
                return RunValue(
                    low: other.low, high: other.high, status: other.status, approximate: other.approximate, note: note)
            default:
                return RunValue(
                    low: nil, high: nil, status: min(status, other.status),
                    approximate: approximate || other.approximate, note: note)
            }
        }
    }

    /// The feed's observed days on either side of a day, with the snapshots that observed them: the same for
    /// every offer of the day, so they are looked up once.
    private struct Neighbours {
        var previous: (day: String, snapshot: Int64)?
        var next: (day: String, snapshot: Int64)?
    }

    /// A day between days the feed has seen, or one it has seen before: each offer's sighting joins, extends,
    /// splits or starts a run, and (for a new day) the runs of offers the day did not see are split around it.
    private static func insertDay(
        _ day: String, feed: Int64, provider: String, around neighbours: Neighbours, isNew: Bool, snapshotID: Int64,
        in db: Database
    ) throws {
        let staged = try Row.fetchAll(
            db,
            sql: """
                SELECT s.*, m.offer_id FROM temp.staged s JOIN temp.matched m ON m.staged_row = s.rowid
                WHERE s.provider_id = ? AND s.observed_on = ? ORDER BY s.rowid
                """,
            arguments: [provider, day])
        try db.execute(sql: "DELETE FROM temp.seen_offer")
        for row in staged {
            let offer: Int64 = row["offer_id"]
            try db.execute(sql: "INSERT OR IGNORE INTO temp.seen_offer (offer_id) VALUES (?)", arguments: [offer])
            let firstSighting = db.changesCount > 0
            let sighting = RunValue(
                low: row["low"], high: row["high"], status: row["status"], approximate: row["approximate"], note: row["note"])
            try setValue(
                of: offer, on: day, to: sighting, dayIsNew: isNew && firstSighting, around: neighbours, snapshotID: snapshotID,
                in: db)
        }
        guard isNew, let previous = neighbours.previous?.day, let next = neighbours.next?.day else { return }
        // The feed now has a day between two it had seen: an offer it did not see that day was gone then.
        let spanning = try Row.fetchAll(
            db,
            sql: """
                SELECT r.* FROM price_run r JOIN offer o ON o.id = r.offer_id
                WHERE o.feed_id = ? AND r.first_seen <= ? AND r.last_seen >= ?
                  AND r.offer_id NOT IN (SELECT offer_id FROM temp.seen_offer)
                """,
            arguments: [feed, previous, next]
        ).map(Run.init)
        for run in spanning {
            try split(run, around: day, neighbours, in: db)
        }
    }

    /// Makes `day` hold `sighting` in the runs of one offer, and leaves the runs in their one canonical form:
    /// maximal spans of feed days at one value. On a day the feed had not seen, the sighting is the day's value
    /// whatever run spanned it (that run was never observed there); on a day seen before (another file of the
    /// same source), both sightings stand, merged as a cell of that day shows them.
    private static func setValue(
        of offer: Int64, on day: String, to sighting: RunValue, dayIsNew: Bool, around neighbours: Neighbours,
        snapshotID: Int64, in db: Database
    ) throws {
        let covering = try Row.fetchOne(
            db, sql: "SELECT * FROM price_run WHERE offer_id = ? AND last_seen >= ? ORDER BY last_seen LIMIT 1",
            arguments: [offer, day]
        ).map(Run.init).flatMap { $0.first <= day ? $0 : nil }
        let value = dayIsNew ? sighting : covering.map { $0.value.merged(with: sighting) } ?? sighting
        if let covering {
            if covering.value == value { return }
            try split(covering, around: day, neighbours, in: db)
        }
        var run = Run(offer: offer, day: day, value: value, snapshot: snapshotID)
        // The offer's runs that end on the day before and start on the day after join it at the same value.
        let sql = (ending: "SELECT * FROM price_run WHERE offer_id = ? AND last_seen = ?",
                   starting: "SELECT * FROM price_run WHERE offer_id = ? AND first_seen = ?")
        if let previous = neighbours.previous,
            let before = try Row.fetchOne(db, sql: sql.ending, arguments: [offer, previous.day]).map(Run.init),
            before.value == value
        {
            try delete(before, in: db)
            (run.first, run.firstSnapshot) = (before.first, before.firstSnapshot)
        }
        if let next = neighbours.next,
            let after = try Row.fetchOne(db, sql: sql.starting, arguments: [offer, next.day]).map(Run.init),
            after.value == value
        {
            try delete(after, in: db)
            (run.last, run.lastSnapshot) = (after.last, after.lastSnapshot)
        }
        try insertRun(
            offer: offer, from: run.first, to: run.last, value: run.value, first: run.firstSnapshot, last: run.lastSnapshot,
            in: db)
    }

    /// Cuts `day` out of a run: the part before it ends on the feed's day before, the part after starts on its
    /// day after.
    private static func split(_ run: Run, around day: String, _ neighbours: Neighbours, in db: Database) throws {
        let offer = run.offer
        try delete(run, in: db)
        if run.first < day, let end = neighbours.previous {
            try insertRun(
                offer: offer, from: run.first, to: end.day, value: run.value, first: run.firstSnapshot, last: end.snapshot, in: db)
        }
        if run.last > day, let start = neighbours.next {
            try insertRun(
                offer: offer, from: start.day, to: run.last, value: run.value, first: start.snapshot, last: run.lastSnapshot, in: db)
        }
    }

    /// The feed's day before (or after) `day`, with the snapshot that observed it.
    private static func neighbour(of day: String, in feed: Int64, before: Bool, in db: Database) throws -> (day: String, snapshot: Int64)? {
        let sql = before
            ? "SELECT observed_on, snapshot_id FROM feed_day WHERE feed_id = ? AND observed_on < ? ORDER BY observed_on DESC, snapshot_id LIMIT 1"
            : "SELECT observed_on, snapshot_id FROM feed_day WHERE feed_id = ? AND observed_on > ? ORDER BY observed_on, snapshot_id LIMIT 1"
        return try Row.fetchOne(db, sql: sql, arguments: [feed, day]).map { ($0["observed_on"], $0["snapshot_id"]) }
    }

    private static func insertRun(
        offer: Int64, from first: String, to last: String, value: RunValue, first firstSnapshot: Int64, last lastSnapshot: Int64,
        in db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO price_run (offer_id, first_seen, last_seen, price_low_micros, price_high_micros, status,
                    approximate, note, first_snapshot_id, last_snapshot_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [offer, first, last, value.low, value.high, value.status, value.approximate, value.note,
                        firstSnapshot, lastSnapshot])
    }

    private static func update(_ run: Run, in db: Database) throws {
        try db.execute(
            sql: """
                UPDATE price_run SET first_seen = ?, last_seen = ?, first_snapshot_id = ?, last_snapshot_id = ?
                WHERE offer_id = ? AND last_seen = ?
                """,
            arguments: [run.first, run.last, run.firstSnapshot, run.lastSnapshot, run.offer, run.key])
    }

    private static func delete(_ run: Run, in db: Database) throws {
        try db.execute(sql: "DELETE FROM price_run WHERE offer_id = ? AND last_seen = ?", arguments: [run.offer, run.key])
    }

    /// Records that the feed of `provider` and `source` saw on each day after `day` through `last` exactly what
    /// it saw on `day` (a catalog the repository kept publishing unchanged), as `snapshotID` observed it: each
    /// day becomes an observed day, runs that ended on `day` reach `last`, the day summaries are copied, and a
    /// run that now meets the next one at the same value joins it. Stops before the feed's next observed day
    /// after `day`, which keeps what it saw.
    static func extend(
        provider: String, source: String, from day: Day, through last: Day, snapshotID: Int64, in db: Database
    ) throws {
        guard let feed = try Int64.fetchOne(
            db, sql: "SELECT id FROM feed WHERE provider_id = ? AND source = ?", arguments: [provider, source])
        else { return }
        let next = try neighbour(of: day.description, in: feed, before: false, in: db)
        var end = last
        if let next, let nextDay = Day(next.day), nextDay <= last { end = nextDay.adding(days: -1) }
        guard end > day else { return }
        let (first, final) = (day.ordinal + 1, end.ordinal)
        let latestBefore = try latestDay(of: feed, in: db)
        if let latestBefore { try closeOpenRuns(of: feed, on: latestBefore, in: db) }
        try db.execute(
            sql: """
                WITH RECURSIVE days(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM days WHERE n < ?)
                INSERT INTO feed_day (feed_id, observed_on, snapshot_id)
                SELECT ?, date(n * 86400, 'unixepoch'), ? FROM days
                """,
            arguments: [first, final, feed, snapshotID])
        try db.execute(
            sql: """
                UPDATE price_run SET last_seen = ?, last_snapshot_id = ?
                WHERE last_seen = ? AND offer_id IN (SELECT id FROM offer WHERE feed_id = ?)
                """,
            arguments: [end.description, snapshotID, day.description, feed])
        // A range of the summary's key per GPU and tier of the feed, as `forgetSummary` reads it.
        try db.execute(
            literal: """
                WITH RECURSIVE days(n) AS (SELECT \(first) UNION ALL SELECT n + 1 FROM days WHERE n < \(final))
                INSERT INTO series_day
                SELECT s.feed_id, s.gpu_id, s.tier, days.n, s.status, s.gpu_count_millionths, s.currency, s.price_low_micros,
                    s.price_high_micros, s.approximate, s.offers
                FROM series_day s, days
                WHERE s.feed_id = \(feed) AND s.gpu_id IN (SELECT DISTINCT gpu_id FROM offer WHERE feed_id = \(feed))
                  AND s.tier IN \(Tier.allCases.map(\.rawValue)) AND s.day = \(day.ordinal)
                """)
        if let next {
            try joinMeetingRuns(of: feed, before: end.description, after: next.day, in: db)
        }
        try reopenRuns(of: feed, in: db)
    }

    /// Joins each run of the feed that ends on `before` with the same offer's run that starts on `after` (the
    /// feed's next observed day) when both hold one value.
    private static func joinMeetingRuns(of feed: Int64, before: String, after: String, in db: Database) throws {
        let meeting = try Row.fetchAll(
            db,
            sql: """
                SELECT a.offer_id, b.last_seen AS last, b.last_snapshot_id AS last_snapshot FROM price_run a
                JOIN offer o ON o.id = a.offer_id
                JOIN price_run b ON b.offer_id = a.offer_id AND b.first_seen = ?
                WHERE o.feed_id = ? AND a.last_seen = ? AND a.status = b.status
                  AND a.price_low_micros IS b.price_low_micros AND a.price_high_micros IS b.price_high_micros
                  AND a.approximate = b.approximate AND a.note IS b.note
                """,
            arguments: [after, feed, before])
        for pair in meeting {
            let offer: Int64 = pair["offer_id"]
            let last: String = pair["last"]
            try db.execute(sql: "DELETE FROM price_run WHERE offer_id = ? AND last_seen = ?", arguments: [offer, last])
            try db.execute(
                sql: "UPDATE price_run SET last_seen = ?, last_snapshot_id = ? WHERE offer_id = ? AND last_seen = ?",
                arguments: [last, pair["last_snapshot"] as Int64?, offer, before])
        }
    }

    /// Takes snapshots out of the history: each day they observed of a feed is no longer observed, so runs
    /// lose that day (or vanish, when it was their only one), and runs on either side that now meet at the
    /// same value join. A day that another snapshot also observed for the same feed cannot be taken out alone,
    /// since the runs do not record which of the two saw which offer.
    static func removeFromHistory(_ snapshots: [Int64], in db: Database) throws {
        let removed = Set(snapshots)
        let days = try SQLRequest<Row>(
            literal: "SELECT DISTINCT feed_id, observed_on FROM feed_day WHERE snapshot_id IN \(snapshots)"
        ).fetchAll(db)
        for dayRow in days {
            let feed: Int64 = dayRow["feed_id"]
            let day: String = dayRow["observed_on"]
            let sharing = try Int64.fetchAll(
                db, sql: "SELECT snapshot_id FROM feed_day WHERE feed_id = ? AND observed_on = ?", arguments: [feed, day])
            if let other = sharing.first(where: { !removed.contains($0) }) {
                let provider = try String.fetchOne(db, sql: "SELECT provider_id FROM feed WHERE id = ?", arguments: [feed]) ?? ""
                throw StoreError.sharedDay(snapshot: sharing.first { removed.contains($0) } ?? 0, other: other, provider: provider, day: day)
            }
            if let latest = try latestDay(of: feed, in: db) { try closeOpenRuns(of: feed, on: latest, in: db) }
            try removeDay(day, of: feed, in: db)
            try reopenRuns(of: feed, in: db)
        }
    }

    /// Takes one day out of a feed whose runs are all closed.
    private static func removeDay(_ day: String, of feed: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM feed_day WHERE feed_id = ? AND observed_on = ?", arguments: [feed, day])
        try forgetSummary(of: day, of: feed, in: db)
        let previous = try neighbour(of: day, in: feed, before: true, in: db)
        let next = try neighbour(of: day, in: feed, before: false, in: db)
        let covering = try Row.fetchAll(
            db,
            sql: """
                SELECT r.* FROM price_run r JOIN offer o ON o.id = r.offer_id
                WHERE o.feed_id = ? AND r.first_seen <= ? AND r.last_seen >= ?
                """,
            arguments: [feed, day, day]
        ).map(Run.init)
        for var run in covering {
            if run.first == day && run.last == day {
                try delete(run, in: db)
                continue
            }
            if run.first == day, let next {
                run.first = next.day
                run.firstSnapshot = next.snapshot
            }
            if run.last == day, let previous {
                run.last = previous.day
                run.lastSnapshot = previous.snapshot
            }
            try update(run, in: db)
        }
        guard let previous, let next else { return }
        try joinMeetingRuns(of: feed, before: previous.day, after: next.day, in: db)
    }
}

/// What names an offer within its feed, as a snapshot's observation and a catalog's folded offer both carry it.
protocol StagedOffer {
    var gpuID: String { get }
    var gpuLabel: String { get }
    var variant: String { get }
    var gpuCount: GPUCount { get }
    var instance: String { get }
    var region: String { get }
    var tier: Tier { get }
}

extension Observation: StagedOffer {}
extension PriceStore.CatalogOffer: StagedOffer {}

import Foundation
import GRDB
import TestSupport
import Testing

@testable import PriceDB

/// The history is stored as price runs: re-observations extend them, changes start new ones, and the order in
/// which days arrive, or a day taken out again, must not change what the runs say.
@Suite struct RunTests {
    static let today = Day("2026-11-25")!

    /// A day's catalog of one cloud: `prices` maps an instance to its price; an instance left out is not offered.
    static func catalog(_ prices: [(instance: String, gpu: String, price: String)]) throws -> String {
        let path = Scratch.unique("runs", ".csv").path
        let rows = prices.map { "\($0.instance),\($0.gpu),1,\($0.price),us-east-1" }
        try (["InstanceType,AcceleratorName,AcceleratorCount,Price,Region"] + rows + [""]).joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A seeded history of `days` daily catalogs: each day about a tenth of the prices change, an offer or two
    /// disappears and some come back.
    static func history(days: Int, seed: UInt64) throws -> [(Day, String)] {
        var generator = ArithmeticTests.Generator(state: seed)
        let instances = (1...12).map { ("g\($0)", ["A10G", "L4", "T4", "H100"][$0 % 4]) }
        var prices = Dictionary(uniqueKeysWithValues: instances.map { ($0.0, Int.random(in: 50...400, using: &generator)) })
        var absent: Set<String> = []
        var files: [(Day, String)] = []
        var day = Day("2026-03-01")!
        for index in 0..<days {
            day = day.addingDays(1 + index % 2)
            for (instance, _) in instances where Int.random(in: 0..<10, using: &generator) == 0 {
                prices[instance, default: 100] += Int.random(in: -20...20, using: &generator)
            }
            if Int.random(in: 0..<3, using: &generator) == 0, let gone = instances.randomElement(using: &generator) {
                absent.insert(gone.0)
            }
            if Int.random(in: 0..<2, using: &generator) == 0, let back = absent.randomElement(using: &generator) {
                absent.remove(back)
            }
            let offered = instances.filter { !absent.contains($0.0) }.map { ($0.0, $0.1, "\(max(1, prices[$0.0] ?? 1)).00") }
            files.append((day, try catalog(offered)))
        }
        return files
    }

    static func store() throws -> (PriceStore, Ingestor) {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: today)
        _ = try ingestor.ingest(fileAt: FixturePaths.seed.path)
        return (store, ingestor)
    }

    /// A store holding a seeded history of `days` daily catalogs, ingested in an order the seed shuffles.
    static func shuffledHistory(days: Int, seed: UInt64) throws -> (files: [(Day, String)], store: PriceStore, ingestor: Ingestor) {
        let files = try history(days: days, seed: seed)
        let (store, ingestor) = try store()
        var generator = ArithmeticTests.Generator(state: seed)
        try ingest(files.shuffled(using: &generator), into: ingestor)
        return (files, store, ingestor)
    }

    static func ingest(_ files: [(Day, String)], into ingestor: Ingestor) throws {
        for (day, file) in files {
            _ = try ingestor.ingest(fileAt: file, catalogOptions: CatalogOptions(providerID: "aws", observedOn: day))
        }
    }

    /// The runs of the catalogs' feed, as comparable text (snapshot ids differ with the order of ingests).
    static func runs(_ store: PriceStore) throws -> [String] {
        try store.writer.read { (db: Database) throws in
            try String.fetchAll(
                db,
                sql: """
                    SELECT v.instance || ' ' || v.tier || ' ' || v.first_seen || '..' || v.last_seen || ' ' || v.price_low || ' x'
                        || (SELECT count(DISTINCT d.observed_on) FROM feed_day d JOIN feed f ON f.id = d.feed_id
                            WHERE f.provider_id = v.provider_id AND f.source = 'skypilot-csv'
                              AND d.observed_on BETWEEN v.first_seen AND v.last_seen)
                    FROM price_run_decimal v JOIN offer o ON o.id = v.offer_id
                    JOIN feed f ON f.id = o.feed_id
                    WHERE f.source = 'skypilot-csv'
                    ORDER BY v.instance, v.tier, v.first_seen
                    """)
        }
    }

    /// Every run's snapshots exist and observed its feed on its first and last day (an open run's last day is
    /// its feed's latest, and its last snapshot is not set yet).
    static func provenanceHolds(_ store: PriceStore) throws -> Bool {
        try store.writer.read { (db: Database) throws in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM price_run r JOIN offer o ON o.id = r.offer_id
                    WHERE NOT EXISTS (SELECT 1 FROM feed_day d WHERE d.feed_id = o.feed_id AND d.observed_on = r.first_seen
                                        AND d.snapshot_id = r.first_snapshot_id)
                       OR (r.last_seen != '9999-12-31' AND NOT EXISTS (
                            SELECT 1 FROM feed_day d WHERE d.feed_id = o.feed_id AND d.observed_on = r.last_seen
                              AND d.snapshot_id = r.last_snapshot_id))
                       OR (r.last_seen = '9999-12-31' AND r.first_seen > (SELECT max(observed_on) FROM feed_day d WHERE d.feed_id = o.feed_id))
                    """) == 0
        }
    }

    @Test func anUnchangedCatalogUnderANewDateExtendsItsRuns() throws {
        let (store, ingestor) = try Self.store()
        let file = try Self.catalog([("g1", "L4", "0.80"), ("g2", "A10G", "1.00")])
        for day in ["2026-03-01", "2026-03-02", "2026-03-03"] {
            let outcome = try ingestor.ingest(fileAt: file, catalogOptions: CatalogOptions(providerID: "aws", observedOn: Day(day)!))
            guard case .storedCatalog = outcome else {
                Issue.record("\(day): the same file under a new date was not recorded: \(outcome)")
                return
            }
        }
        let again = try ingestor.ingest(fileAt: file, catalogOptions: CatalogOptions(providerID: "aws", observedOn: Day("2026-03-03")!))
        guard case .alreadyIngested = again else {
            Issue.record("the same file for the same day and provider was stored twice")
            return
        }
        #expect(try Self.runs(store) == ["g1 on-demand 2026-03-01..2026-03-03 0.800000 x3", "g2 on-demand 2026-03-01..2026-03-03 1.000000 x3"])
        let changed = try Self.catalog([("g1", "L4", "0.75"), ("g2", "A10G", "1.00")])
        _ = try ingestor.ingest(fileAt: changed, catalogOptions: CatalogOptions(providerID: "aws", observedOn: Day("2026-03-04")!))
        #expect(try Self.runs(store) == [
            "g1 on-demand 2026-03-01..2026-03-03 0.800000 x3", "g1 on-demand 2026-03-04..2026-03-04 0.750000 x1",
            "g2 on-demand 2026-03-01..2026-03-04 1.000000 x4",
        ])
        let cell = try PriceQuery(store: store).cell(provider: "aws", gpu: "l4", asOf: Day("2026-03-03")!)
        #expect(cell.price == PriceRange(Money("0.80")!))
        #expect(try Self.provenanceHolds(store))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theOrderOfDaysDoesNotChangeTheRuns(seed: UInt64) throws {
        let files = try Self.history(days: 14, seed: seed)
        let (inOrder, ordered) = try Self.store()
        try Self.ingest(files, into: ordered)
        var generator = ArithmeticTests.Generator(state: seed &+ 100)
        let (shuffled, mixed) = try Self.store()
        try Self.ingest(files.shuffled(using: &generator), into: mixed)
        let (got, want) = (try Self.runs(shuffled), try Self.runs(inOrder))
        #expect(got == want, "\(got.filter { !want.contains($0) }) instead of \(want.filter { !got.contains($0) })")
        #expect(try Self.provenanceHolds(shuffled))
        #expect(try shuffled.check() == [] && inOrder.check() == [])
        for (day, _) in files {
            let gpus = ["a10g", "l4", "t4", "h100-80gb"]
            for gpu in gpus {
                #expect(try PriceQuery(store: shuffled).cell(provider: "aws", gpu: gpu, asOf: day)
                    == PriceQuery(store: inOrder).cell(provider: "aws", gpu: gpu, asOf: day))
            }
        }
    }

    @Test(arguments: [4, 5] as [UInt64])
    func aDayTakenOutLeavesTheRunsOfTheOtherDays(seed: UInt64) throws {
        let files = try Self.history(days: 10, seed: seed)
        let (store, ingestor) = try Self.store()
        try Self.ingest(files, into: ingestor)
        let (expected, direct) = try Self.store()
        try Self.ingest(files.enumerated().filter { ![0, 4, 9].contains($0.offset) }.map(\.element), into: direct)
        let catalogs = try store.snapshots().filter { $0.format == "skypilot-csv" }
        _ = try store.removeSnapshots(ids: [catalogs[4].id, catalogs[0].id, catalogs[9].id])
        #expect(try Self.runs(store) == Self.runs(expected))
        #expect(try Self.provenanceHolds(store))
        #expect(try store.check() == [])
    }

    @Test func aCorrectedDayReplacesTheWrongOne() throws {
        let (store, ingestor) = try Self.store()
        let right = try Self.catalog([("g1", "L4", "0.80")])
        let wrong = try Self.catalog([("g1", "L4", "8.00")])
        for (day, file) in [("2026-03-01", right), ("2026-03-02", wrong), ("2026-03-03", right)] {
            _ = try ingestor.ingest(fileAt: file, catalogOptions: CatalogOptions(providerID: "aws", observedOn: Day(day)!))
        }
        #expect(try Self.runs(store).count == 3)
        let outcome = try ingestor.ingest(
            fileAt: right, catalogOptions: CatalogOptions(providerID: "aws", observedOn: Day("2026-03-02")!), replacing: true)
        guard case .storedCatalog(_, _, let replaced) = outcome else {
            Issue.record("the correction was not stored: \(outcome)")
            return
        }
        #expect(replaced.count == 1)
        #expect(try Self.runs(store) == ["g1 on-demand 2026-03-01..2026-03-03 0.800000 x3"])
        #expect(try Self.provenanceHolds(store))
        #expect(try store.check() == [])
    }
}

extension Day {
    /// The day `days` days later.
    func addingDays(_ days: Int) -> Day {
        var day = self
        for _ in 0..<days {
            day = Day(year: day.year, month: day.month, day: day.day + 1)
                ?? Day(year: day.year, month: day.month + 1, day: 1) ?? Day(year: day.year + 1, month: 1, day: 1)!
        }
        return day
    }
}

/// `series_day` is derived from the runs; a damaged summary is found by `check`, and the summary answers the
/// grid and the spreads exactly as the runs do (the region filter still reads the runs).
@Suite struct SeriesDayTests {
    @Test(arguments: [6, 7] as [UInt64])
    func theSummaryAnswersAsTheRunsDo(seed: UInt64) throws {
        let (files, store, _) = try RunTests.shuffledHistory(days: 12, seed: seed)
        let gpus = ["a10g", "l4", "t4", "h100-80gb"]
        for (day, _) in files + [(files[0].0.adding(days: -1), ""), (files[files.count - 1].0.adding(days: 40), "")] {
            let filter = PriceStore.SeriesFilter(providers: ["aws"], gpus: gpus, tiers: Tier.allCases)
            // An empty region list leaves only offers without a region; "every region" reads the runs.
            var everyRegion = filter
            everyRegion.regions = try store.regions()
            let fromSummaries = PriceQuery(store: store, tiers: Tier.allCases)
            var fromOffers = fromSummaries
            fromOffers.regions = everyRegion.regions
            let summary = try fromSummaries.cells(providers: filter.providers, gpus: gpus, asOf: day)
            let runs = try fromOffers.cells(providers: filter.providers, gpus: gpus, asOf: day)
            #expect(summary == runs, "as of \(day)")
            let from = files[0].0, through = day
            if from <= through {
                let daily = try store.dailyOfferGroups(from: from, through: through, filter).mapValues(Set.init)
                let dailyRuns = try store.dailyOfferGroups(from: from, through: through, everyRegion).mapValues(Set.init)
                #expect(daily == dailyRuns, "from \(from) through \(through)")
            }
        }
    }

    @Test func aMissingIndexIsFoundByCheck() throws {
        let (store, ingestor) = try RunTests.store()
        try RunTests.ingest(try RunTests.history(days: 2, seed: 9), into: ingestor)
        #expect(try store.check() == [])
        try store.writer.write { db in try db.execute(sql: "DROP INDEX price_run_open") }
        #expect(
            try store.check() == [
                PriceStore.Problem(
                    check: "schema",
                    message: "the index price_run_open is missing; restore the database from a backup, or create the index "
                        + "again as Migrations/0008_open_runs.sql does"),
                PriceStore.Problem(check: "history", message: "the rules of the history are checked once the problems above are mended"),
            ])
        let report = ReportBuilder(store: store)
        #expect {
            _ = try report.build(ReportRequest(period: Period("2026-03")!, sections: [.providers]))
        } throws: { error in
            ((error as? any LocalizedError)?.errorDescription ?? "")
                .contains("no such index: price_run_open; `pricedb check` names what the database lacks")
        }
    }

    @Test func aSummaryThatDiffersFromTheRunsIsFoundByCheck() throws {
        let (store, ingestor) = try RunTests.store()
        try RunTests.ingest(try RunTests.history(days: 3, seed: 9), into: ingestor)
        #expect(try store.check() == [])
        try store.writer.write { db in try db.execute(sql: "UPDATE series_day SET offers = offers + 1 WHERE day = (SELECT min(day) FROM series_day)") }
        #expect(try store.check().map(\.message).contains { $0.contains("series_day") })
        // A summary missing, and one too many, are found too.
        let (missing, _) = try RunTests.store()
        try RunTests.ingest(try RunTests.history(days: 3, seed: 9), into: Ingestor(store: missing, today: RunTests.today))
        try missing.writer.write { db in
            let key = try #require(
                try Row.fetchOne(db, sql: "SELECT feed_id, gpu_id, tier, day, status, gpu_count_millionths, currency FROM series_day"))
            try db.execute(
                sql: """
                    DELETE FROM series_day WHERE feed_id = ? AND gpu_id = ? AND tier = ? AND day = ? AND status = ?
                      AND gpu_count_millionths = ? AND currency = ?
                    """,
                arguments: StatementArguments(Array(key.databaseValues)))
        }
        #expect(try missing.check().map(\.message) == ["1 day summaries (series_day) that differ from the runs, or are missing"])
        try missing.writer.write { db in
            try db.execute(sql: "INSERT INTO series_day SELECT feed_id, gpu_id, tier, day + 1000, status, gpu_count_millionths, currency, price_low_micros, price_high_micros, approximate, offers FROM series_day LIMIT 1")
        }
        #expect(try missing.check().map(\.message) == ["2 day summaries (series_day) that differ from the runs, or are missing"])
        // And one of a GPU the feed never offered.
        try missing.writer.write { db in
            try db.execute(sql: "INSERT INTO series_day SELECT feed_id, 'v100-16gb', tier, day, status, gpu_count_millionths, currency, price_low_micros, price_high_micros, approximate, offers FROM series_day LIMIT 1")
        }
        #expect(try missing.check().map(\.message) == ["3 day summaries (series_day) that differ from the runs, or are missing"])
    }
}

@Suite struct OpenRunTests {
    /// A price list as of a feed's latest day reads the open runs from `price_run_open`; any day can also be
    /// read by seeking each offer's run. Both must give the same rows, after days arrived in any order (which
    /// closes and opens runs again) and after a day is taken out.
    @Test(arguments: [6, 8] as [UInt64])
    func theOpenRunsAreTheRunsOfTheLatestDay(seed: UInt64) throws {
        let (files, store, ingestor) = try RunTests.shuffledHistory(days: 10, seed: seed)
        try compareOpenRuns(in: store)
        // Taking out the latest day opens the runs of the day before it again.
        let catalogs = try store.snapshots().filter { $0.format == "skypilot-csv" }
        _ = try store.removeSnapshots(ids: [catalogs[catalogs.count / 2].id, catalogs[catalogs.count - 1].id])
        try compareOpenRuns(in: store)
        try RunTests.ingest([files[files.count - 1]], into: ingestor)
        try compareOpenRuns(in: store)
    }

    private func compareOpenRuns(in store: PriceStore) throws {
        try store.writer.read { (db: Database) throws in
            let feeds = try Row.fetchAll(db, sql: "SELECT feed_id, max(observed_on) AS latest FROM feed_day GROUP BY feed_id")
            #expect(!feeds.isEmpty)
            for feed in feeds {
                let latest = try #require(Day(feed["latest"] as String))
                func rows(openRuns: Bool) throws -> [[DatabaseValue]] {
                    let query = PriceStore.priceListQuery(
                        feeds: [feed["feed_id"]], openRuns: openRuns, gpus: try String.fetchAll(db, sql: "SELECT id FROM gpu"),
                        tiers: Tier.allCases, regions: nil, on: latest)
                    return try SQLRequest<Row>(literal: query).fetchAll(db).map { Array($0.databaseValues) }
                        .sorted { "\($0)" < "\($1)" }
                }
                let open = try rows(openRuns: true)
                #expect(!open.isEmpty)
                #expect(open == (try rows(openRuns: false)), "feed \(feed["feed_id"] as Int64) on \(latest)")
            }
        }
    }
}

extension IndexTests {
    /// A price list reads offers through the covering unique index and, as of the feeds' latest day, their open
    /// runs from `price_run_open`; as of an older day, a seek of `price_run`'s key per offer. Never a scan.
    @Test func aPriceListIsAnsweredBySeeks() throws {
        let store = try PriceStore.inMemory()
        for openRuns in [true, false] {
            let plan = try store.writer.read { (db: Database) throws in
                let query = PriceStore.priceListQuery(
                    feeds: [1, 2], openRuns: openRuns, gpus: ["a100-40gb", "h100-80gb"], tiers: Tier.reportedByDefault,
                    regions: nil, on: Day("2026-02-28")!)
                return try SQLRequest<Row>(literal: "EXPLAIN QUERY PLAN " + query).fetchAll(db).map { $0["detail"] as String }
            }
            let runs = openRuns ? "USING COVERING INDEX price_run_open (offer_id=? AND status=?)" : "USING PRIMARY KEY (offer_id=? AND last_seen>?)"
            #expect(plan.contains { $0.contains(runs) }, "\(plan)")
            #expect(plan.contains { $0.contains("USING COVERING INDEX sqlite_autoindex_offer_1") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
        }
    }
}

@Suite struct FoldTests {
    /// A catalog too large to fold in memory spills its offers to the store, which folds them further: the
    /// history must be the same as when everything fits, on a first day and on a day after it.
    @Test func aSpilledCatalogStoresWhatAFoldedOneDoes() throws {
        func catalog(shift: Int) throws -> String {
            let path = Scratch.unique("fold", ".csv").path
            var rows = ["InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region,AvailabilityZone"]
            for instance in 1...7 {
                for region in ["us-east-1", "eu-west-1"] {
                    // Each instance in three zones of a region, listed apart, at prices that differ by zone.
                    for zone in ["a", "b", "c"] {
                        let price = 100 * instance + (zone == "b" ? 7 : 0) + (instance == 3 ? shift : 0)
                        let spot = instance % 2 == 0 ? "" : "0.\(price % 100 + 10)"
                        rows.append("g\(instance).xlarge,\(["A10G", "L4", "T4"][instance % 3]),1,\(price).5,\(spot),\(region),\(region)\(zone)")
                    }
                }
            }
            var generator = ArithmeticTests.Generator(state: 5)
            try ([rows[0]] + rows.dropFirst().shuffled(using: &generator) + [""]).joined(separator: "\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let days = [(Day("2026-03-01")!, try catalog(shift: 0)), (Day("2026-03-02")!, try catalog(shift: 3))]
        func stored(foldLimit: Int) throws -> [[String]] {
            let store = try PriceStore.inMemory()
            for (day, file) in days {
                var reader = SkyPilotCatalog(
                    path: file,
                    options: CatalogOptions(providerID: "aws", observedOn: day, providerName: "AWS", providerKind: .hyperscaler),
                    catalog: try store.catalog(), today: RunTests.today)
                reader.foldLimit = foldLimit
                _ = try reader.ingest(into: store, knownProviders: try store.providers(), replacing: false)
            }
            #expect(try store.check() == [])
            // Offers are compared by what they are: a spilled catalog numbers them in another order.
            let offer = "o.feed_id, o.provider_id, o.gpu_id, o.gpu_label, o.variant, o.gpu_count_millionths, o.instance, o.region, o.tier, o.currency"
            return try store.writer.read { (db: Database) throws in
                try [
                    "SELECT \(offer) FROM offer o ORDER BY \(offer)",
                    """
                    SELECT \(offer), r.first_seen, r.last_seen, r.price_low_micros, r.price_high_micros, r.status, r.approximate,
                        r.note, r.first_snapshot_id, r.last_snapshot_id
                    FROM price_run r JOIN offer o ON o.id = r.offer_id ORDER BY \(offer), r.last_seen
                    """,
                    "SELECT * FROM series_day",
                ].map { sql in try Row.fetchAll(db, sql: sql).map(\.description) }
            }
        }
        let folded = try stored(foldLimit: ZoneFolder.defaultLimit)
        // 7 instances in 2 regions on demand, and the 4 odd ones at spot prices too.
        #expect(folded[0].count == 14 + 8)
        #expect(try stored(foldLimit: 2) == folded)
    }
}

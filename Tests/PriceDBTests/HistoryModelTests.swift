import Foundation
import GRDB
import Testing

@testable import PriceDB

/// The history must depend only on the set of snapshots held. Seeded random sequences of ingests, corrections
/// (`--replace`) and removals over a few feeds, offers, days, prices and statuses are run against the store and
/// against a plain model (each feed's sightings per day); after every sequence the stored runs must be exactly
/// the model's, in their one canonical form, and equal to those of a fresh database fed the surviving snapshots
/// in date order.
@Suite struct HistoryModelTests {
    /// How many sequences `swift test` runs; `scripts/fuzz` runs more through `PRICEDB_MODEL_SEQUENCES`.
    static let sequenceCount = ProcessInfo.processInfo.environment["PRICEDB_MODEL_SEQUENCES"].flatMap(Int.init) ?? 2_000

    /// The sequences in ten slices, which Swift Testing runs in parallel.
    @Test(arguments: 0..<10)
    func randomSequencesAgreeWithTheModel(slice: Int) throws {
        let template = try HistoryModel.emptyStore()
        var failures: [String] = []
        for seed in stride(from: UInt64(slice) + 1, through: UInt64(Self.sequenceCount), by: 10) {
            if let failure = try HistoryModel.run(seed: seed, template: template) {
                failures.append("seed \(seed): \(failure)")
                if failures.count >= 3 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The three reproductions of a day landing inside a run: each must give what date order gives.
    @Test(arguments: [
        ("a late day inside a run of one price", [("2026-01-17", "1.00"), ("2026-02-07", "1.00"), ("2026-01-26", "2.00")]),
        ("a day inside a run of two prices", [("2026-01-17", "1.00-2.00"), ("2026-02-07", "1.00-2.00"), ("2026-01-26", "3.00-4.00")]),
        ("an unavailable day inside a run", [("2026-01-17", "1.00"), ("2026-02-07", "1.00"), ("2026-01-26", "unavailable")]),
    ])
    func aDayInsideARunTakesItsOwnValue(name: String, days: [(String, String)]) throws {
        let late = try HistoryModel.emptyStore()
        for (day, value) in days { _ = try late.record(HistoryModel.oneOffer(day: day, value: value)) }
        let ordered = try HistoryModel.emptyStore()
        for (day, value) in days.sorted(by: { $0.0 < $1.0 }) { _ = try ordered.record(HistoryModel.oneOffer(day: day, value: value)) }
        #expect(try HistoryModel.dump(late) == HistoryModel.dump(ordered), "\(name)")
        #expect(try HistoryModel.dump(late).count == 3, "\(name)")
        #expect(try late.check() == [])
    }

    @Test func aCorrectionPutBackIsTheOriginalDay() throws {
        let store = try HistoryModel.emptyStore()
        for (day, value) in [("2026-01-17", "1.00"), ("2026-01-26", "9.00"), ("2026-02-07", "1.00")] {
            _ = try store.record(HistoryModel.oneOffer(day: day, value: value))
        }
        let original = try HistoryModel.dump(store)
        _ = try store.record(HistoryModel.oneOffer(day: "2026-01-26", value: "1.00", file: "fix"), replacing: true)
        #expect(try HistoryModel.dump(store).count == 1)
        _ = try store.record(HistoryModel.oneOffer(day: "2026-01-26", value: "9.00", file: "back"), replacing: true)
        #expect(try HistoryModel.dump(store) == original)
        #expect(try store.check() == [])
    }

    /// Sequences that found defects, by their seeds.
    @Test(arguments: [
        ("the note of a second file of a day does not depend on which came first", 4 as UInt64),
        ("a status's note of a second file of a day does not depend on which came first", 8),
        ("a run is one run again once the days that split it agree", 14),
    ])
    func aSequenceThatOnceFailed(name: String, seed: UInt64) throws {
        let failure = try HistoryModel.run(seed: seed, template: HistoryModel.emptyStore())
        #expect(failure == nil, "\(name): \(failure ?? "")")
    }
}

/// A plain model of the history: the snapshots held, each a feed's sightings on a day.
enum HistoryModel {
    struct Sighting: Hashable {
        var offer: String
        var low: Int64?
        var high: Int64?
        var status: String
        var approximate: Bool
        var note: String?
    }

    struct Snapshot {
        var id: Int64
        var day: String
        var source: String
        var sha: String
        /// Sightings per provider.
        var sightings: [String: [Sighting]]
        var record: SnapshotRecord
        var providers: [String] { sightings.keys.sorted() }
    }

    static let providers = ["pa", "pb"]
    static let sources = ["s1", "s2"]
    static let days = (10...17).map { "2026-03-\($0)" }
    static let offers = ["i1", "i2", "i3"]

    static func emptyStore() throws -> PriceStore {
        let store = try PriceStore.inMemory()
        try store.writer.write { db in
            for id in providers {
                try PriceStore.upsert(Provider(id: id, name: id.uppercased(), shortName: id, kind: .other, url: nil), in: db)
            }
        }
        return store
    }

    /// A copy of `template` in memory, through SQLite's backup API: cheaper than migrating a new database.
    static func copy(of template: PriceStore) throws -> PriceStore {
        let queue = try DatabaseQueue()
        try template.writer.backup(to: queue)
        return try PriceStore(writer: queue, path: ":memory:")
    }

    /// One snapshot of provider `pa`'s single L4 offer, as the reproductions describe them: a price, a range
    /// (`1.00-2.00`) or a status.
    static func oneOffer(day: String, value: String, file: String = "day") -> SnapshotRecord {
        let sighting: Sighting
        let parts = value.split(separator: "-").compactMap { Money(String($0))?.micros }
        if parts.isEmpty {
            sighting = Sighting(offer: "i1", low: nil, high: nil, status: value, approximate: false, note: nil)
        } else {
            sighting = Sighting(offer: "i1", low: parts.first, high: parts.last, status: "available", approximate: false, note: nil)
        }
        return record(day: day, source: "s1", sightings: ["pa": [sighting]], fileName: file + value)
    }

    static func record(day: String, source: String, sightings: [String: [Sighting]], fileName: String) -> SnapshotRecord {
        let observedOn = Day(day)!
        let observations = sightings.sorted { $0.key < $1.key }.flatMap { provider, list in
            list.map { sighting in
                Observation(
                    providerID: provider, gpuID: "l4", gpuLabel: "L4", instance: sighting.offer, tier: .marketplace,
                    price: sighting.low.map { PriceRange(low: Money(micros: $0), high: Money(micros: sighting.high ?? $0)) },
                    status: Status(rawValue: sighting.status)!, approximate: sighting.approximate, observedOn: observedOn,
                    note: sighting.note)
            }
        }
        let content = "\(day) \(source) \(observations.map { "\($0)" })"
        let gpu = GPU(id: "l4", name: "L4", memoryGB: 24, gpuClass: .datacenter)
        return SnapshotRecord(
            sha256: ContentHash.of(Array(content.utf8)), format: "pricedb-snapshot/1", observedOn: observedOn,
            source: Source(name: source, url: nil, published: nil), fileName: fileName, providers: [], declaredGPUs: [],
            usedGPUs: [gpu], observations: observations, skippedCount: 0)
    }

    /// Several files of one day and source merge: a price outweighs a status, and the lowest and highest
    /// prices stand; the marks and notes as `RunValue.merged` keeps them.
    static func merge(_ sightings: [Sighting]) -> Sighting {
        let priced = sightings.filter { $0.low != nil }
        let note = sightings.compactMap(\.note).min()
        if priced.isEmpty {
            return Sighting(
                offer: sightings[0].offer, low: nil, high: nil, status: sightings.map(\.status).min()!,
                approximate: sightings.contains { $0.approximate }, note: note)
        }
        return Sighting(
            offer: sightings[0].offer, low: priced.compactMap(\.low).min(), high: priced.compactMap(\.high).max(),
            status: "available", approximate: priced.contains { $0.approximate }, note: note)
    }

    /// The runs the model's snapshots make, one line each, sorted: maximal spans of a feed's days at one value.
    static func expectedRuns(_ held: [Snapshot]) -> [String] {
        var feedDays: [String: Set<String>] = [:]
        var seen: [String: [String: [Sighting]]] = [:]
        for snapshot in held {
            for (provider, sightings) in snapshot.sightings {
                let feed = "\(provider) \(snapshot.source)"
                feedDays[feed, default: []].insert(snapshot.day)
                for sighting in sightings { seen["\(feed) \(sighting.offer)", default: [:]][snapshot.day, default: []].append(sighting) }
            }
        }
        var lines: [String] = []
        for (key, byDay) in seen {
            let feed = key.split(separator: " ").prefix(2).joined(separator: " ")
            var current: (first: String, last: String, value: Sighting)?
            for day in feedDays[feed, default: []].sorted() {
                let value = byDay[day].map(merge)
                if let value, let run = current, run.value == value {
                    current?.last = day
                    continue
                }
                if let run = current { lines.append(line(key, run.first, run.last, run.value)) }
                current = value.map { (day, day, $0) }
            }
            if let run = current { lines.append(line(key, run.first, run.last, run.value)) }
        }
        return lines.sorted()
    }

    static func line(_ key: String, _ first: String, _ last: String, _ value: Sighting) -> String {
        "\(key) \(first)..\(last) \(value.low.map(String.init) ?? "-")..\(value.high.map(String.init) ?? "-") \(value.status)"
            + " \(value.approximate ? "~" : "=") \(value.note ?? "-")"
    }

    /// The stored runs in the model's form.
    static func dump(_ store: PriceStore) throws -> [String] {
        try store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.provider_id, f.source, o.instance, r.first_seen,
                        CASE WHEN r.last_seen = '9999-12-31'
                            THEN (SELECT max(d.observed_on) FROM feed_day d WHERE d.feed_id = f.id) ELSE r.last_seen END AS last,
                        r.price_low_micros, r.price_high_micros, r.status, r.approximate, r.note
                    FROM price_run r JOIN offer o ON o.id = r.offer_id JOIN feed f ON f.id = o.feed_id
                    """
            ).map { row in
                line(
                    "\(row["provider_id"] as String) \(row["source"] as String) \(row["instance"] as String)",
                    row["first_seen"], row["last"],
                    Sighting(
                        offer: row["instance"], low: row["price_low_micros"], high: row["price_high_micros"],
                        status: row["status"], approximate: row["approximate"], note: row["note"]))
            }.sorted()
        }
    }

    /// The summary table and the days observed, as text, for comparing two stores that hold the same snapshots.
    static func summary(_ store: PriceStore) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT f.provider_id || ' ' || f.source || ' ' || s.gpu_id || ' ' || s.tier || ' ' || s.day || ' '
                        || s.status || ' ' || coalesce(s.price_low_micros, '-') || ' ' || coalesce(s.price_high_micros, '-')
                        || ' ' || s.approximate || ' ' || s.offers
                    FROM series_day s JOIN feed f ON f.id = s.feed_id
                    UNION ALL
                    SELECT DISTINCT f.provider_id || ' ' || f.source || ' day ' || d.observed_on
                    FROM feed_day d JOIN feed f ON f.id = d.feed_id
                    ORDER BY 1
                    """)
        }
    }

    static func randomSighting(_ offer: String, using generator: inout ArithmeticTests.Generator) -> Sighting {
        let note = [nil, nil, "n1", "n2"].randomElement(using: &generator)!
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: return Sighting(offer: offer, low: nil, high: nil, status: "unavailable", approximate: false, note: note)
        case 1: return Sighting(offer: offer, low: nil, high: nil, status: "coming-soon", approximate: false, note: note)
        case 2: return Sighting(offer: offer, low: 1_000_000, high: 2_000_000, status: "available", approximate: false, note: note)
        default:
            let price = Int64(Int.random(in: 1...3, using: &generator)) * 1_000_000
            return Sighting(
                offer: offer, low: price, high: price, status: "available",
                approximate: Int.random(in: 0..<6, using: &generator) == 0, note: note)
        }
    }

    /// Runs one seeded sequence; `nil` when the store agreed with the model throughout, else what differed.
    static func run(seed: UInt64, template: PriceStore) throws -> String? {
        var generator = ArithmeticTests.Generator(state: seed)
        let store = try copy(of: template)
        var held: [Snapshot] = []
        var log: [String] = []
        let steps = Int.random(in: 3...14, using: &generator)
        for step in 0..<steps {
            let action = Int.random(in: 0..<10, using: &generator)
            if action < 2, !held.isEmpty {
                let victim = held.randomElement(using: &generator)!
                let shared = held.contains { other in
                    other.id != victim.id && other.day == victim.day && other.source == victim.source
                        && !Set(other.providers).isDisjoint(with: victim.providers)
                }
                log.append("remove \(victim.id)")
                do {
                    _ = try store.removeSnapshots(ids: [victim.id])
                    if shared { return "removing \(victim.id) was allowed though another snapshot shares its day\n\(log)" }
                    held.removeAll { $0.id == victim.id }
                } catch {
                    if !shared { return "removing \(victim.id) was refused: \(error)\n\(log)" }
                }
                continue
            }
            let day = days.randomElement(using: &generator)!
            let source = sources.randomElement(using: &generator)!
            let chosen = providers.filter { _ in Int.random(in: 0..<3, using: &generator) > 0 }
            let observing = chosen.isEmpty ? [providers.randomElement(using: &generator)!] : chosen
            var sightings: [String: [Sighting]] = [:]
            for provider in observing {
                let listed = offers.filter { _ in Int.random(in: 0..<4, using: &generator) > 0 }
                sightings[provider] = (listed.isEmpty ? ["i1"] : listed).map { randomSighting($0, using: &generator) }
            }
            let record = record(day: day, source: source, sightings: sightings, fileName: "step\(step)")
            let replacing = action < 4
            log.append("\(replacing ? "replace" : "ingest") \(day) \(source) \(sightings.sorted { $0.key < $1.key })")
            let duplicate = held.contains {
                $0.sha == record.sha256 && $0.day == day && $0.providers == sightings.keys.sorted()
            }
            let replaced = replacing
                ? held.filter { $0.day == day && $0.source == source && !Set($0.providers).isDisjoint(with: observing) } : []
            let dropsProviders = replaced.contains { !Set($0.providers).isSubset(of: observing) }
            do {
                let outcome = try store.record(record, replacing: replacing)
                switch outcome {
                case .alreadyIngested:
                    if !duplicate { return "a new snapshot was taken for one ingested before\n\(log)" }
                case .stored(let stored, let removed):
                    if duplicate { return "a snapshot was stored twice\n\(log)" }
                    if dropsProviders { return "a correction dropped providers it does not carry\n\(log)" }
                    if Set(removed.map(\.id)) != Set(replaced.map(\.id)) {
                        return "the correction replaced \(removed.map(\.id)), not \(replaced.map(\.id))\n\(log)"
                    }
                    held.removeAll { snapshot in removed.contains { $0.id == snapshot.id } }
                    held.append(Snapshot(id: stored.id, day: day, source: source, sha: record.sha256, sightings: sightings, record: record))
                }
            } catch {
                if !(dropsProviders && !duplicate) { return "the write was refused: \(error)\n\(log)" }
            }
        }
        let stored = try dump(store)
        let expected = expectedRuns(held)
        if stored != expected {
            return "runs \(stored.filter { !expected.contains($0) }) instead of \(expected.filter { !stored.contains($0) })\n\(log)"
        }
        let problems = try store.check()
        if !problems.isEmpty { return "check found \(problems)\n\(log)" }
        let fresh = try copy(of: template)
        for snapshot in held.sorted(by: { ($0.day, $0.id) < ($1.day, $1.id) }) { _ = try fresh.record(snapshot.record) }
        if try summary(fresh) != summary(store) || dump(fresh) != stored {
            return "a fresh database fed in date order differs\n\(log)"
        }
        return nil
    }
}

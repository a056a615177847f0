import Foundation
import GRDB
import Testing

@testable import PriceDB

@Suite struct IngestTests {
    static let today = Day("2026-11-25")!

    func seededStore() throws -> (PriceStore, Ingestor) {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Self.today)
        guard case .stored = try ingestor.ingest(fileAt: FixturePaths.seed.path) else {
            Issue.record("the seed was not stored")
            return (store, ingestor)
        }
        return (store, ingestor)
    }

    @Test func theSeedIsStoredWithExactPrices() throws {
        let (store, _) = try seededStore()
        try store.writer.read { (db: Database) throws in
            let vast = try #require(
                try Row.fetchOne(
                    db,
                    sql: "SELECT price_low_micros, price_high_micros FROM \(StoredObservations.table) WHERE provider_id = 'vast' AND gpu_id = 'rtx-4090'"))
            #expect(vast[0] as Int64 == 290_000)
            #expect(vast[1] as Int64 == 780_000)
            let p4d = try #require(
                try Row.fetchOne(
                    db,
                    sql: "SELECT gpu_count_millionths, price_low_micros, gpu_id FROM \(StoredObservations.table) WHERE instance = 'p4d.24xlarge'"))
            #expect(p4d[0] as Int64 == 8_000_000)
            #expect(p4d[1] as Int64 == 32_770_000)
            #expect(p4d[2] as String == "a100-40gb")
            let nonIntegers = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM \(StoredObservations.table)
                    WHERE (price_low_micros IS NOT NULL AND typeof(price_low_micros) != 'integer')
                       OR (price_high_micros IS NOT NULL AND typeof(price_high_micros) != 'integer')
                    """)
            #expect(nonIntegers == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM provider") == 6)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(StoredObservations.table) WHERE status = 'coming-soon'") == 3)
            let runpodSXM = try String.fetchOne(
                db, sql: "SELECT variant FROM \(StoredObservations.table) WHERE provider_id = 'runpod' AND gpu_label = 'A100 SXM (80GB)'")
            #expect(runpodSXM == "SXM")
        }
        let snapshot = try #require(try store.snapshots().first)
        #expect(snapshot.observedOn == Day("2026-02-07"))
        #expect(snapshot.source.published == Day("2026-02-11"))
        #expect(snapshot.providerCount == 6)
        let features = try store.features(asOf: Day("2026-02-07")!)
        #expect(features["gpuflow"]?.first { $0.name == "crypto_payments" }?.value == .string("primary"))
        #expect(features["aws"]?.first { $0.name == "consumer_gpus" }?.value == .boolean(false))
        #expect(try store.features(asOf: Day("2026-02-06")!).isEmpty)
    }

    @Test func theSameFileTwiceIsSkipped() throws {
        let (store, ingestor) = try seededStore()
        let before = try store.rowCounts()
        guard case .alreadyIngested(let earlier) = try ingestor.ingest(fileAt: FixturePaths.seed.path) else {
            Issue.record("the second ingest was not recognised")
            return
        }
        #expect(earlier.id == 1)
        #expect(try store.rowCounts() == before)
    }

    @Test func aDryRunWritesNothing() throws {
        let store = try PriceStore.inMemory()
        let before = try store.rowCounts()
        let outcome = try Ingestor(dryRunOf: store, today: Self.today).ingest(fileAt: FixturePaths.seed.path)
        guard case .validated(let record, _) = outcome else {
            Issue.record("expected a validated record")
            return
        }
        #expect(record.observations.count == 57)
        #expect(try store.rowCounts() == before)
        let declaring = """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-05-01", "providers": [{"id": "x", "name": "X"}],
             "gpus": [{"id": "mi355x", "name": "MI355X", "memory_gb": 288, "class": "datacenter"}],
             "observations": [{"provider": "x", "gpu": "MI355X", "price": 3.5}]}
            """
        guard case .validated(let declared, _) = try Ingestor(dryRunOf: store, today: Self.today)
            .ingest(bytes: Array(declaring.utf8), fileName: "new.json")
        else {
            Issue.record("expected a validated record")
            return
        }
        #expect(Listings.observations(declared).rendered().contains("x         MI355X"))
    }

    /// Every bad input fails with exactly the messages its `.expected` file holds, and stores nothing.
    @Test(arguments: FixturePaths.files(in: "invalid", withExtension: "json"))
    func invalidFixturesFailWithTheirExpectedMessages(file: URL) throws {
        let (store, ingestor) = try seededStore()
        let before = try store.rowCounts()
        let expected = try String(
            contentsOf: file.deletingPathExtension().appendingPathExtension("expected"), encoding: .utf8
        ).replacingOccurrences(of: "{today}", with: Self.today.description)
        let relative = "Fixtures/invalid/" + file.lastPathComponent
        let bytes = [UInt8](try Data(contentsOf: file))
        #expect {
            try ingestor.ingest(bytes: bytes, fileName: relative)
        } throws: { error in
            guard let error = error as? IngestError, case .invalid = error else { return false }
            #expect(error.exitCode == 65)
            #expect(error.localizedDescription + "\n" == expected)
            return true
        }
        #expect(try store.rowCounts() == before)
    }

    @Test func thereAreAtLeastTwentyInvalidFixturesEachWithItsMessage() {
        let inputs = FixturePaths.files(in: "invalid", withExtension: "json")
        #expect(inputs.count >= 20)
        for input in inputs {
            let expected = input.deletingPathExtension().appendingPathExtension("expected")
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(input.lastPathComponent) has no .expected")
        }
    }

    @Test func aDeclaredGPUAndAnUpdatedProviderAreRecorded() throws {
        let (store, ingestor) = try seededStore()
        let json = """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-05-01T08:00:00Z",
             "providers": [{"id": "runpod", "kind": "managed-cloud", "features": {"uptime_sla": "99.9%"}},
                           {"id": "lambda", "name": "Lambda", "kind": "managed-cloud"}],
             "gpus": [{"id": "mi355x", "name": "MI355X", "memory_gb": 288, "class": "datacenter", "aliases": ["Instinct MI355X"]},
                      {"id": "rtx-a6000", "name": "RTX A6000", "memory_gb": 48, "class": "consumer", "aliases": ["A6000 48GB"]}],
             "observations": [
               {"provider": "lambda", "gpu": "instinct-mi355x", "price": 3.5},
               {"provider": "runpod", "gpu": "A6000 48GB", "tier": "community", "price": 0.33, "currency": "EUR"}
             ]}
            """
        guard case .stored(let snapshot, _) = try ingestor.ingest(bytes: Array(json.utf8), fileName: "may.json") else {
            Issue.record("not stored")
            return
        }
        #expect(snapshot.observedOn == Day("2026-05-01"))
        let catalog = try store.catalog()
        #expect(catalog.resolve("MI355X")?.gpu.memoryGB == 288)
        #expect(catalog.resolve("A6000 48GB")?.gpu.id == "rtx-a6000")
        let runpod = try #require(try store.providers().first { $0.id == "runpod" })
        #expect(runpod.name == "RunPod")
        #expect(runpod.shortName == "RunPod")
        #expect(try store.features(asOf: Day("2026-06-01")!)["runpod"] == [ProviderFeature(name: "uptime_sla", value: .string("99.9%"))])
        #expect(try store.features(asOf: Day("2026-03-01")!)["runpod"]?.count == 9)
    }

    @Test func aDeclaredGPUMayNotRedefineAKnownOne() throws {
        let json = """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-05-01",
             "providers": [{"id": "x", "name": "X"}],
             "gpus": [{"id": "rtx-4090", "name": "RTX 4090", "memory_gb": 48, "class": "consumer"}],
             "observations": [{"provider": "x", "gpu": "RTX 4090", "price": 1}]}
            """
        let ingestor = Ingestor(store: try PriceStore.inMemory(), today: Self.today)
        #expect(throws: IngestError.self) { try ingestor.ingest(bytes: Array(json.utf8), fileName: "x.json") }
    }

    @Test func everyProblemOfAFileIsReportedAtOnce() throws {
        let json = """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-05-01",
             "providers": [{"id": "x", "name": "X"}],
             "observations": [{"provider": "y", "gpu": "RTX 4090", "price": -1},
                              {"provider": "x", "gpu": "RTX 9999", "price": 1, "tier": "cheap"}]}
            """
        let ingestor = Ingestor(store: try PriceStore.inMemory(), today: Self.today)
        #expect {
            try ingestor.ingest(bytes: Array(json.utf8), fileName: "x.json")
        } throws: { error in
            guard case .invalid(_, let diagnostics) = error as? IngestError else { return false }
            return diagnostics.compactMap(\.path) == [
                "observations[0].provider", "observations[0].price", "observations[1].gpu", "observations[1].tier",
            ]
        }
    }
}

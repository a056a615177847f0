import Foundation
import GRDB
import TestSupport
import Testing

@testable import PriceDB

@Suite struct CatalogIngestTests {
    static let today = Day("2026-11-25")!
    static let day = Day("2026-02-07")!

    func seeded() throws -> (PriceStore, Ingestor) {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Self.today)
        _ = try ingestor.ingest(fileAt: FixturePaths.seed.path)
        return (store, ingestor)
    }

    func fixture(_ name: String) -> String {
        FixturePaths.fixtures.appendingPathComponent("skypilot/\(name)").path
    }

    /// The stored observations of a snapshot as `gpu_label|variant|count|instance|region|tier|low|high` lines.
    func rows(_ store: PriceStore, snapshot: Int64) throws -> [String] {
        try store.writer.read { (db: Database) throws in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT gpu_label || '|' || variant || '|' || gpu_count_millionths || '|' || instance || '|' || region
                        || '|' || tier || '|' || price_low_micros || '|' || price_high_micros
                    FROM \(StoredObservations.table) WHERE snapshot_id = ? ORDER BY id
                    """,
                arguments: [snapshot]
            ).map { $0[0] as String }
        }
    }

    func storedID(_ outcome: Ingestor.Outcome) -> (Int64, CatalogCounts)? {
        if case .storedCatalog(let snapshot, let counts, _) = outcome { return (snapshot.id, counts) }
        return nil
    }

    @Test func awsFoldsZonesKeepsSpotApartAndSkipsInferentia() throws {
        let (store, ingestor) = try seeded()
        let options = CatalogOptions(providerID: "aws", observedOn: Self.day)
        let (id, counts) = try #require(storedID(try ingestor.ingest(fileAt: fixture("aws-vms.csv"), catalogOptions: options)))
        #expect(counts.rows == 10)
        #expect(counts.withoutGPU == 1)
        #expect(counts.nonGPU == 1)
        #expect(counts.unknownGPU == 0)
        #expect(counts.onDemandOffers == 8)
        #expect(counts.spotOffers == 6)
        #expect(counts.observations == 9)
        #expect(try rows(store, snapshot: id) == [
            "A100||8000000|p4d.24xlarge|us-east-1|on-demand|32772600|32772600",
            "A100||8000000|p4d.24xlarge|us-east-1|spot|9831800|11540300",
            "A100-80GB||8000000|p4de.24xlarge|us-east-1|on-demand|40965700|40965700",
            "H100||8000000|p5.48xlarge|us-east-1|on-demand|98320000|98320000",
            "H100||8000000|p5.48xlarge|us-east-1|spot|32200000|32200000",
            "A10G||1000000|g5.xlarge|us-east-1|on-demand|1006000|1006000",
            "A10G||1000000|g5.xlarge|us-east-1|spot|415800|415800",
            "L4||1000000|g6.xlarge|us-west-2|on-demand|804800|804800",
            "L4||1000000|g6.xlarge|us-west-2|spot|342800|342800",
        ])
        let snapshot = try #require(try store.snapshots().first { $0.id == id })
        #expect(snapshot.format == "skypilot-csv")
        #expect(snapshot.skippedCount == 2)
        guard case .alreadyIngested(let earlier) = try ingestor.ingest(fileAt: fixture("aws-vms.csv"), catalogOptions: options)
        else {
            Issue.record("the second ingest was not recognised")
            return
        }
        #expect(earlier.id == id)
    }

    @Test func anAliasMapsAnUnknownName() throws {
        let (store, ingestor) = try seeded()
        let file = Scratch.unique("alias", ".csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
            InstanceType,AcceleratorName,AcceleratorCount,Price,Region
            x1,NVIDIA-A100-SXM4-40GB-NextGen,2,5.00,r1
            """.write(to: file, atomically: true, encoding: .utf8)
        let options = CatalogOptions(
            providerID: "aws", observedOn: Self.day, gpuAliases: ["NVIDIA-A100-SXM4-40GB-NextGen": "A100 (40GB)"])
        let (id, _) = try #require(storedID(try ingestor.ingest(fileAt: file.path, catalogOptions: options)))
        #expect(try rows(store, snapshot: id) == ["NVIDIA-A100-SXM4-40GB-NextGen||2000000|x1|r1|on-demand|5000000|5000000"])
    }

    @Test func aByteOrderMarkAndWindowsLineEndsAreRead() throws {
        let (store, ingestor) = try seeded()
        let file = Scratch.unique("bom", ".csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "\u{FEFF}InstanceType,AcceleratorName,AcceleratorCount,Price,Region\r\nx1,L4,1,0.5,r1\r\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let (id, _) = try #require(
            storedID(try ingestor.ingest(fileAt: file.path, catalogOptions: CatalogOptions(providerID: "gcp", observedOn: Self.day))))
        #expect(try rows(store, snapshot: id) == ["L4||1000000|x1|r1|on-demand|500000|500000"])
    }

    @Test func gcpRowsWithoutInstanceAndWithoutPrice() throws {
        let (store, ingestor) = try seeded()
        let (id, counts) = try #require(
            storedID(try ingestor.ingest(fileAt: fixture("gcp-vms.csv"), catalogOptions: CatalogOptions(providerID: "gcp", observedOn: Self.day))))
        #expect(counts.withoutGPU == 1)
        #expect(counts.withoutPrice == 1)
        #expect(counts.observations == 11)
        let stored = try rows(store, snapshot: id)
        #expect(stored.contains("T4||1000000||us-central1|on-demand|350000|350000"))
        #expect(stored.contains("L4||1000000||us-east1|spot|224000|224000"))
        #expect(stored.contains("A100||1000000|a2-highgpu-1g|us-central1|spot|1157800|1200300"))
        #expect(!stored.contains { $0.hasPrefix("H100-MEGA") })
        #expect(!stored.contains { $0.hasPrefix("A100-80GB") && $0.contains("|spot|") })
    }

    @Test func azureFractionalGPUsAndExtraColumns() throws {
        let (store, ingestor) = try seeded()
        let (id, _) = try #require(
            storedID(try ingestor.ingest(fileAt: fixture("azure-vms.csv"), catalogOptions: CatalogOptions(providerID: "azure", observedOn: Self.day))))
        let stored = try rows(store, snapshot: id)
        #expect(stored.first == "A10||167000|Standard_NV6ads_A10_v5|eastus|on-demand|454000|454000")
        #expect(Money(micros: 454_000).perGPU(of: GPUCount(millionths: 167_000)) == Money(micros: 2_718_563))
        let cell = try PriceQuery(store: store).cell(provider: "azure", gpu: "a10", asOf: Self.day)
        #expect(cell.price == PriceRange(Money("3.2")!))
    }

    @Test func lambdaIsANewProviderWithoutSpotOrZones() throws {
        let (store, ingestor) = try seeded()
        let unknown = CatalogOptions(providerID: "acme", observedOn: Self.day)
        #expect(throws: IngestError.self) { try ingestor.ingest(fileAt: fixture("lambda-vms.csv"), catalogOptions: unknown) }
        // Lambda is a cloud pricedb knows built in: no name or kind is needed.
        let options = CatalogOptions(providerID: "lambda", observedOn: Self.day)
        let (id, counts) = try #require(storedID(try ingestor.ingest(fileAt: fixture("lambda-vms.csv"), catalogOptions: options)))
        #expect(counts.spotOffers == 0)
        #expect(try store.providers().first { $0.id == "lambda" }?.kind == .managedCloud)
        let stored = try rows(store, snapshot: id)
        #expect(stored.contains("H100-SXM|SXM|8000000|gpu_8x_h100_sxm5|us-east-1|on-demand|23920000|23920000"))
        #expect(stored.count == 6)
    }

    /// Vast's v8 catalog as published: regions with commas and non-ASCII letters (one without a city), a
    /// SpotPrice of 0.00 on every row for "no spot", and one instance listed twice in a region at two prices.
    @Test func aMarketplaceCatalogKeepsItsRegionsAsWrittenAndFoldsRepeatsIntoARange() throws {
        let (store, ingestor) = try seeded()
        let options = CatalogOptions(providerID: "vast", observedOn: Self.day)
        let (id, counts) = try #require(storedID(try ingestor.ingest(fileAt: fixture("vast-vms.csv"), catalogOptions: options)))
        #expect(counts.rows == 6)
        #expect(counts.zeroPlaceholders == ["SpotPrice": 6])
        #expect(counts.spotOffers == 0)
        #expect(counts.observations == 5)
        #expect(try rows(store, snapshot: id) == [
            "H200||1000000|1x-H200-32-65536|France, FR, EU|on-demand|2650000|2650000",
            "H200||4000000|4x-H200-32-65536|, US, NA|on-demand|10590000|10590000",
            "RTX5090||2000000|2x-RTX_5090-32-65536|Hafnarfjarðarkaupstaður, IS, EU|on-demand|930000|930000",
            "RTX4090||1000000|1x-RTX_4090-32-65536|Germany, DE, EU|on-demand|400000|450000",
            "RTXPRO6000S||1000000|1x-RTX_PRO_6000_S-32-65536|New York, US, NA|on-demand|1130000|1130000",
        ])
    }

    @Test func aDryRunStoresNothing() throws {
        let (store, ingestor) = try seeded()
        let before = try store.rowCounts()
        let outcome = try Ingestor(dryRunOf: store, today: ingestor.today).ingest(
            fileAt: fixture("gcp-vms.csv"), catalogOptions: CatalogOptions(providerID: "gcp", observedOn: Self.day))
        guard case .validatedCatalog(let counts, _) = outcome else {
            Issue.record("expected a validated catalog")
            return
        }
        #expect(counts.observations == 11)
        #expect(try store.rowCounts() == before)
    }

    @Test func aCatalogNeedsItsProviderAndDateAndItsColumns() throws {
        let (_, ingestor) = try seeded()
        #expect(throws: IngestError.self) { try ingestor.ingest(fileAt: fixture("gcp-vms.csv")) }
        let file = Scratch.unique("cols", ".csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "InstanceType,AcceleratorName,AcceleratorCount,Region\nx,A100,1,r\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ingestor.ingest(fileAt: file.path, catalogOptions: CatalogOptions(providerID: "gcp", observedOn: Self.day))
        } throws: { error in
            guard case .invalid(_, let diagnostics) = error as? IngestError else { return false }
            return diagnostics.first?.message.hasPrefix("the header lacks Price") == true
        }
        let future = CatalogOptions(providerID: "gcp", observedOn: Day("2027-01-01")!)
        #expect(throws: IngestError.self) { try ingestor.ingest(fileAt: fixture("gcp-vms.csv"), catalogOptions: future) }
    }

    /// Column names are matched without regard to case, from recognising the file on; a column named twice is
    /// reported against the file, not under the column's name.
    @Test func headerNamesIgnoreCaseAndARepeatedOneNamesTheFile() throws {
        let (_, ingestor) = try seeded()
        let options = CatalogOptions(providerID: "gcp", observedOn: Self.day)
        let lower = Scratch.unique("lower", ".csv")
        try "instancetype,acceleratorname,acceleratorcount,price,region\nx,A100,1,1.5,r\n".write(to: lower, atomically: true, encoding: .utf8)
        #expect(storedID(try ingestor.ingest(fileAt: lower.path, catalogOptions: options)) != nil)
        let twice = Scratch.unique("twice", ".csv")
        try "InstanceType,AcceleratorName,AcceleratorCount,Price,Price,Region\nx,A100,1,1.5,2.5,r\n".write(to: twice, atomically: true, encoding: .utf8)
        #expect {
            try ingestor.ingest(fileAt: twice.path, catalogOptions: options)
        } throws: { error in
            guard case .invalid(let file, let diagnostics) = error as? IngestError else { return false }
            return file == twice.path && diagnostics.first?.file == twice.path
                && diagnostics.first?.message == "the column Price appears twice; a catalog names each column once"
        }
    }

    @Test func aFileOfNeitherFormatSaysSo() throws {
        let (_, ingestor) = try seeded()
        let file = Scratch.unique("other", ".csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "name,price\nA100,1.39\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ingestor.ingest(fileAt: file.path)
        } throws: { error in
            guard case .invalid(_, let diagnostics) = error as? IngestError else { return false }
            return diagnostics.first?.message.contains("neither snapshot JSON") == true
        }
    }

    @Test func badCellsAreReportedWithTheirLine() throws {
        let (store, ingestor) = try seeded()
        let before = try store.rowCounts()
        let file = Scratch.unique("bad", ".csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
            InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region
            a,T4,1,0.35,,r
            b,T4,0,0.35,,r
            c,T4,1,abc,,r
            d,T4,1,-1,,r
            "e,T4,1,0.35,,r
            """.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ingestor.ingest(fileAt: file.path, catalogOptions: CatalogOptions(providerID: "gcp", observedOn: Self.day))
        } throws: { error in
            guard case .invalid(_, let diagnostics) = error as? IngestError else { return false }
            return diagnostics.map { $0.position?.line ?? 0 } == [6]
                && diagnostics[0].message.contains("not closed")
        }
        #expect(try store.rowCounts() == before)
    }

    /// A price written by a spreadsheet or a person says what to write instead; a currency other than the
    /// dollar is not stripped (that would store euros as dollars).
    @Test func aPriceWrittenForPeopleSaysHowToWriteIt() throws {
        let (_, ingestor) = try seeded()
        let file = Scratch.unique("people", ".csv")
        try """
            InstanceType,AcceleratorName,AcceleratorCount,Price,Region
            a,T4,1,"1,39",r
            b,T4,1,$2.10,r
            c,T4,1,"1,234.50",r
            d,T4,1,"1,390",r
            e,T4,1,"€1,20",r
            f,T4,1,1.5/h,r
            """.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ingestor.ingest(fileAt: file.path, catalogOptions: CatalogOptions(providerID: "gcp", observedOn: Self.day))
        } throws: { error in
            guard case .invalid(_, let diagnostics) = error as? IngestError else { return false }
            return diagnostics.map(\.message) == [
                "Price \"1,39\" is not a number; write 1.39 (with a decimal point)",
                "Price \"$2.10\" is not a number; write 2.10 (without the currency)",
                "Price \"1,234.50\" is not a number; write 1234.50 (without thousands separators)",
                "Price \"1,390\" is not a number; write it with a decimal point and no thousands separators",
                "Price \"€1,20\" is not a number; a catalog's prices are US dollars: convert it, or write a snapshot JSON, which names its currency",
                "Price \"1.5/h\" is not a number",
            ]
        }
    }
}

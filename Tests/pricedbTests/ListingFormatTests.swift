import Foundation
@testable import PriceDB
import Testing

/// `snapshots`, `providers` and `gpus` as flat records: the same facts as the tables, in a shape scripts read.
@Suite struct ListingFormatTests {
    static func records(_ json: String, key: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?[key] as? [[String: Any]])
    }

    @Test func snapshotsAsJSONCarryTheIngestedFile() throws {
        let db = try DailyUseTests.seeded()
        let result = try CommandRunner.run(["snapshots", "--db", db, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"format\": \"pricedb-snapshots/1\""))
        let snapshots = try Self.records(result.stdout, key: "snapshots")
        #expect(snapshots.count == 1)
        #expect(snapshots.first?["id"] as? Int == 1)
        #expect(snapshots.first?["observed_on"] as? String == "2026-02-07")
        #expect(snapshots.first?["source_published"] as? String == "2026-02-11")
        #expect(snapshots.first?["observations"] as? Int == 57)
        #expect(snapshots.first?["providers"] as? Int == 6)
        #expect(snapshots.first?["gpus"] as? Int == 13)
    }

    @Test func providersAsCSVHaveOneRowEach() throws {
        let db = try DailyUseTests.seeded()
        let result = try CommandRunner.run(["providers", "--db", db, "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "id,short_name,name,kind,url")
        #expect(lines.dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
            == ["aws", "azure", "gcp", "gpuflow", "runpod", "vast"])
        #expect(lines.contains { $0.hasPrefix("vast,Vast.ai,Vast.ai,p2p-marketplace,") })
    }

    @Test func gpusAsJSONListTheWholeCatalogInTableOrder() throws {
        let result = try CommandRunner.run(["gpus", "--db", CommandRunner.temporaryDatabase(), "--format", "json"])
        #expect(result.status == 0)
        let gpus = try Self.records(result.stdout, key: "gpus")
        let catalog = GPUCatalog()
        #expect(gpus.count == catalog.gpus.count)
        #expect(gpus.compactMap { $0["id"] as? String } == Listings.sortedForListing(catalog).map(\.id))
        let a100 = try #require(gpus.first { $0["id"] as? String == "a100-80gb" })
        #expect(a100["memory_gb"] as? Int == 80)
        #expect(a100["class"] as? String == "datacenter")
        #expect(a100["aliases"] is [String])
    }

    @Test func emptyListingsAreEmptyRecordsAndAListIsOneCSVField() {
        #expect(Listings.providers([], as: .json, width: nil) == "{\n  \"format\": \"pricedb-providers/1\",\n  \"providers\": []\n}\n")
        #expect(Listings.snapshots([], as: .csv, width: nil).hasPrefix("id,observed_on,format,"))
        let catalog = GPUCatalog([GPU(id: "x-1", name: "X 1", memoryGB: nil, gpuClass: .consumer, aliases: ["X, one", "X1"])])
        #expect(Listings.gpus(catalog, as: .csv, width: nil) == "id,name,memory_gb,class,aliases\r\nx-1,X 1,,consumer,\"X, one;X1\"\r\n")
    }

    /// A field holding a line break is quoted, `\r\n` too: in Swift it is one `Character`, equal to neither `\r`
    /// nor `\n`, and was written bare, splitting the record.
    @Test func aFieldWithALineBreakIsQuoted() {
        let catalog = GPUCatalog([GPU(id: "x-1", name: "X\r\n1", memoryGB: nil, gpuClass: .consumer, aliases: ["Y\n2"])])
        #expect(Listings.gpus(catalog, as: .csv, width: nil) == "id,name,memory_gb,class,aliases\r\nx-1,\"X\r\n1\",,consumer,\"Y\n2\"\r\n")
    }
}

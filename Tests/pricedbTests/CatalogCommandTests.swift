import Foundation
import PriceDB
import TestSupport
import Testing

@Suite struct CatalogCommandTests {
    static let seed = "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"
    static let aws = "Fixtures/skypilot/aws-vms.csv"

    @Test func anUnknownAcceleratorFailsUntilAliasedOrSkipped() throws {
        let db = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed])
        let catalog = try Self.catalogWithAnUnknownGPU()
        let base = ["ingest", "--db", db, "--provider", "aws", "--observed-at", "2026-02-07"]
        let failed = try CommandRunner.run(base + [catalog])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("\(catalog): error: unknown accelerator names: Z100 (1 row"))
        #expect(failed.stderr.contains("--gpu-alias NAME=GPU"))
        #expect(try PriceStore.open(at: db).snapshots().count == 1)

        let skipped = try CommandRunner.run(base + ["--skip-unknown", catalog])
        #expect(skipped.status == 0)
        #expect(skipped.stdout.hasSuffix("3 rows: 1 on-demand and 0 spot offers, 1 with an accelerator that is not a GPU skipped, 1 with an unknown GPU skipped\n"))
        let again = try CommandRunner.run(base + ["--skip-unknown", catalog])
        #expect(again.status == 0)
        #expect(again.stdout.contains("skipped: the same file was ingested before as snapshot 2"))

        let aliased = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", "--quiet", "--db", aliased, Self.seed])
        let withAlias = try CommandRunner.run(["ingest", "--db", aliased] + base.dropFirst(3) + ["--gpu-alias", "Z100=T4", catalog])
        #expect(withAlias.status == 0)
        #expect(withAlias.stdout.contains("2 observations, 1 provider, 2 GPUs"))
    }

    /// SkyPilot's AWS catalog lists Inferentia beside its GPUs: such rows are skipped and counted by default.
    @Test func acceleratorsThatAreNotGPUsAreSkippedWithoutBeingAsked() throws {
        let db = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed])
        let result = try CommandRunner.run(["ingest", "--db", db, "--provider", "aws", "--observed-at", "2026-02-07", Self.aws])
        #expect(result.status == 0)
        #expect(result.stdout == "\(Self.aws): stored as snapshot 2 (observed 2026-02-07): 9 observations, 1 provider, 5 GPUs; 10 rows: 8 on-demand and 6 spot offers, 1 without a GPU skipped, 1 with an accelerator that is not a GPU skipped\n")
    }

    /// A catalog with a GPU-looking name the catalog does not know (`Z100`) and a TPU.
    static func catalogWithAnUnknownGPU() throws -> String {
        let path = Scratch.unique("unknown", ".csv").path
        try """
            InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region
            z1,Z100,1,1.50,,us-east-1
            t1,tpu-v5-lite-podslice,1,1.20,,us-east-1
            g1,A10G,1,1.01,,us-east-1

            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aCatalogWithoutProviderIsExplained() throws {
        let db = CommandRunner.temporaryDatabase()
        let result = try CommandRunner.run(["ingest", "--db", db, "Fixtures/skypilot/gcp-vms.csv"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("give --provider ID, or keep the file as <cloud>/vms.csv"))
        let today = try CommandRunner.run(["ingest", "--db", db, "--provider", "gcp", "Fixtures/skypilot/gcp-vms.csv"])
        #expect(today.status == 0, "\(today.stderr)")
        #expect(today.stdout.contains("(observed \(IngestCommandTests.today()))"), "\(today.stdout)")
        let badAlias = try CommandRunner.run([
            "ingest", "--db", db, "--provider", "gcp", "--observed-at", "2026-02-07", "--gpu-alias", "X", "Fixtures/skypilot/gcp-vms.csv",
        ])
        #expect(badAlias.status == 64)
        #expect(badAlias.stderr.contains("--gpu-alias takes NAME=GPU"))
    }

    @Test func reportsShowCatalogProvidersBesideSnapshotOnesAndFilterByRegion() throws {
        let db = CommandRunner.temporaryDatabase()
        try CommandRunner.run(["ingest", "--quiet", "--db", db, Self.seed])
        try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "lambda", "--provider-name", "Lambda", "--provider-kind",
            "managed-cloud", "--observed-at", "2026-02-07", "Fixtures/skypilot/lambda-vms.csv",
        ])
        try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "gcp", "--observed-at", "2026-02-07", "Fixtures/skypilot/gcp-vms.csv",
        ])
        let report = try CommandRunner.run([
            "report", "--db", db, "--as-of", "2026-02-07", "--section", "datacenter", "--gpus", "H100,L4,A100",
        ])
        #expect(report.status == 0)
        // A100 names the family: both of its GPUs are rows.
        #expect(report.stdout.contains("GPU          AWS      Azure    GCP         RunPod      Lambda  Vast.ai     GPUFlow"))
        #expect(report.stdout.contains("H100 (80GB)  ~$6.90*  $12.29*  N/A         $2.39       $2.49   $1.47–2.94  $2.20–2.80"))
        #expect(report.stdout.contains("A100 (40GB)  ~$4.10*  N/A      $2.93–3.67"))
        #expect(report.stdout.contains("A100 (80GB)  ~$4.10*  $3.67    $5.07       $1.39–1.49"))
        let filtered = try CommandRunner.run([
            "report", "--db", db, "--as-of", "2026-02-07", "--section", "datacenter", "--gpus", "L4,T4",
            "--providers", "aws,gcp,runpod", "--region", "us-central1",
        ])
        #expect(filtered.stdout.contains("L4 (24GB)  N/A  N/A    $0.39"))
        #expect(filtered.stdout.contains("T4 (16GB)  N/A  $0.35  N/A"))
        let spot = try CommandRunner.run([
            "report", "--db", db, "--as-of", "2026-02-07", "--section", "datacenter", "--gpus", "T4", "--providers", "gcp",
            "--tier", "spot",
        ])
        #expect(spot.stdout.contains("T4 (16GB)  $0.14"))
    }

    /// Catalogs kept as SkyPilot publishes them need no flag: each is its own cloud's, observed today, and a
    /// fresh database knows the clouds' names.
    @Test func catalogsByTheirPathNeedNoFlags() throws {
        let folder = Scratch.unique("tree")
        for cloud in ["aws", "gcp"] {
            let dir = folder.appendingPathComponent("catalogs/v7/\(cloud)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: CommandRunner.packageRoot.appendingPathComponent("Fixtures/skypilot/\(cloud)-vms.csv"),
                to: dir.appendingPathComponent("vms.csv"))
        }
        let db = CommandRunner.temporaryDatabase()
        let paths = ["aws", "gcp"].map { folder.appendingPathComponent("catalogs/v7/\($0)/vms.csv").path }
        let mixed = try CommandRunner.run(["ingest", "--db", db, "--provider", "gcp"] + paths)
        #expect(mixed.status == 64, "\(mixed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        let result = try CommandRunner.run(["ingest", "--db", db] + paths)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(observed \(IngestCommandTests.today()))"), "\(result.stdout)")
        let providers = try CommandRunner.run(["providers", "--db", db, "--format", "csv"])
        #expect(providers.stdout.contains("aws,AWS,Amazon Web Services,hyperscaler"), "\(providers.stdout)")
        let offers = try CommandRunner.run(["offers", "--db", db, "--providers", "gcp", "--format", "csv"])
        #expect(!offers.stdout.contains("p4d.24xlarge"), "an AWS instance was stored as GCP's")
    }
}

import Foundation
import Testing

/// A public cloud's catalog lists thousands of instances and regions: the providers section summarises such
/// a list per GPU configuration, and `--all-offers` lists every offer.
@Suite struct ProviderListTests {
    @Test func aLongPriceListIsSummarisedPerGPUConfiguration() throws {
        let db = CommandRunner.temporaryDatabase()
        var rows = ["InstanceType,AcceleratorName,AcceleratorCount,Price,SpotPrice,Region"]
        for instance in 0..<20 {
            for region in 0..<2 {
                rows.append("g\(instance).xlarge,L4,1,\(80 + instance).0,,region-\(region)")
                rows.append("h\(instance).xlarge,H100,1,\(3 + region).0,,region-\(region)")
            }
        }
        let catalog = try DailyUseTests.file("vms.csv", rows.joined(separator: "\n") + "\n")
        #expect(try CommandRunner.run([
            "ingest", "--quiet", "--db", db, "--provider", "big", "--provider-name", "Big", "--provider-kind", "other",
            "--observed-at", "2026-02-07", catalog,
        ]).status == 0)
        let summary = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02-07", "--section", "providers"])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("1x L4                     20        2  $80.00–99.00/h"), "\(summary.stdout)")
        #expect(summary.stdout.contains("1x H100                   20        2  $3.00–4.00/h"))
        #expect(summary.stdout.contains("Summarised from 40 offers"))
        #expect(summary.stdout.split(separator: "\n").count < 15)
        let all = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02-07", "--section", "providers", "--all-offers"])
        #expect(all.stdout.split(separator: "\n").filter { $0.contains(".xlarge") }.count == 40)
    }
}

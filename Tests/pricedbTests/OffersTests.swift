import Foundation
import PriceDB
import Testing

/// `pricedb offers` on the synthetic history as of 2026Q1, against what its files say (by hand): market A100
/// 0.70–2.10 (marketplace), pods A100 1.39 and H100 2.50 (secure), fading A100 2.40 (community, last seen
/// 2025-05-10, so stale), cloud A100 28.00 for 8 GPUs = 3.50 (on-demand, us-east-1).
@Suite struct OffersTests {
    /// The offers found, as "provider gpu per-GPU price"; like grep, the command exits 1 when it finds none,
    /// after printing the header of the empty list.
    static func rows(_ arguments: [String], db: String) throws -> [String] {
        let result = try CommandRunner.run(["offers", "--db", db, "--as-of", "2026Q1", "--format", "csv"] + arguments)
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("provider,") == true, "\(arguments): \(result.stdout)")
        #expect(result.status == (lines.count > 1 ? 0 : 1), "\(arguments): \(result.stderr)")
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return "\(fields[0]) \(fields[3]) \(fields[15])"
        }
    }

    @Test func filtersSortAndLimitFindWhatTheFilesSay() throws {
        let db = try DailyUseTests.synthetic()
        #expect(try Self.rows([], db: db) == [
            "synth-market a100-80gb 0.7", "synth-pods a100-80gb 1.39", "synth-pods h100-80gb 2.5", "synth-cloud a100-80gb 3.5",
        ])
        #expect(try Self.rows(["--include-stale"], db: db) == [
            "synth-market a100-80gb 0.7", "synth-pods a100-80gb 1.39", "synth-fading a100-80gb 2.4",
            "synth-pods h100-80gb 2.5", "synth-cloud a100-80gb 3.5",
        ])
        #expect(try Self.rows(["--gpu", "A100-80GB", "--max-price", "2"], db: db) == [
            "synth-market a100-80gb 0.7", "synth-pods a100-80gb 1.39",
        ])
        #expect(try Self.rows(["--min-gpus", "8"], db: db) == ["synth-cloud a100-80gb 3.5"])
        #expect(try Self.rows(["--gpu-count", "1", "--providers", "synth-pods"], db: db).count == 2)
        #expect(try Self.rows(["--region", "us-*"], db: db) == ["synth-cloud a100-80gb 3.5"])
        #expect(try Self.rows(["--region", "*europe*"], db: db).isEmpty)
        #expect(try Self.rows(["--tier", "secure"], db: db) == ["synth-pods a100-80gb 1.39", "synth-pods h100-80gb 2.5"])
        #expect(try Self.rows(["--sort", "provider", "--limit", "2", "--include-stale"], db: db) == [
            "synth-cloud a100-80gb 3.5", "synth-fading a100-80gb 2.4",
        ])
        #expect(try Self.rows(["--sort", "gpu"], db: db).last == "synth-pods h100-80gb 2.5")
        #expect(try Self.rows(["--sort", "observed", "--include-stale"], db: db).last == "synth-fading a100-80gb 2.4")
        #expect(try Self.rows(["--min-memory", "81"], db: db).isEmpty)
    }

    @Test func everyFormatCarriesTheSameOffers() throws {
        let db = try DailyUseTests.synthetic()
        let json = try CommandRunner.run(["offers", "--db", db, "--as-of", "2026Q1", "--format", "json", "--limit", "2"])
        #expect(json.stdout.contains("\"format\": \"pricedb-offers/1\""))
        #expect(json.stdout.contains("\"per_gpu_low\": \"0.7\""))
        #expect(json.stdout.components(separatedBy: "\"provider\":").count == 3)
        let table = try CommandRunner.run(["offers", "--db", db, "--as-of", "2026Q1", "--include-stale"])
        #expect(table.stdout.hasPrefix("As of 2026-03-31; newest observation used: 2026-01-20\n\n5 offers as of 2026-03-31"))
        #expect(table.stdout.contains("$2.40†"))
        #expect(table.stdout.contains("$3.50*"))
        let markdown = try CommandRunner.run(["offers", "--db", db, "--as-of", "2026Q1", "--format", "markdown", "--locale", "de"])
        #expect(markdown.stdout.contains("| SynMarket |"))
        #expect(markdown.stdout.contains("$0,70-2,10"))
        let csv = try CommandRunner.run(["offers", "--db", db, "--as-of", "2026Q1", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("provider,provider_name,provider_kind,gpu,gpu_name,gpu_label,variant,gpu_count,memory_gb,"))
    }

    /// The seed article's A100 80GB offers under $2 per GPU-hour, cheapest first.
    @Test func theArticlesCheapA100sAreFound() throws {
        let db = try DailyUseTests.seeded()
        let result = try CommandRunner.run([
            "offers", "--db", db, "--gpu", "A100 (80GB)", "--max-price", "2", "--as-of", "2026-02", "--format", "csv",
        ])
        let lines = result.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.map { "\($0[0]) \($0[6]) \($0[15])-\($0[16])" } == [
            "vast  0.84-1.49", "gpuflow  1.2-1.8", "runpod PCIe 1.39-1.39", "runpod SXM 1.49-1.49",
        ])
    }
}

import Foundation
import Testing

@testable import PriceDB

/// The price index, against figures worked out by hand from the fixtures' files, and properties that must hold
/// for any prices.
@Suite struct PriceIndexTests {
    static func money(_ text: String) -> Money { Money(text)! }

    @Test func percentilesInterpolateBetweenTheNearestRanks() {
        let summary = PriceIndex.Summary.of(["4", "1", "3", "2"].map(Self.money), method: .median)
        #expect(summary?.value == Self.money("2.5"))
        #expect(summary?.lowerQuartile == Self.money("1.75"))
        #expect(summary?.upperQuartile == Self.money("3.25"))
        #expect(summary?.lowest == Self.money("1") && summary?.highest == Self.money("4") && summary?.providers == 4)
        let one = PriceIndex.Summary.of([Self.money("2.49")], method: .median)
        #expect(one?.value == Self.money("2.49") && one?.lowerQuartile == Self.money("2.49"))
        #expect(PriceIndex.Summary.of([], method: .median) == nil)
        // Ten prices: the cheapest and the dearest are set aside, the mean of the other eight is 5.5.
        let ten = (1...10).map { Money(micros: Int64($0) * 1_000_000) }
        #expect(PriceIndex.Summary.of(ten, method: .trimmedMean)?.value == Self.money("5.5"))
        let skewed = (1...9).map { Money(micros: Int64($0) * 1_000_000) } + [Self.money("1000")]
        #expect(PriceIndex.Summary.of(skewed, method: .trimmedMean)?.value == Self.money("5.5"))
        // Half to even at the micro-unit: 1 and 2 micro-units have the median 1.5, written 2.
        #expect(PriceIndex.Summary.of([Money(micros: 1), Money(micros: 2)], method: .median)?.value == Money(micros: 2))
    }

    static func seedAndSynthetic() throws -> PriceStore {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Day("2026-11-25")!)
        for file in [FixturePaths.seed] + FixturePaths.files(in: "synthetic", withExtension: "json") {
            _ = try ingestor.ingest(fileAt: file.path)
        }
        return store
    }

    /// From the files: the article (2026-02-07) prices the A100 (80GB) at AWS 32.80 / 8, Azure 3.67, RunPod
    /// 1.39–1.49, Vast.ai 0.84–1.49 and GPUFlow 1.20–1.80; the synthetic history of 2026-01-20 at SynCloud
    /// 28.00 / 8, SynPods 1.39 and SynMarket 0.70–2.10, and of 2025-11-10 at 28.00 / 8, 1.50 and 0.75–2.00
    /// (SynFading, last seen 2025-05-10, is stale by then).
    @Test func theQuarterlyIndexOfTheA100MatchesTheFilesWorkedByHand() throws {
        let store = try Self.seedAndSynthetic()
        let request = IndexRequest(gpuNames: ["A100 (80GB)"], step: .quarter, from: Day("2025-10-01"), asOf: Day("2026-03-31")!)
        let indexes = try ReportBuilder(store: store).indexes(request)
        #expect(indexes.map(\.period.name) == ["2025Q4", "2026Q1"])
        // 2025Q4: 0.75, 1.50, 3.50.
        let q4 = try #require(indexes[0].summary)
        #expect([q4.value, q4.lowerQuartile, q4.upperQuartile, q4.lowest, q4.highest] == ["1.5", "1.125", "2.5", "0.75", "3.5"].map(Self.money))
        #expect(q4.providers == 3)
        // 2026Q1: 0.70, 0.84, 1.20, 1.39, 1.39, 3.50, 3.67, 4.10; ranks 1.75, 3.5 and 5.25.
        let q1 = try #require(indexes[1].summary)
        let p75 = Self.money("3.5") + Money(micros: (3_670_000 - 3_500_000) / 4)
        #expect([q1.value, q1.lowerQuartile, q1.upperQuartile, q1.lowest, q1.highest] == [
            Self.money("1.39"), Self.money("1.11"), p75, Self.money("0.7"), Self.money("4.1"),
        ])
        #expect(q1.providers == 8)
        #expect(indexes[1].change == Self.money("-0.11"))
        #expect(indexes[1].changePercentTenths == -73)
        #expect(indexes[1].prices.map(\.provider.id) == ["synth-market", "vast", "gpuflow", "runpod", "synth-pods", "synth-cloud", "azure", "aws"])
    }

    /// As the article's own day, only its five providers: 0.84, 1.20, 1.39, 3.67, 4.10.
    @Test func theSeedAloneGivesTheArticlesMarket() throws {
        let store = try PriceStore.inMemory()
        _ = try Ingestor(store: store, today: Day("2026-11-25")!).ingest(fileAt: FixturePaths.seed.path)
        let indexes = try ReportBuilder(store: store).indexes(
            IndexRequest(gpuNames: ["A100 (80GB)"], step: .month, asOf: Day("2026-02-28")!))
        let summary = try #require(indexes.last?.summary)
        #expect([summary.value, summary.lowerQuartile, summary.upperQuartile] == ["1.39", "1.2", "3.67"].map(Self.money))
        let trimmed = try ReportBuilder(store: store).indexes(
            IndexRequest(gpuNames: ["A100 (80GB)"], step: .month, asOf: Day("2026-02-28")!, method: .trimmedMean))
        // Five providers: ⌊5/10⌋ = 0 set aside, so the mean of all five, 11.20 / 5.
        #expect(trimmed.last?.summary?.value == Self.money("2.24"))
    }

    /// A store of one GPU (H100) with the given providers' prices, each provider one offer unless it has more.
    static func market(_ prices: [String: [String]]) throws -> PriceStore {
        let store = try PriceStore.inMemory()
        let observations = prices.sorted { $0.key < $1.key }.flatMap { provider, prices in
            prices.enumerated().map { index, price in
                "{\"provider\": \"\(provider)\", \"gpu\": \"H100\", \"price\": \(price), \"instance\": \"i\(index)\"}"
            }
        }
        let providers = prices.keys.sorted().map { "{\"id\": \"\($0)\", \"name\": \"\($0)\", \"kind\": \"other\"}" }
        let text = """
            {"format": "pricedb-snapshot/1", "observed_at": "2026-03-01", "providers": [\(providers.joined(separator: ","))],
             "observations": [\(observations.joined(separator: ","))]}
            """
        _ = try Ingestor(store: store, today: Day("2026-11-25")!).ingest(bytes: Array(text.utf8), fileName: "market.json")
        return store
    }

    static func index(_ store: PriceStore) throws -> PriceIndex.Summary? {
        try ReportBuilder(store: store).indexes(IndexRequest(gpuNames: ["H100"], step: .quarter, asOf: Day("2026-03-31")!)).last?.summary
    }

    /// Seeded random markets: the median lies between the lowest and highest price; a provider's second offer
    /// changes nothing unless it is that provider's cheapest; a new provider cheaper than all never raises it.
    @Test(arguments: 0..<12)
    func propertiesHoldForRandomMarkets(seed: Int) throws {
        var random = ArithmeticTests.Generator(state: UInt64(seed))
        let count = 1 + Int(random.next() % 9)
        var prices: [String: [String]] = [:]
        for index in 0..<count { prices["p\(index)"] = [Self.price(&random)] }
        let summary = try #require(try Self.index(Self.market(prices)))
        #expect(summary.lowest <= summary.lowerQuartile && summary.lowerQuartile <= summary.value)
        #expect(summary.value <= summary.upperQuartile && summary.upperQuartile <= summary.highest)
        #expect(summary.providers == count)
        // A dearer second offer of one provider: the index stays.
        let chosen = "p\(Int(random.next() % UInt64(count)))"
        var dearer = prices
        let current = Money(prices[chosen]![0])!
        dearer[chosen]!.append((current + Self.money("0.5")).description)
        #expect(try Self.index(Self.market(dearer)) == summary)
        // A cheaper second offer changes that provider's price, and so the index only as a new price would.
        var cheaper = prices
        let lower = Money(micros: max(1, current.micros / 2))
        cheaper[chosen]!.append(lower.description)
        var replaced = prices
        replaced[chosen] = [lower.description]
        #expect(try Self.index(Self.market(cheaper)) == Self.index(Self.market(replaced)))
        // A provider cheaper than all.
        var undercut = prices
        undercut["zz-cheapest"] = [Money(micros: max(1, summary.lowest.micros / 2)).description]
        let after = try #require(try Self.index(Self.market(undercut)))
        #expect(after.value <= summary.value)
        #expect(after.providers == count + 1)
    }

    /// A price from 0.10 to 30.00, in cents.
    static func price(_ random: inout ArithmeticTests.Generator) -> String {
        Money(micros: Int64(10 + random.next() % 2_990) * 10_000).description
    }

    @Test func periodsAreNamedAndBoundedAsPeopleCountThem() {
        let day = Day("2026-02-11")!
        #expect(IndexStep.week.span(containing: day) == IndexStep.Span(name: "2026-W07", first: Day("2026-02-09")!, last: Day("2026-02-15")!))
        #expect(IndexStep.week.span(containing: Day("2027-01-01")!).name == "2026-W53")
        #expect(IndexStep.week.span(containing: Day("2024-12-30")!).name == "2025-W01")
        #expect(IndexStep.month.span(containing: day) == IndexStep.Span(name: "2026-02", first: Day("2026-02-01")!, last: Day("2026-02-28")!))
        #expect(IndexStep.quarter.spans(from: Day("2025-11-30")!, through: day).map(\.name) == ["2025Q4", "2026Q1"])
        #expect(IndexStep.day.spans(from: .earliest, through: .latest, limit: 3).map(\.name) == ["9999-12-29", "9999-12-30", "9999-12-31"])
    }
}

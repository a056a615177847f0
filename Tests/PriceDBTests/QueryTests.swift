import Foundation
import Testing

@testable import PriceDB

@Suite struct CellTests {
    let day = Day("2026-02-07")!

    func offer(_ price: String, count: String = "1", approximate: Bool = false, status: Status = .available) -> OfferGroup {
        OfferGroup(
            observedOn: day, status: status, gpuCount: GPUCount(millionths: try! DecimalText.millionths(count[...])),
            price: status == .available ? PriceRange(Money(price)!) : nil, approximate: approximate)
    }

    @Test func aSingleGPUOfferWinsOverAnEightGPUInstance() {
        let cell = Cell.of([offer("3.67"), offer("27.20", count: "8")], staleBefore: day)
        #expect(cell.price == PriceRange(Money("3.67")!))
        #expect(!cell.derived)
    }

    @Test func onlyAMultiGPUUnitGivesADerivedPerGPUPrice() {
        let cell = Cell.of([offer("32.77", count: "8")], staleBefore: day)
        #expect(cell.price == PriceRange(Money(micros: 4_096_250)))
        #expect(cell.derived)
    }

    @Test func offersOfTheSameSizeSpanARange() {
        let cell = Cell.of([offer("1.39"), offer("1.49")], staleBefore: day)
        #expect(cell.price == PriceRange(low: Money("1.39")!, high: Money("1.49")!))
    }

    @Test func theCurrencyOfMostOffersWins() {
        var euro = offer("0.30")
        euro.currency = "EUR"
        var dollars = offer("0.40")
        dollars.offers = 3
        let cell = Cell.of([euro, dollars], staleBefore: day)
        #expect(cell.currency == "USD")
        #expect(cell.price == PriceRange(Money("0.4")!))
    }

    @Test func approximateOffersMarkTheCell() {
        #expect(Cell.of([offer("1", approximate: true)], staleBefore: day).approximate)
    }

    @Test func fractionalSharesCountOnlyWhenNothingElseIsOffered() {
        #expect(Cell.of([offer("0.20", count: "0.25"), offer("1.00")], staleBefore: day).price == PriceRange(Money("1")!))
        #expect(Cell.of([offer("0.20", count: "0.25")], staleBefore: day).price == PriceRange(Money("0.8")!))
    }

    @Test func statusesWithoutPrice() {
        #expect(Cell.of([offer("", status: .comingSoon)], staleBefore: day).value == .comingSoon)
        #expect(Cell.of([offer("", status: .unavailable)], staleBefore: day).value == .unavailable)
        #expect(Cell.of([], staleBefore: day).value == .noData)
    }

    @Test func oldObservationsAreStale() {
        #expect(Cell.of([offer("1")], staleBefore: Day("2026-02-08")!).stale)
        #expect(!Cell.of([offer("1")], staleBefore: day).stale)
    }
}

@Suite struct DeltaTests {
    func cell(_ low: String, _ high: String? = nil, stale: Bool = false) -> Cell {
        Cell(
            value: .price(PriceRange(low: Money(low)!, high: Money(high ?? low)!)), currency: "USD", derived: false,
            approximate: false, observedOn: Day("2026-01-01"), stale: stale)
    }

    @Test func changesAreAbsoluteAndInTenthsOfAPercent() {
        #expect(
            Delta.between(cell("1.50"), cell("1.39"))
                == .change(low: Money("-0.11")!, high: Money("-0.11")!, lowPercentTenths: -73, highPercentTenths: -73))
        #expect(
            Delta.between(cell("0.80", "1.80"), cell("0.75", "2.00"))
                == .change(low: Money("-0.05")!, high: Money("0.2")!, lowPercentTenths: -62, highPercentTenths: 111))
    }

    @Test func newGoneAndNone() {
        #expect(Delta.between(.noData, cell("1")) == .new)
        #expect(Delta.between(cell("1"), .noData) == .gone)
        #expect(Delta.between(cell("1"), cell("1", stale: true)) == .stale)
        #expect(Delta.between(cell("1", stale: true), cell("1", stale: true)) == Delta.none)
        #expect(Delta.between(.noData, .noData) == .none)
    }
}

@Suite struct ScenarioTests {
    @Test func breakEvenMatchesTheArticlesFAQ() throws {
        let gpu = try #require(GPUCatalog().resolve("RTX 4090")).gpu
        let breakEven = try BreakEven(
            gpu: gpu, asOf: Day("2026-02-28")!, purchase: PriceRange("1600-2000")!, hoursPerDay: Hours("8")!,
            rates: [BreakEven.Rate(provider: nil, price: PriceRange(low: Money("0.50")!, high: Money("0.80")!), currency: "USD")])
        let line = try #require(breakEven.lines.first)
        let hours = try #require(line.hours)
        #expect(hours == 2_000_000_000...4_000_000_000)
        let days = try breakEven.days(hours, hoursPerDay: Hours("24")!)
        #expect(DecimalText.roundedQuotient(days.lowerBound, 1_000_000) == 83)
        #expect(DecimalText.roundedQuotient(days.upperBound, 1_000_000) == 167)
        let single = try BreakEven(
            gpu: gpu, asOf: Day("2026-02-28")!, purchase: PriceRange("1600")!, hoursPerDay: Hours("8")!,
            rates: [BreakEven.Rate(provider: nil, price: PriceRange(Money("0.60")!), currency: "USD")])
        #expect(DecimalText.roundedQuotient(try #require(single.lines[0].hours).lowerBound, 1_000_000) == 2667)
    }

    @Test(arguments: [("1600", true), ("1600-2000", true), ("2000-1600", false), ("abc", false), ("-5", false)])
    func purchaseRangesParse(text: String, valid: Bool) {
        #expect((PriceRange(text) != nil) == valid)
    }
}

@Suite struct QuarterlyHistoryTests {
    /// The synthetic history, whose expected figures are computed by hand in the comments below.
    func synthetic() throws -> PriceStore {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Day("2026-11-25")!)
        for file in FixturePaths.files(in: "synthetic", withExtension: "json") {
            _ = try ingestor.ingest(fileAt: file.path)
        }
        return store
    }

    @Test func quarterlyCellsDeltasAndSpreadsMatchTheHandComputedValues() throws {
        let store = try synthetic()
        let query = PriceQuery(store: store)
        let catalog = try store.catalog()
        let gpu = try #require(catalog.gpu(id: "a100-80gb"))
        let providers = try store.providersInReportOrder()
        #expect(providers.map(\.id) == ["synth-cloud", "synth-pods", "synth-fading", "synth-market"])
        let rows = try query.quarters(
            gpu: gpu, providers: providers, from: Quarter(year: 2025, number: 1), through: Day("2026-03-31")!)
        #expect(rows.map(\.quarter.description) == ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1"])
        func price(_ row: Int, _ column: Int) -> String? {
            rows[row].cells[column].price.map { $0.isSingle ? "\($0.low)" : "\($0.low)-\($0.high)" }
        }
        // Cloud: 8 × A100 at 32.00, 30.00, 30.00, 28.00, 28.00 → 4.00, 3.75, 3.75, 3.50, 3.50 per GPU.
        #expect((0..<5).map { price($0, 0) } == ["4", "3.75", "3.75", "3.5", "3.5"])
        #expect(rows.allSatisfy { $0.cells[0].derived })
        // Pods: 2.00 then 1.90 in 2025Q1 (quarter end 1.90), 1.80, 1.60, 1.50, 1.39.
        #expect((0..<5).map { price($0, 1) } == ["1.9", "1.8", "1.6", "1.5", "1.39"])
        #expect(rows[0].spreads?[1] == PriceRange(low: Money("1.90")!, high: Money("2.00")!))
        // Pods 2025Q2: -0.10 of 1.90 is -5.263 % → -5.3 %.
        #expect(rows[1].deltas[1] == .change(low: Money("-0.1")!, high: Money("-0.1")!, lowPercentTenths: -53, highPercentTenths: -53))
        // Pods 2025Q4: -0.10 of 1.60 is -6.25 % → -6.2 % (half to even).
        #expect(rows[3].deltas[1] == .change(low: Money("-0.1")!, high: Money("-0.1")!, lowPercentTenths: -62, highPercentTenths: -62))
        // Fading stops after 2025-05-10: carried (unchanged) in Q3, stale in Q4, nothing current in 2026Q1.
        #expect(price(2, 2) == "2.4")
        #expect(!rows[2].cells[2].stale)
        #expect(rows[3].cells[2].stale)
        #expect(rows[3].deltas[2] == .stale)
        #expect(rows[4].deltas[2] == Delta.none)
        #expect(rows[2].spreads?[2] == .some(nil))
        let withoutSpreads = try query.quarters(
            gpu: gpu, providers: providers, from: Quarter(year: 2025, number: 1), through: Day("2026-03-31")!, withSpreads: false)
        #expect(withoutSpreads.map(\.cells) == rows.map(\.cells))
        #expect(withoutSpreads.allSatisfy { $0.spreads == nil })
        // Market: the range widens every quarter.
        #expect((0..<5).map { price($0, 3) } == ["1-1.5", "0.9-1.6", "0.8-1.8", "0.75-2", "0.7-2.1"])
        #expect(rows[1].deltas[3] == .change(low: Money("-0.1")!, high: Money("0.1")!, lowPercentTenths: -100, highPercentTenths: 67))
        #expect(rows[0].deltas.allSatisfy { $0 == .new })
    }

    @Test func aNewGPUAppearsInTheTrends() throws {
        let store = try synthetic()
        let query = PriceQuery(store: store)
        let catalog = try store.catalog()
        let gpus = ["a100-80gb", "h100-80gb"].compactMap(catalog.gpu(id:))
        let providers = try store.providersInReportOrder()
        let q3 = try query.comparison(asOf: Day("2025-09-30")!, providers: providers, gpus: gpus)
        let trends = PriceQuery.trends(of: q3, since: try query.previousQuarter(of: q3))
        let h100 = try #require(trends.first { $0.gpu.id == "h100-80gb" })
        #expect(h100.delta == .new)
        #expect(h100.after.price == PriceRange(Money("3")!))
        let q4grid = try query.comparison(asOf: Day("2025-12-31")!, providers: providers, gpus: gpus)
        let q4 = PriceQuery.trends(of: q4grid, since: try query.previousQuarter(of: q4grid))
        #expect(q4.first { $0.gpu.id == "h100-80gb" }?.delta
            == .change(low: Money("-0.2")!, high: Money("-0.2")!, lowPercentTenths: -67, highPercentTenths: -67))
    }

    @Test func theRankingPutsTheCheapestFirst() throws {
        let store = try synthetic()
        let catalog = try store.catalog()
        let grid = try PriceQuery(store: store).comparison(
            asOf: Day("2026-03-31")!, providers: try store.providersInReportOrder(), gpus: [catalog.gpu(id: "a100-80gb")!])
        // Mid prices: cloud 3.50, pods 1.39, market 1.40; fading is stale and left out.
        let ranking = grid.ranking()
        #expect(ranking.map(\.provider.id) == ["synth-pods", "synth-market", "synth-cloud"])
        #expect(abs(ranking[2].score - 3.5 / 1.39) < 1e-9)
    }

    @Test func aDayBeforeTheFirstObservationIsExplained() throws {
        let query = PriceQuery(store: try synthetic())
        #expect(throws: QueryError.self) { try query.checkHasData(asOf: Day("2025-01-31")!) }
        try query.checkHasData(asOf: Day("2025-02-15")!)
        #expect(throws: QueryError.self) { try PriceQuery(store: PriceStore.inMemory()).checkHasData(asOf: Day("2026-01-01")!) }
    }

    /// A finder on an empty database says it is empty, not that a provider is unknown among none.
    @Test func anEmptyDatabaseIsSaidToBeEmptyBeforeAnyNameIsLookedUp() throws {
        var search = OfferSearch()
        search.providerIDs = ["spheron"]
        let error = #expect(throws: QueryError.self) { try search.find(in: PriceStore.inMemory(), asOf: Day("2026-01-01")!) }
        #expect(error?.exitCode == 1)
        #expect(error?.errorDescription == QueryError.emptyDatabase.errorDescription)
        let none = QueryError.unknownProvider("spheron", known: []).errorDescription ?? ""
        #expect(none == "unknown provider \"spheron\"; the database knows no providers yet (`pricedb ingest FILE` adds them)")
    }
}

@Suite struct CurrencyTests {
    func cell(_ price: String, _ currency: String) -> Cell {
        Cell(
            value: .price(PriceRange(Money(price)!)), currency: currency, derived: false, approximate: false,
            observedOn: Day("2026-02-07"), stale: false)
    }

    /// pricedb does not convert currencies, so a EUR price is shown but not compared with USD ones.
    @Test func summariesCompareOnlyTheCommonCurrency() throws {
        let catalog = GPUCatalog()
        let gpu = try #require(catalog.gpu(id: "rtx-4090"))
        let providers = ["a", "b", "c"].map { Provider(id: $0, name: $0, shortName: $0, kind: .p2pMarketplace, url: nil) }
        let grid = Comparison(
            asOf: Day("2026-02-28")!, providers: providers, gpus: [gpu],
            cells: [[cell("0.50", "USD"), cell("0.60", "USD"), cell("0.10", "EUR")]])
        #expect(grid.comparisonCurrency == "USD")
        #expect(grid.ranking().map(\.provider.id) == ["a", "b"])
        #expect(grid.kindSummaries().first?.range == PriceRange(low: Money("0.5")!, high: Money("0.6")!))
        #expect(grid.cheapestByClass().first?.provider.id == "a")
        let scenario = try CostScenario(gpu: gpu, hours: Hours("10")!, asOf: grid.asOf, pricePoint: .low, comparison: grid)
        let euro = try #require(scenario.lines.first { $0.provider.id == "c" })
        // The only EUR price is listed after the USD ones and compared with nothing.
        #expect(euro.saving == nil)
        #expect(scenario.lines.map(\.provider.id) == ["a", "b", "c"])
        #expect(scenario.otherCurrencies == ["EUR"])
        #expect(scenario.lines.first { $0.provider.id == "a" }?.saving == Money("1")!)
    }
}

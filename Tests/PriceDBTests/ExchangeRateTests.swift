import Foundation
import TestSupport
import Testing

@testable import PriceDB

/// ECB reference rates: read as the ECB writes them, stored per day and idempotently, and applied at the rate
/// of each price's own observation date.
@Suite struct ExchangeRateTests {
    static let today = Day("2026-11-25")!
    static let sample = FixturePaths.fixtures.appendingPathComponent("rates/eurofxref-hist-sample.csv")

    /// Writes `text` to a fresh file and returns its path.
    static func file(_ text: String) throws -> String {
        let path = Scratch.unique("rates", ".csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func ingest(_ text: String, into store: PriceStore) throws -> Ingestor.Outcome {
        try Ingestor(store: store, today: today).ingest(fileAt: try file(text))
    }

    @Test func theECBFormatIsRecognisedByItsHeader() {
        #expect(ReferenceRates.looksLikeRates(Array("Date,USD,JPY,\n2026-02-06,1.1718,181.87,\n".utf8)))
        #expect(ReferenceRates.looksLikeRates(Array("\u{FEFF}Date,USD\r\n".utf8)))
        #expect(!ReferenceRates.looksLikeRates(Array("{\"format\": \"pricedb-snapshot/1\"}".utf8)))
        #expect(!ReferenceRates.looksLikeRates(Array("Price,Date\n".utf8)))
        #expect(Ingestor.Format.recognised(from: Array("InstanceType,AcceleratorName,Price\n".utf8)) == .skypilotCSV)
    }

    @Test func ratesAreStoredPerDayWithNAAndTrailingCommasSkipped() throws {
        let store = try PriceStore.inMemory()
        let text = """
            Date,USD,JPY,CYP,
            2026-02-09,1.1734,181.72,N/A,
            2026-02-06,1.1718,181.87,N/A,

            """
        guard case .storedRates(let result) = try Self.ingest(text, into: store) else {
            Issue.record("not stored as rates")
            return
        }
        #expect(result == RateImport(
            added: 4, changed: 0, unchanged: 0, missing: 2, currencies: ["JPY", "USD"], first: Day("2026-02-06")!,
            last: Day("2026-02-09")!))
        // Saturday takes Friday's rate; Monday its own.
        #expect(try store.rate(of: "USD", onOrBefore: Day("2026-02-07")!)! == (Day("2026-02-06")!, 1_171_800))
        #expect(try store.rate(of: "USD", onOrBefore: Day("2026-02-09")!)!.perEUR == 1_173_400)
        #expect(try store.rate(of: "USD", onOrBefore: Day("2026-02-05")!) == nil)
        #expect(try store.rate(of: "CYP", onOrBefore: Day("2026-02-09")!) == nil)
    }

    @Test func aFileIngestedTwiceChangesNothingAndANewerOneExtendsTheHistory() throws {
        let store = try PriceStore.inMemory()
        let first = "Date,USD,\n2026-02-06,1.1718,\n"
        _ = try Self.ingest(first, into: store)
        guard case .storedRates(let again) = try Self.ingest(first, into: store) else { return }
        #expect(again.added == 0 && again.changed == 0 && again.unchanged == 1)
        guard case .storedRates(let newer) = try Self.ingest("Date,USD,\n2026-02-09,1.1734,\n2026-02-06,1.1720,\n", into: store)
        else { return }
        #expect(newer.added == 1 && newer.changed == 1 && newer.unchanged == 0)
        #expect(try store.rateCurrencies().map(\.currency) == ["USD"])
        #expect(try store.rate(of: "USD", onOrBefore: Day("2026-02-08")!)!.perEUR == 1_172_000)
    }

    @Test(arguments: [
        ("Date,USD,\n2026-02-06,1.17.18,\n", "2:12: error: the USD rate '1.17.18' is not a number"),
        ("Date,USD,\n2026-02-06,-1.1,\n", "2:12: error: the USD rate is negative"),
        ("Date,USD,\n2026-02-06,1.12345678,\n", "2:12: error: the USD rate '1.12345678' has more than six decimal places"),
        ("Date,USD,\n2027-01-04,1.1,\n", "2:1: error: 2027-01-04 is in the future"),
        ("Date,USD,\n6 Feb 2026,1.1,\n", "2:1: error: '6 Feb 2026' is not a date"),
        ("Date,USD,\n2026-02-06,1.1,\n2026-02-06,1.2,\n", "3:12: error: 2026-02-06 gives USD a second rate, unlike line 2"),
        ("Date,Dollar,\n2026-02-06,1.1,\n", "1:6: error: 'Dollar' is not a currency code"),
        ("Date,USD,\n2026-02-06,1.1,9,\n", "2:16: error: a value beyond the last currency of the header"),
        ("Date,USD,\n2026-02-06,N/A,\n", "error: the file holds no rate"),
    ])
    func aBadFieldIsNamedByLineAndColumnAndNothingIsStored(text: String, expected: String) throws {
        let store = try PriceStore.inMemory()
        let path = try Self.file(text)
        #expect {
            try Ingestor(store: store, today: Self.today).ingest(fileAt: path)
        } throws: { error in
            guard let error = error as? IngestError, case .invalid = error else { return false }
            return error.localizedDescription.contains(expected) && error.exitCode == 65
        }
        #expect(try store.rateCurrencies().isEmpty)
    }

    @Test func aPriceIsConvertedAtTheRateOfItsOwnDate() throws {
        let store = try PriceStore.inMemory()
        _ = try Self.ingest("Date,USD,GBP,\n2026-02-09,1.25,0.8,\n2026-02-06,1.2,0.85,\n", into: store)
        let euros = try CurrencyConverter(to: "EUR", store: store)
        // 3.00 USD on Saturday 2026-02-07, at Friday's 1.2 per euro: 2.50 EUR.
        #expect(try euros.convert(Money("3")!, from: "USD", on: Day("2026-02-07")!) == Money("2.5")!)
        #expect(try euros.convert(Money("3")!, from: "USD", on: Day("2026-02-09")!) == Money("2.4")!)
        #expect(try euros.convert(Money("3")!, from: "EUR", on: Day("2000-01-01")!) == Money("3")!)
        // Cross rates go through the euro: 1 USD = 0.85 / 1.2 GBP = 0.708333… → 0.708333.
        let pounds = try CurrencyConverter(to: "GBP", store: store)
        #expect(try pounds.convert(Money("1")!, from: "USD", on: Day("2026-02-06")!) == Money("0.708333")!)
        #expect(pounds.ratesUsed.map(\.currency) == ["GBP", "USD"])
        #expect(euros.ratesUsed == [
            .init(currency: "USD", day: Day("2026-02-06")!, perEUR: 1_200_000),
            .init(currency: "USD", day: Day("2026-02-09")!, perEUR: 1_250_000),
        ])
        #expect(throws: StoreError.self) { try euros.convert(Money("3")!, from: "USD", on: Day("2026-02-05")!) }
        #expect(throws: StoreError.self) { try CurrencyConverter(to: "CHF", store: store) }
    }

    @Test func anImplausibleRateFailsInsteadOfOverflowing() throws {
        let store = try PriceStore.inMemory()
        _ = try Self.ingest("Date,USD,IDR,\n2026-02-06,0.000001,99999999,\n", into: store)
        let rupiah = try CurrencyConverter(to: "IDR", store: store)
        #expect(throws: StoreError.self) { try rupiah.convert(Money("9999")!, from: "USD", on: Day("2026-02-06")!) }
    }

    @Test func theSampleFixtureHasARateForEveryFixtureDate() throws {
        let store = try PriceStore.inMemory()
        guard case .storedRates(let result) = try Self.ingest(try String(contentsOf: Self.sample, encoding: .utf8), into: store)
        else {
            Issue.record("the sample was not stored as rates")
            return
        }
        #expect(result.currencies.contains("USD"))
        let dates = (FixturePaths.files(in: "snapshots", withExtension: "json") + FixturePaths.files(in: "synthetic", withExtension: "json"))
            .map { String($0.lastPathComponent.prefix(10)) }
        #expect(dates.count >= 7)
        for date in dates {
            #expect(try store.rate(of: "USD", onOrBefore: Day(date)!) != nil, "no USD rate on or before \(date)")
        }
    }
}

import Foundation
import Testing

@testable import PriceDB

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2026", "2026-12-31"), ("2026-02", "2026-02-28"), ("2024-02", "2024-02-29"), ("2026-02-11", "2026-02-11"),
        ("2026Q1", "2026-03-31"), ("2026-Q1", "2026-03-31"), ("2026q4", "2026-12-31"), ("2026-Q2", "2026-06-30"),
        ("2026Q3", "2026-09-30"),
    ])
    func aPeriodStandsForItsLastDay(text: String, lastDay: String) throws {
        #expect(try #require(Period(text)).lastDay.description == lastDay)
    }

    @Test(arguments: ["2026-13", "2026Q5", "Feb 2026", "2026-02-30", "26", "2026Q", "2026-Q12", "", "2026/02", "Q1"])
    func otherFormsAreRefused(text: String) {
        #expect(Period(text) == nil)
    }

    /// A refusal says what is wrong: a calendar slip is named as one, anything else gets the accepted forms.
    @Test(arguments: [
        ("2026-02-30", "'2026-02-30' is not a day: 2026-02 has 28 days"),
        ("2024-02-30", "'2024-02-30' is not a day: 2024-02 has 29 days"),
        ("2026-04-31", "'2026-04-31' is not a day: 2026-04 has 30 days"),
        ("2026-13", "'2026-13' is not a month: there is no month 13; months run from 01 to 12"),
        ("2026-00-10", "'2026-00-10' is not a day: there is no month 00; months run from 01 to 12"),
        ("2026-01-00", "'2026-01-00' is not a day: days start at 01"),
        ("0000-05", "'0000-05' is not a month: years start at 0001"),
        ("2026Q5", "'2026Q5' is not a quarter: quarters run from Q1 to Q4 of a year from 0001 (2026Q1)"),
        ("Feb 2026", "--as-of takes a year, quarter, month or day (\(Period.acceptedForms)), today or yesterday, not 'Feb 2026'"),
    ])
    func aRefusalSaysWhy(text: String, reason: String) {
        #expect(Period(text) == nil)
        #expect(Period.rejection(of: text, for: "--as-of") == reason)
    }

    @Test(arguments: [
        ("2026-02-07", "2026Q1"), ("2026-04-01", "2026Q2"), ("2026-09-30", "2026Q3"), ("2026-12-31", "2026Q4"),
    ])
    func daysBelongToTheirQuarter(day: String, quarter: String) throws {
        #expect(try #require(Day(day)).quarter.description == quarter)
    }

    @Test func quartersStepAcrossYears() {
        #expect(Quarter(year: 2026, number: 1).previous == Quarter(year: 2025, number: 4))
        #expect(Quarter(year: 2025, number: 4).next == Quarter(year: 2026, number: 1))
    }

    @Test(arguments: ["2026-02-07T09:30:00Z", "2026-02-07T23:59:59.5+02:00", "2026-02-07 10:00:00-05:00"])
    func timestampsKeepTheirWrittenDate(text: String) {
        #expect(Day(dateOrTimestamp: text)?.description == "2026-02-07")
    }

    /// A timestamp's instant, whatever its zone; a plain date has none.
    @Test func timestampsNameTheirInstant() throws {
        let midnight = try #require(Day("2026-11-26")).ordinal * 86_400
        #expect(Day.instant(ofTimestamp: "2026-11-26T00:00:00Z") == midnight)
        #expect(Day.instant(ofTimestamp: "2026-11-27T03:00:00+09:00") == midnight + 18 * 3600)
        #expect(Day.instant(ofTimestamp: "2026-11-25T22:30:15.25-05:30") == midnight + 4 * 3600 + 15)
        #expect(Day.instant(ofTimestamp: "2026-11-26 10:00:00z") == midnight + 10 * 3600)
        #expect(Day.instant(ofTimestamp: "2026-11-26") == nil)
    }

    /// A scraper in Tokyo writes tomorrow's date while a server in UTC is still on today: its timestamp is
    /// judged by its instant. A plain date stays bound to the machine's today.
    @Test func aTimestampAheadInDateButNotInTimeIsAccepted() throws {
        func decoded(_ observedAt: String, now: String) throws -> [String] {
            let text = """
                {"format": "pricedb-snapshot/1", "observed_at": "\(observedAt)",
                 "providers": [{"id": "vast", "name": "Vast.ai", "kind": "p2p-marketplace"}],
                 "observations": [{"provider": "vast", "gpu": "RTX 4090", "price": 0.29}]}
                """
            let seconds = try #require(Day.instant(ofTimestamp: now))
            var decoder = SnapshotDecoder(
                file: "tokyo.json", today: try #require(Day("2026-11-26")), now: Date(timeIntervalSince1970: TimeInterval(seconds)),
                catalog: GPUCatalog(), knownProviders: [])
            _ = decoder.decode(try JSONParser.parse(Array(text.utf8)))
            return decoder.diagnostics.map(\.message)
        }
        #expect(try decoded("2026-11-27T03:00:00+09:00", now: "2026-11-26T19:00:00Z").isEmpty)
        #expect(try decoded("2026-11-27T03:00:00+09:00", now: "2026-11-26T17:00:00Z")
            == ["2026-11-27T03:00:00+09:00 is in the future (it is now 2026-11-26T17:00:00Z); prices can only be recorded once seen"])
        #expect(try decoded("2026-11-27", now: "2026-11-26T19:00:00Z")
            == ["2026-11-27 is in the future (today is 2026-11-26); prices can only be recorded once seen"])
    }

    @Test func todayIsTheDateOfTheGivenTimeZone() throws {
        let instant = Date(timeIntervalSince1970: 1_764_028_800)  // 2025-11-25T00:00:00Z
        #expect(Day.today(instant, in: TimeZone(identifier: "UTC")!) == Day("2025-11-25"))
        #expect(Day.today(instant, in: TimeZone(identifier: "America/New_York")!) == Day("2025-11-24"))
        #expect(Day.today(instant.addingTimeInterval(-3600), in: TimeZone(identifier: "Asia/Tokyo")!) == Day("2025-11-25"))
    }

    @Test(arguments: [
        "2026-02-7", "2026-02-070", "2026-0207", "+026-02-07", "2026-02-07 ", " 2026-02-07", "２０２６-02-07",
        "2026-02-07\u{301}", "2026_02_07", "2026-02-", "",
    ])
    func daysAreExactlyYearMonthAndDayInDigits(text: String) {
        #expect(Day(text) == nil)
    }

    @Test(arguments: [
        "2026-02-07T25", "2026-02-07X", "07.02.2026", "2026-2-7", "2026-02-07T25:00:00Z", "2026-02-07T10:60:00Z",
        "2026-02-07T10:00:61Z", "2026-02-07T10:00:00+24:00", "2026-02-07T10:00:00+02:60",
    ])
    func malformedTimestampsAreRefused(text: String) {
        #expect(Day(dateOrTimestamp: text) == nil)
    }

    @Test func ordinalsCountDaysAndRoundTripAcrossTheWholeRange() throws {
        #expect(Day("1970-01-01")!.ordinal == 0)
        #expect(Day("2026-02-07")!.ordinal == 20_491)
        #expect(Day("2024-03-01")!.ordinal - Day("2024-02-28")!.ordinal == 2)
        #expect(Day("2100-03-01")!.ordinal - Day("2100-02-28")!.ordinal == 1)
        var day = Day.earliest
        var ordinal = day.ordinal
        // Every day of 1 to 9999 in steps of 97 days, and the last one.
        while day < Day.latest {
            #expect(Day(ordinal: ordinal) == day)
            let next = day.adding(days: 97)
            #expect(next.ordinal == min(ordinal + 97, Day.latest.ordinal))
            (day, ordinal) = (next, next.ordinal)
        }
        #expect(Day.latest.adding(days: 1) == .latest && Day.earliest.adding(days: -1) == .earliest)
        #expect(Day.earliest.adding(days: .min) == .earliest && Day.latest.adding(days: .max) == .latest)
    }
}

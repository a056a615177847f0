import Testing

@testable import PriceDB

@Suite struct LocaleTests {
    @Test(arguments: [
        (ReportLocale.en, "1234.5", "$1,234.50"), (.de, "1234.5", "$1.234,50"), (.en, "0.29", "$0.29"),
        (.de, "1600000", "$1.600.000,00"), (.en, "-12.345", "-$12.34"),
    ])
    func amountsGroupThousandsInTheLocalesWay(locale: ReportLocale, amount: String, text: String) {
        #expect(locale.money(Money(amount)!, currency: "USD") == text)
    }

    @Test func rangesAndMarksReadAsTheArticleWrites() {
        let range = PriceRange(low: Money("0.29")!, high: Money("0.78")!)
        #expect(ReportLocale.de.range(range, currency: "USD") == "$0,29-0,78")
        #expect(ReportLocale.en.range(range, currency: "USD") == "$0.29–0.78")
        let derived = Cell(
            value: .price(PriceRange(Money(micros: 4_096_250))), currency: "USD", derived: true, approximate: true,
            observedOn: nil, stale: false)
        #expect(ReportLocale.de.cell(derived) == "~$4,10*")
        var exact = derived
        exact.value = .price(PriceRange(Money("3.50")!))
        exact.approximate = false
        #expect(ReportLocale.en.cell(exact) == "$3.50*")
    }

    /// An exact per-GPU share (28.00 / 8) carries no `~`; one rounded to the cent (32.77 / 8) does.
    @Test func onlyAnApproximateOrRoundedShareIsMarkedApproximate() {
        let day = Day("2026-02-07")!
        func cell(_ price: String) -> Cell {
            Cell.of([OfferGroup(observedOn: day, gpuCount: GPUCount(millionths: 8_000_000), price: PriceRange(Money(price)!))], staleBefore: day)
        }
        #expect(ReportLocale.en.cell(cell("28.00")) == "$3.50*")
        #expect(ReportLocale.en.cell(cell("32.77")) == "~$4.10*")
        #expect(ReportBuilder.markNotes(for: [cell("28.00")], stale: .staleNote(before: day)) == [.derivedNote])
    }
}

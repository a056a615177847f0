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
            value: .price(PriceRange(Money(micros: 4_096_250))), currency: "USD", derived: true, approximate: false,
            observedOn: nil, stale: false)
        #expect(ReportLocale.de.cell(derived) == "~$4,10*")
    }
}

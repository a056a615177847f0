import Testing

@testable import PriceDB

@Suite struct MoneyTests {
    @Test(arguments: [
        ("0.29", 290_000), ("0.78", 780_000), ("32.77", 32_770_000), ("0", 0), ("1e2", 100_000_000),
        ("2.5E-1", 250_000), ("0.000001", 1), ("9999.999999", 9_999_999_999), ("-1.5", -1_500_000),
        ("0.100000", 100_000), ("12.240", 12_240_000),
    ] as [(String, Int64)])
    func decimalTextIsReadExactly(text: String, micros: Int64) throws {
        #expect(try DecimalText.millionths(text[...]) == micros)
    }

    @Test(arguments: ["", "-", ".5", "1.", "abc", "1.2.3", "NaN", "1e", "0x10"])
    func nonNumbersAreRefused(text: String) {
        #expect(throws: DecimalText.Failure.self) { try DecimalText.millionths(text[...]) }
    }

    @Test func digitsBeyondTheSixthPlaceAreRefusedOrRoundedHalfEven() throws {
        #expect(throws: DecimalText.Failure.tooPrecise) { try DecimalText.millionths("0.1234567") }
        #expect(try DecimalText.millionths("0.0000005", rounding: true) == 0)
        #expect(try DecimalText.millionths("0.0000015", rounding: true) == 2)
        #expect(try DecimalText.millionths("0.61200000000000001", rounding: true) == 612_000)
        #expect(try DecimalText.millionths("0.0000005000001", rounding: true) == 1)
    }

    @Test(arguments: [
        (32_770_000, 8_000_000, 4_096_250), (98_320_000, 8_000_000, 12_290_000), (12_240_000, 4_000_000, 3_060_000),
        (1_000_000, 3_000_000, 333_333), (2_000_000, 3_000_000, 666_667), (500_000, 250_000, 2_000_000),
        (5, 2_000_000, 2), (7, 2_000_000, 4),
    ] as [(Int64, Int64, Int64)])
    func perGPUPricesDivideExactlyAndRoundHalfEven(unit: Int64, count: Int64, perGPU: Int64) {
        #expect(Money(micros: unit).perGPU(of: GPUCount(millionths: count)).micros == perGPU)
    }

    @Test(arguments: [
        (4_096_250, 410), (4_095_000, 410), (4_085_000, 408), (4_085_001, 409), (12_290_000, 1229), (5_000, 0),
        (15_000, 2), (-15_000, -2),
    ] as [(Int64, Int64)])
    func centsRoundHalfToEven(micros: Int64, cents: Int64) {
        #expect(Money(micros: micros).cents == cents)
    }

    @Test func hoursMultiplyExactly() throws {
        let hours = try #require(Hours("8"))
        #expect(Money("1.39")!.times(hours: hours) == Money("11.12")!)
        #expect(Money("0.59")!.times(hours: Hours("720")!) == Money("424.8")!)
        #expect(Money("0.29")!.times(hours: Hours("2.5")!) == Money("0.725")!)
    }

    @Test func moneyPrintsItsExactValue() {
        #expect(Money("32.770")!.description == "32.77")
        #expect(Money(micros: 4_096_250).description == "4.09625")
        #expect(Money("8")!.description == "8")
    }
}

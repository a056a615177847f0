import Testing

@testable import PriceDB

/// Drives the money, count and period arithmetic with extreme and seeded random values: nothing may trap, and
/// every result that fits must equal the one computed independently in 128 bits.
@Suite struct ArithmeticTests {
    /// SplitMix64: a small seeded generator, so a failure names the seed that reproduces it.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let extremes: [Int64] = [
        .max, .max - 1, .min, .min + 1, 0, 1, -1, 999_999, 1_000_000, 10_000 * 1_000_000, 64_000_000, 250_000,
        9_223_372_036_855, 9_223_372_036_854_775,
    ]

    /// Extremes, then seeded random values of every magnitude.
    static func values(seed: UInt64, count: Int) -> [Int64] {
        var generator = Generator(state: seed)
        return extremes + (0..<count).map { _ in
            let bits = Int64.random(in: 0...62, using: &generator)
            return Int64.random(in: -(1 << bits)...(1 << bits), using: &generator)
        }
    }

    /// Half-to-even division computed the slow, obvious way.
    static func reference(_ value: Int64, _ factor: Int64, _ divisor: Int64) -> Int64? {
        guard divisor != 0 else { return nil }
        let numerator = Int128(value) * Int128(factor), denominator = Int128(divisor)
        let quotient = numerator / denominator, remainder = numerator % denominator
        var result = quotient
        let twice = 2 * (remainder < 0 ? -remainder : remainder)
        let size = denominator < 0 ? -denominator : denominator
        if twice > size || (twice == size && quotient % 2 != 0) {
            result += (numerator < 0) != (denominator < 0) ? -1 : 1
        }
        return Int64(exactly: result)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func scaledDivisionNeverTrapsAndMatchesTheReference(seed: UInt64) {
        let values = Self.values(seed: seed, count: 200)
        for (index, value) in values.enumerated() {
            let factor = values[(index * 7 + 3) % values.count]
            let divisor = values[(index * 13 + 5) % values.count]
            #expect(DecimalText.scaled(value, times: factor, over: divisor) == Self.reference(value, factor, divisor),
                    "seed \(seed): \(value) × \(factor) ÷ \(divisor)")
            _ = DecimalText.roundedQuotient(value, divisor)
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func moneyCountsAndHoursNeverTrap(seed: UInt64) throws {
        let counts = [1, 1_000_000, 8_000_000, 64_000_000, 250_000] as [Int64]
        let hours = ["0.000001", "1", "24", "10000000", "99999999999.999999"].compactMap(Hours.init)
        #expect(hours.count == 5)
        for micros in Self.values(seed: seed, count: 100) {
            let money = Money(micros: micros)
            for count in counts { _ = money.perGPU(of: GPUCount(millionths: count)) }
            for hour in hours {
                let total = money.times(hours: hour)
                #expect(total?.micros == Self.reference(micros, hour.millionths, 1_000_000))
            }
            _ = money + Money(micros: .max)
            _ = money - Money(micros: .min)
            _ = PriceRange(low: money, high: Money(micros: .max)).mid
            _ = Money(micros: .max).cents
        }
        // The largest amount at 64 GPUs and at a millionth of a GPU.
        #expect(Money(micros: .max).perGPU(of: .maximum).micros == Int64.max / 64 + 1)
        #expect(Money(micros: .max).perGPU(of: GPUCount(millionths: 1)) == Money(micros: .max))
    }

    @Test func scenariosOfExtremeValuesFailWithAMessageInsteadOfTrapping() throws {
        let gpu = try #require(GPUCatalog().gpu(id: "h100-80gb"))
        let provider = Provider(id: "x", name: "X", shortName: "X", kind: .other, url: nil)
        func grid(_ micros: Int64) -> Comparison {
            let cell = Cell(
                value: .price(PriceRange(Money(micros: micros))), currency: "USD", derived: false, approximate: false,
                observedOn: Day("2026-02-07"), stale: false)
            return Comparison(asOf: Day("2026-02-28")!, providers: [provider], gpus: [gpu], cells: [[cell]])
        }
        let day = Day("2026-02-28")!
        let huge = try #require(Hours("99999999999"))
        #expect(throws: QueryError.self) {
            try CostScenario(gpu: gpu, hours: huge, asOf: day, pricePoint: .high, comparison: grid(9_999_999_999))
        }
        let fine = try CostScenario(gpu: gpu, hours: huge, asOf: day, pricePoint: .low, comparison: grid(1))
        #expect(fine.lines[0].total == Money(micros: 99_999_999_999))
        let purchase = PriceRange(Money(micros: .max))
        #expect(throws: QueryError.self) {
            try BreakEven(
                gpu: gpu, asOf: day, purchase: purchase, hoursPerDay: Hours("24")!,
                rates: [BreakEven.Rate(provider: nil, price: PriceRange(Money(micros: 1)), currency: "USD")])
        }
        let slow = try BreakEven(
            gpu: gpu, asOf: day, purchase: PriceRange(Money("1000000")!), hoursPerDay: Hours("0.000001")!,
            rates: [BreakEven.Rate(provider: nil, price: PriceRange(Money("0.01")!), currency: "USD")])
        let hours = try #require(slow.lines[0].hours)
        #expect(throws: QueryError.self) { try slow.days(hours, hoursPerDay: Hours("0.000001")!) }
        #expect(Delta.between(
            Cell(value: .price(PriceRange(Money(micros: 1))), currency: "USD", derived: false, approximate: false, observedOn: day, stale: false),
            Cell(value: .price(PriceRange(Money(micros: .max))), currency: "USD", derived: false, approximate: false, observedOn: day, stale: false))
            != .none)
    }

    @Test func datesAndPeriodsAtTheEdgesOfTheCalendarClampInsteadOfTrapping() throws {
        #expect(Day.earliest.addingMonths(-1) == Day.earliest)
        #expect(Day.latest.addingMonths(1) == Day.latest)
        #expect(Day("2026-02-07")!.addingMonths(.min) == Day.earliest)
        #expect(Day("2026-02-07")!.addingMonths(.max) == Day.latest)
        #expect(Quarter(year: 0, number: 4).lastDay == Day.earliest)
        #expect(Quarter(year: 10_000, number: 1).firstDay == Day.latest)
        #expect(Period("0001Q1")!.lastDay.quarter.previous.lastDay == Day.earliest)
        let query = PriceQuery(store: try PriceStore.inMemory(), staleAfterQuarters: .max)
        #expect(query.staleLimit(asOf: Day("2026-02-07")!) == Day.earliest)
        #expect(PriceQuery(store: try PriceStore.inMemory(), staleAfterQuarters: 400).staleLimit(asOf: Day.earliest) == Day.earliest)
    }
}

/// Rent or buy: after how many hours of renting the purchase price would have been spent (the article's FAQ).
public struct BreakEven: Sendable {
    public var gpu: GPU
    public var asOf: Day
    /// The purchase price, a single figure or a range (`1600-2000`).
    public var purchase: PriceRange
    public var hoursPerDay: Hours
    public var lines: [Line]

    /// One rental price's break-even.
    public struct Line: Sendable {
        /// `nil` for the line that spans every listed provider, or for a rate the user gave.
        public var provider: Provider?
        /// The hourly rental price range used.
        public var rate: PriceRange
        /// Break-even in hours: from the cheapest purchase at the dearest rate to the dearest purchase at the
        /// cheapest rate, in millionths of an hour.
        public var hours: ClosedRange<Int64>
    }

    /// One line per provider with a price, and one that spans them all.
    public init(gpu: GPU, asOf: Day, purchase: PriceRange, hoursPerDay: Hours, rates: [(Provider?, PriceRange)]) {
        self.gpu = gpu
        self.asOf = asOf
        self.purchase = purchase
        self.hoursPerDay = hoursPerDay
        var lines = rates.compactMap { provider, rate in Self.line(provider: provider, rate: rate, purchase: purchase) }
        if rates.count > 1 {
            let all = PriceRange(low: rates.map(\.1.low).min()!, high: rates.map(\.1.high).max()!)
            if let line = Self.line(provider: nil, rate: all, purchase: purchase) { lines.append(line) }
        }
        self.lines = lines
    }

    private static func line(provider: Provider?, rate: PriceRange, purchase: PriceRange) -> Line? {
        guard rate.low.micros > 0 else { return nil }
        let fewest = DecimalText.divide(purchase.low.micros, by: rate.high.micros)
        let most = DecimalText.divide(purchase.high.micros, by: rate.low.micros)
        return Line(provider: provider, rate: rate, hours: fewest...most)
    }

    /// Break-even days of continuous use and of `hoursPerDay` use, in millionths of a day.
    public func days(_ line: Line, hoursPerDay: Hours) -> ClosedRange<Int64> {
        DecimalText.divide(line.hours.lowerBound, by: hoursPerDay.millionths)
            ... DecimalText.divide(line.hours.upperBound, by: hoursPerDay.millionths)
    }
}

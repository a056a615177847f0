/// Rent or buy: after how many hours of renting the purchase price would have been spent (the article's FAQ).
public struct BreakEven: Sendable {
    public var gpu: GPU
    public var asOf: Day
    /// The purchase price, a single figure or a range (`1600-2000`).
    public var purchase: PriceRange
    /// The currency of the purchase price: the one most rental prices use. Rates in another currency are shown
    /// but not divided into it, since pricedb does not convert.
    public var currency: String
    public var hoursPerDay: Hours
    public var lines: [Line]

    /// One rental price's break-even.
    public struct Line: Sendable {
        /// `nil` for the line that spans every listed provider, or for a rate the user gave.
        public var provider: Provider?
        /// The hourly rental price range used.
        public var rate: PriceRange
        public var currency: String
        /// Break-even in hours: from the cheapest purchase at the dearest rate to the dearest purchase at the
        /// cheapest rate, in millionths of an hour; `nil` for a rate in another currency than the purchase.
        public var hours: ClosedRange<Int64>?
    }

    /// A rental price to weigh the purchase against.
    public struct Rate: Sendable {
        public var provider: Provider?
        public var price: PriceRange
        public var currency: String

        public init(provider: Provider?, price: PriceRange, currency: String) {
            self.provider = provider
            self.price = price
            self.currency = currency
        }
    }

    /// One line per provider with a price, and one that spans those in the purchase's currency; lines in other
    /// currencies come last. Fails when a break-even is beyond what pricedb can compute.
    public init(gpu: GPU, asOf: Day, purchase: PriceRange, hoursPerDay: Hours, rates: [Rate]) throws(QueryError) {
        self.gpu = gpu
        self.asOf = asOf
        self.purchase = purchase
        self.hoursPerDay = hoursPerDay
        let currency = Currency.mostCommon(rates.map(\.currency)) ?? "USD"
        self.currency = currency
        let main = rates.filter { $0.currency == currency && $0.price.low.micros > 0 }
        var lines: [Line] = []
        for rate in main {
            lines.append(try Self.line(provider: rate.provider, rate: rate.price, currency: currency, purchase: purchase))
        }
        if main.count > 1, let low = main.map(\.price.low).min(), let high = main.map(\.price.high).max() {
            lines.append(try Self.line(provider: nil, rate: PriceRange(low: low, high: high), currency: currency, purchase: purchase))
        }
        for rate in rates where rate.currency != currency {
            lines.append(Line(provider: rate.provider, rate: rate.price, currency: rate.currency, hours: nil))
        }
        self.lines = lines
    }

    private static func line(provider: Provider?, rate: PriceRange, currency: String, purchase: PriceRange) throws(QueryError) -> Line {
        guard let fewest = DecimalText.divide(purchase.low.micros, by: rate.high.micros),
            let most = DecimalText.divide(purchase.high.micros, by: rate.low.micros)
        else {
            throw .outOfRange(
                "a purchase of \(purchase.high) at \(rate.low) an hour is beyond the hours pricedb can compute; "
                    + "check --purchase and --rate")
        }
        return Line(provider: provider, rate: rate, currency: currency, hours: fewest...most)
    }

    /// Break-even days of continuous use and of `hoursPerDay` use, in millionths of a day; fails when the count
    /// is beyond what pricedb can compute (a tiny `--hours-per-day`).
    public func days(_ hours: ClosedRange<Int64>, hoursPerDay: Hours) throws(QueryError) -> ClosedRange<Int64> {
        guard let low = DecimalText.divide(hours.lowerBound, by: hoursPerDay.millionths),
            let high = DecimalText.divide(hours.upperBound, by: hoursPerDay.millionths)
        else {
            throw .outOfRange("\(DecimalText.text(millionths: hours.upperBound)) hours at \(hoursPerDay) hours a day is beyond the days pricedb can count; give a larger --hours-per-day")
        }
        return low...high
    }
}

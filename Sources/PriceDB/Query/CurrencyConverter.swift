import Foundation

/// Converts prices into one currency at the reference rate of each price's own observation date: the latest
/// rate on or before it, since no rate is fixed on weekends and holidays. A figure is worth what it was worth
/// the day it was seen, not at today's rate.
///
/// It remembers the rates it applied, so that a report can name them. It is shared by the queries of one
/// command, possibly from several threads, hence the lock.
public final class CurrencyConverter: @unchecked Sendable {
    /// The currency every price is given in.
    public let target: String
    private let store: PriceStore
    private let lock = NSLock()
    private var lookedUp: [Lookup: AppliedRate] = [:]
    private var applied: Set<AppliedRate> = []
    private var widestGap: OutdatedRate?

    /// A rate applied to a price seen more than `OutdatedRate.tolerance` days after the rate's own day (the
    /// newest rate stored is older than the price).
    public struct OutdatedRate: Hashable, Sendable {
        /// A week: rates are not fixed on weekends and holidays, so a gap of a few days is ordinary.
        public static let tolerance = 7
        public var currency: String
        public var rateDay: Day
        public var priceDay: Day
    }

    /// The applied rate that was oldest against its price's day, when more than a week older.
    public var outdatedRate: OutdatedRate? {
        lock.withLock { widestGap }
    }

    /// A rate that was applied: units of `currency` per euro on `day`.
    public struct AppliedRate: Hashable, Sendable, Comparable {
        public var currency: String
        public var day: Day
        public var perEUR: Int64

        public static func < (lhs: AppliedRate, rhs: AppliedRate) -> Bool {
            (lhs.currency, lhs.day, lhs.perEUR) < (rhs.currency, rhs.day, rhs.perEUR)
        }
    }

    private struct Lookup: Hashable {
        var currency: String
        var day: Day
    }

    /// A converter into `target`; fails when no rate of `target` is stored (EUR needs none).
    public init(to target: String, store: PriceStore) throws(StoreError) {
        self.target = target
        self.store = store
        guard target != "EUR" else { return }
        let known = try store.rateCurrencies().map(\.currency)
        guard known.contains(target) else { throw .noRatesFor(target, stored: known) }
    }

    /// The rates applied so far, by currency and day.
    public var ratesUsed: [AppliedRate] {
        lock.withLock { applied.sorted() }
    }

    /// `money`, priced in `currency` and seen on `day`, in the target currency, rounded half to even to a
    /// micro-unit; unchanged when it is in the target currency already.
    public func convert(_ money: Money, from currency: String, on day: Day) throws(StoreError) -> Money {
        guard currency != target else { return money }
        let from = try perEUR(currency, on: day)
        let to = try perEUR(target, on: day)
        guard let converted = DecimalText.scaled(money.micros, times: to, over: from) else {
            throw .unconvertible(amount: money.description, currency: currency, target: target, day: day)
        }
        return Money(micros: converted)
    }

    public func convert(_ range: PriceRange, from currency: String, on day: Day) throws(StoreError) -> PriceRange {
        PriceRange(low: try convert(range.low, from: currency, on: day), high: try convert(range.high, from: currency, on: day))
    }

    /// A group of offers with its prices in the target currency, marked converted when they were not in it.
    func convert(_ group: OfferGroup) throws(StoreError) -> OfferGroup {
        guard group.currency != target else { return group }
        var converted = group
        converted.price = try group.price.map { price throws(StoreError) in try convert(price, from: group.currency, on: group.observedOn) }
        converted.currency = target
        converted.converted = true
        return converted
    }

    /// A line of a provider's price list with its price in the target currency, marked converted when it was
    /// not in it.
    func convert(_ offer: ListedOffer) throws(StoreError) -> ListedOffer {
        guard offer.currency != target else { return offer }
        var converted = offer
        converted.price = try convert(offer.price, from: offer.currency, on: offer.observedOn)
        converted.currency = target
        converted.converted = true
        return converted
    }

    /// Units of `currency` per euro on `day`, in millionths.
    private func perEUR(_ currency: String, on day: Day) throws(StoreError) -> Int64 {
        guard currency != "EUR" else { return DecimalText.scale }
        let lookup = Lookup(currency: currency, day: day)
        if let known = lock.withLock({ lookedUp[lookup] }) {
            lock.withLock { _ = applied.insert(known) }
            return known.perEUR
        }
        guard let found = try store.rate(of: currency, onOrBefore: day) else {
            throw .noExchangeRate(currency: currency, day: day, target: target)
        }
        let rate = AppliedRate(currency: currency, day: found.day, perEUR: found.perEUR)
        let gap = day.ordinal - found.day.ordinal
        lock.withLock {
            lookedUp[lookup] = rate
            applied.insert(rate)
            if gap > OutdatedRate.tolerance, gap > (widestGap.map { $0.priceDay.ordinal - $0.rateDay.ordinal } ?? 0) {
                widestGap = OutdatedRate(currency: currency, rateDay: found.day, priceDay: day)
            }
        }
        return rate.perEUR
    }
}

/// The offers of one series on one day that share a unit size and currency, summarised: what a cell needs,
/// without loading every offer of a catalog with thousands of instances and regions.
public struct OfferGroup: Hashable, Sendable {
    public var observedOn: Day
    public var status: Status
    public var gpuCount: GPUCount
    public var currency: String
    /// The lowest and highest unit price; `nil` unless `status` is `available`.
    public var price: PriceRange?
    public var approximate: Bool
    public var offers: Int
    /// The prices were converted from another currency (`--currency`).
    public var converted = false

    public init(
        observedOn: Day, status: Status = .available, gpuCount: GPUCount = .one, currency: String = "USD",
        price: PriceRange?, approximate: Bool = false, offers: Int = 1
    ) {
        self.observedOn = observedOn
        self.status = status
        self.gpuCount = gpuCount
        self.currency = currency
        self.price = price
        self.approximate = approximate
        self.offers = offers
    }
}

extension OfferGroup {
    /// Takes in the offers of another group of the same day, status, unit size and currency (another tier or
    /// source of the same series).
    mutating func merge(_ other: OfferGroup) {
        if let range = other.price {
            price = PriceRange(low: min(price?.low ?? range.low, range.low), high: max(price?.high ?? range.high, range.high))
        }
        approximate = approximate || other.approximate
        offers += other.offers
        converted = converted || other.converted
    }
}

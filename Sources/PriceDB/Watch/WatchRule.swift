/// A price alert: which offers it watches and when it fires. A rule fires for an offer when its per-GPU price
/// (the low end of a range) is under `below` — having crossed it from at or above, or as a new offer — and when it
/// fell by at least `dropPercent` from the offer's previous observed price; a rule with both fires when both hold.
public struct WatchRule: Hashable, Sendable {
    /// What the user called it; the rule's own text otherwise.
    public var name: String?
    public var gpuNames: [String]?
    public var providerIDs: [String]?
    /// Every tier when `nil`: an alert for a cheap spot offer is still news.
    public var tiers: [Tier]?
    /// Shell-style patterns (`us-*`); an offer without a region matches none.
    public var regionPatterns: [String]?
    /// Per GPU-hour, in the offer's own currency.
    public var below: Money?
    /// A fall of at least this many per cent (10 for 10%).
    public var dropPercent: Money?

    public init(
        name: String? = nil, gpuNames: [String]? = nil, providerIDs: [String]? = nil, tiers: [Tier]? = nil,
        regionPatterns: [String]? = nil, below: Money? = nil, dropPercent: Money? = nil
    ) {
        self.name = name
        self.gpuNames = gpuNames
        self.providerIDs = providerIDs
        self.tiers = tiers
        self.regionPatterns = regionPatterns
        self.below = below
        self.dropPercent = dropPercent
    }

    /// The rule as text, which also identifies it in the database: renaming a rule does not repeat its alerts,
    /// changing what it watches does.
    public var canonical: String {
        var parts: [String] = []
        if let gpuNames { parts.append("gpu=" + gpuNames.joined(separator: ",")) }
        if let providerIDs { parts.append("providers=" + providerIDs.joined(separator: ",")) }
        if let tiers { parts.append("tier=" + tiers.map(\.rawValue).joined(separator: ",")) }
        if let regionPatterns { parts.append("region=" + regionPatterns.joined(separator: ",")) }
        if let below { parts.append("below=\(below)") }
        if let dropPercent { parts.append("drop=\(dropPercent)%") }
        return parts.joined(separator: " ")
    }

    public var label: String { name ?? canonical }

    /// Where the crossing that fires the rule begins in an offer's per-GPU prices, one per price run, oldest
    /// first; `nil` when it does not fire on the latest. Under `below`, the crossing is the first run of the
    /// latest stretch under it (so a rise within the stretch is no news, and a first look reports what is under
    /// it now); under `dropPercent`, the latest run, when it fell far enough from the one before.
    public func crossing(in prices: [Money]) -> Int? {
        guard let current = prices.last, below != nil || dropPercent != nil else { return nil }
        var start = prices.count - 1
        if let below {
            guard current < below else { return nil }
            while start > 0 && prices[start - 1] < below { start -= 1 }
        }
        if let dropPercent {
            guard prices.count >= 2, Self.fell(from: prices[prices.count - 2], to: current, by: dropPercent) else {
                return nil
            }
            start = prices.count - 1
        }
        return start
    }

    /// Whether a price fell by at least `percent` per cent.
    static func fell(from previous: Money, to current: Money, by percent: Money) -> Bool {
        guard previous.micros > 0, current < previous else { return false }
        // (previous − current) / previous ≥ percent / 100, in 128 bits so no input can overflow it.
        let fall = (Int128(previous.micros) - Int128(current.micros)) * 100_000_000
        return fall >= Int128(percent.micros) * Int128(previous.micros)
    }
}

import Foundation

/// One price that someone saw: a provider's hourly price for a unit of GPUs, on a day.
public struct Observation: Hashable, Sendable {
    public var providerID: String
    public var gpuID: String
    /// The GPU's name as the source wrote it, kept for provenance and the providers' own tables.
    public var gpuLabel: String
    /// `SXM`, `PCIe`, …, or empty.
    public var variant: String
    public var gpuCount: GPUCount
    public var instance: String
    public var region: String
    public var tier: Tier
    public var currency: String
    /// The whole unit's hourly price; `nil` unless `status` is `available`.
    public var price: PriceRange?
    public var status: Status
    public var approximate: Bool
    public var observedOn: Day
    public var note: String?

    public init(
        providerID: String, gpuID: String, gpuLabel: String, variant: String = "", gpuCount: GPUCount = .one, instance: String = "",
        region: String = "", tier: Tier = .onDemand, currency: String = "USD", price: PriceRange?,
        status: Status = .available, approximate: Bool = false, observedOn: Day, note: String? = nil
    ) {
        self.providerID = providerID
        self.gpuID = gpuID
        self.gpuLabel = gpuLabel
        self.variant = variant
        self.gpuCount = gpuCount
        self.instance = instance
        self.region = region
        self.tier = tier
        self.currency = currency
        self.price = price
        self.status = status
        self.approximate = approximate
        self.observedOn = observedOn
        self.note = note
    }

    /// The fields that make two observations of one file the same offer (a conflict if both appear).
    public struct Identity: Hashable, Sendable {
        var providerID: String
        var gpuID: String
        var variant: String
        var instance: String
        var region: String
        var tier: Tier
    }

    public var identity: Identity {
        Identity(providerID: providerID, gpuID: gpuID, variant: variant, instance: instance, region: region, tier: tier)
    }
}

/// A price or a range of prices (`$0.29–0.78` on a marketplace).
public struct PriceRange: Hashable, Sendable {
    public var low: Money
    public var high: Money

    public init(low: Money, high: Money) {
        self.low = low
        self.high = high
    }

    public init(_ single: Money) {
        self.init(low: single, high: single)
    }

    public var isSingle: Bool { low == high }

    /// Both ends divided by the unit's GPU count.
    public func perGPU(of count: GPUCount) -> PriceRange {
        PriceRange(low: low.perGPU(of: count), high: high.perGPU(of: count))
    }
}

/// How an offer is sold. Reports count on-demand, secure, community and marketplace offers unless told
/// otherwise (see docs/guide.md, "As of a date").
public enum Tier: String, CaseIterable, Sendable {
    case onDemand = "on-demand"
    case spot
    case reserved
    case community
    case secure
    case marketplace

    public static let reportedByDefault: [Tier] = [.onDemand, .secure, .community, .marketplace]

    /// Tiers as a message names them: `on-demand, secure`.
    public static func listed(_ tiers: [Tier]) -> String {
        tiers.map(\.rawValue).joined(separator: ", ")
    }

    /// The tier a name given on the command line or in a rules file stands for, ignoring case.
    public init?(named name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// Why `name` is no tier, with the closest one: `unknown tier 'spto'; did you mean "spot"? use …`.
    public static func rejection(of name: String) -> String {
        let names = allCases.map(\.rawValue)
        return "unknown tier '\(UntrustedText.shown(name))'; \(EditDistance.suggestion(for: name, among: names))use "
            + names.joined(separator: ", ")
    }
}

/// Whether an offer could be rented when observed.
public enum Status: String, CaseIterable, Sendable {
    case available
    /// The provider does not offer this GPU.
    case unavailable
    case comingSoon = "coming-soon"
}

extension PriceRange {
    /// Reads `1600` or `1600-2000`, with a hyphen or the en dash reports print (`1600–2000`); amounts are exact
    /// decimals without a currency sign, and above 0.
    public init?(_ text: String) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let first = parts.first, let last = parts.last,
            let low = Money(first), let high = Money(last), low.micros > 0, low <= high
        else { return nil }
        self.init(low: low, high: high)
    }
}

import ArgumentParser
import PriceDB

/// `--as-of` with `--tier` and `--stale-after` as reports count offers.
typealias AsOfOptions = ScopeOptions<ReportedTiers>

/// `--as-of` with `--tier` and `--stale-after`: which day a question is about and which offers count.
struct ScopeOptions<Default: DefaultTiers>: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The day to look at; a period stands for its last day. Forms: \(Period.acceptedForms). Default: today.",
            valueName: "period"),
        transform: periodArgument(for: "--as-of"))
    var asOf: Period?

    @OptionGroup var counting: CountingOptions<Default>

    var period: Period { asOf ?? .day(.today()) }
    var tier: [String]? { counting.tier.isEmpty ? nil : counting.tier }
    var staleAfter: Int { counting.staleAfter }

    func tiers() throws -> [Tier] {
        try counting.tiers()
    }

    /// The period, with a warning when it ends after today: nothing is known of the future, and the warning
    /// names the newest observation the answer can draw on.
    func period(checkedAgainst store: PriceStore) -> Period {
        let period = self.period
        if period.lastDay > Day.today(), let range = try? store.observationDateRange() {
            Diagnostics.warning(
                "--as-of \(period) ends after today (\(Day.today())); the newest observation in the database is from "
                    + "\(range.upperBound), and prices are judged stale against \(period.lastDay)")
        }
        return period
    }
}

/// Which tiers count when `--tier` names none, as `--help` says it.
protocol DefaultTiers {
    static var tiers: [Tier] { get }
    static var described: String { get }
}

/// A report's tiers: the prices anyone can rent at, not spot.
enum ReportedTiers: DefaultTiers {
    static let tiers = Tier.reportedByDefault
    static let described = Tier.reportedByDefault.map(\.rawValue).joined(separator: ",")
}

/// Every tier, for alerts: a cheap spot offer is news too.
enum EveryTier: DefaultTiers {
    static let tiers = Tier.allCases
    static let described = "every tier, spot too"
}

/// `--tier` and `--stale-after`: which offers count, and how old a price may be before it is stale.
struct CountingOptions<Default: DefaultTiers>: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Tiers that count, repeated or comma-separated (\(Tier.allCases.map(\.rawValue).joined(separator: ", "))). "
                + "Default: \(Default.described).",
            valueName: "tiers"))
    var tier: [String] = []

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Mark cells older than this many quarters before the day as stale.", valueName: "quarters"))
    var staleAfter = 2

    func tiers() throws -> [Tier] {
        tier.isEmpty ? Default.tiers : try parseTiers(tier.joined(separator: ","))
    }

    func validate() throws {
        try requireItems(tier, option: "--tier")
        _ = try tiers()
        guard (1...400).contains(staleAfter) else {
            throw ValidationError("--stale-after takes 1 to 400 quarters, not \(staleAfter)")
        }
    }
}

import ArgumentParser
import PriceDB

/// `--as-of` with `--tier` and `--stale-after`: which day a question is about and which offers count.
struct AsOfOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The day to look at; a period stands for its last day. Forms: \(Period.acceptedForms). Default: today.",
            valueName: "period"))
    var asOf: Period?

    @OptionGroup var counting: CountingOptions

    var period: Period { asOf ?? .day(.today()) }
    var tier: String? { counting.tier }
    var staleAfter: Int { counting.staleAfter }

    func tiers() throws -> [Tier] {
        try counting.tiers()
    }
}

/// `--tier` and `--stale-after`: which offers count, and how old a price may be before it is stale.
struct CountingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Comma-separated tiers that count (\(Tier.allCases.map(\.rawValue).joined(separator: ", "))). Default: on-demand,secure,community,marketplace.",
            valueName: "tiers"))
    var tier: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Mark cells older than this many quarters before the day as stale.", valueName: "quarters"))
    var staleAfter = 2

    func tiers() throws -> [Tier] {
        try tier.map { try parseTiers($0) } ?? Tier.reportedByDefault
    }

    func validate() throws {
        _ = try tiers()
        guard (1...400).contains(staleAfter) else {
            throw ValidationError("--stale-after takes 1 to 400 quarters, not \(staleAfter)")
        }
    }
}

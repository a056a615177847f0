import ArgumentParser
import PriceDB

extension OutputFormat: ExpressibleByArgument {}
extension ReportLocale: ExpressibleByArgument {}
extension GPUClass: ExpressibleByArgument {}
extension PricePoint: ExpressibleByArgument {}
extension Tier: ExpressibleByArgument {}
extension Ingestor.Format: ExpressibleByArgument {}

/// Reads a period for `option`, saying what is wrong with one that is not (`2026-02-30`: February has 28 days).
func periodArgument(for option: String) -> @Sendable (String) throws -> Period {
    { text in
        // `today` and `yesterday` are days of this machine's calendar, as the default of --as-of is.
        switch text.lowercased() {
        case "today": return .day(.today())
        case "yesterday": return .day(Day.today().adding(days: -1))
        default: break
        }
        guard let period = Period(text) else { throw ValidationError(Period.rejection(of: text, for: option)) }
        return period
    }
}

/// Reads a positive number of hours for `option`, saying what it takes when the text is not one.
func hoursArgument(for option: String) -> @Sendable (String) throws -> Hours {
    { text in
        guard let hours = Hours(text) else {
            throw ValidationError(
                "\(option) takes a number of hours above 0 and below 100,000,000,000, with at most 6 decimals, not '\(text)'")
        }
        return hours
    }
}

/// Splits a comma-separated option value (`--gpus "RTX 4090,A100 (80GB)"`) into trimmed, non-empty items.
func commaSeparated(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Reads a comma-separated list of tiers (`--tier spot,on-demand`).
func parseTiers(_ list: String) throws -> [Tier] {
    try commaSeparated(list).map { name in
        guard let tier = Tier(named: name) else { throw ValidationError(Tier.rejection(of: name)) }
        return tier
    }
}

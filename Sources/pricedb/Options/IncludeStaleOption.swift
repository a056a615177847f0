import ArgumentParser
import PriceDB

/// `--include-stale`: a price older than the stale limit never decides an answer unless asked for, and what was
/// left out is said.
struct IncludeStaleOption: ParsableArguments {
    @Flag(help: "Count prices older than --stale-after quarters too (marked †); by default they are left out.")
    var includeStale = false

    /// The note that says how many `noun`s were left out for being stale.
    func leftOut(_ count: Int, of noun: String, staleBefore limit: Day) -> String {
        "left out \(count) stale \(noun)\(count == 1 ? "" : "s") (last observed before \(limit)); --include-stale counts them"
    }
}

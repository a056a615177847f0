import ArgumentParser
import PriceDB

/// Lists one spelling serves in every command: repeat the option or separate with commas (`--providers aws,vast`
/// or `--providers aws --providers vast`). Earlier spellings stay accepted but hidden.
func listed(_ values: [String]) -> [String]? {
    values.isEmpty ? nil : values.flatMap(commaSeparated)
}

/// Refuses a list option that was given but names nothing (`--providers ""`).
func requireItems(_ values: [String], option: String) throws {
    if !values.isEmpty && values.flatMap(commaSeparated).isEmpty {
        throw ValidationError("\(option) names nothing; give at least one value, or leave the option out")
    }
}

/// `--providers`, the providers a command looks at; `--provider` is the hidden earlier spelling.
struct ProvidersOption: ParsableArguments {
    @Option(
        name: .customLong("providers"),
        help: ArgumentHelp(
            "Provider ids, repeated or comma-separated. Default: every provider with data.",
            valueName: "ids"),
        completion: .custom(Completions.providerIDs))
    var providers: [String] = []

    @Option(name: .customLong("provider"), help: .hidden)
    var provider: [String] = []

    /// The ids given, in order; `nil` when the option was left out.
    var ids: [String]? { listed(providers + provider) }

    func validate() throws {
        try requireItems(providers + provider, option: "--providers")
    }
}

/// `--gpu` for the rows of a report (repeated or comma-separated); `--gpus` is the hidden earlier spelling.
struct GPUsOption: ParsableArguments {
    @Option(
        name: .customLong("gpu"),
        help: ArgumentHelp(
            "GPU names or families (A100: each A100), repeated or comma-separated. Default: every GPU with data.",
            valueName: "names"),
        completion: .custom(Completions.gpuNames))
    var gpu: [String] = []

    @Option(name: .customLong("gpus"), help: .hidden)
    var gpus: [String] = []

    var names: [String]? { listed(gpu + gpus) }

    func validate() throws {
        try requireItems(gpu + gpus, option: "--gpu")
    }
}

/// `--region`: shell-style patterns for the regions of offers (`us-*`, `*europe*`), the same in every command.
struct RegionPatternsOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only offers in regions matching these shell patterns (us-*, *europe*), repeated or comma-separated; a "
                + "region whose name holds commas ('Texas, US, NA') is taken whole.",
            valueName: "glob"))
    var region: [String] = []

    /// Whether the option was given.
    var isGiven: Bool { !region.isEmpty }

    /// The patterns given; `nil` when the option was left out. Marketplaces name regions "Texas, US, NA": a value
    /// that is a known region as a whole is one pattern.
    func patterns(in store: PriceStore) throws -> [String]? {
        guard isGiven else { return nil }
        let known = Set(try reportingFailures { try store.regions() })
        return region.flatMap { text in known.contains(text) ? [text] : commaSeparated(text) }
    }

    /// Says, for each pattern that matches no stored region, which regions look like it.
    func noteUnmatched(_ patterns: [String], in store: PriceStore) throws {
        for (pattern, near) in try reportingFailures({ try OfferSearch.unmatchedRegionHints(patterns, in: store) }) {
            Diagnostics.note(
                "no offer is in a region matching '\(UntrustedText.shown(pattern))'"
                    + (near.isEmpty ? "" : "; regions like it: \(near.joined(separator: ", ")) (a pattern such as '\(pattern)*' takes them all)"))
        }
    }

    func validate() throws {
        try requireItems(region, option: "--region")
    }
}

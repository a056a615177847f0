import ArgumentParser

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
            "Provider ids, repeated or comma-separated; they also fix the column order. Default: every provider with data.",
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
            "GPU names, repeated or comma-separated; they also fix the row order. Default: every GPU with data.",
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

/// `--region`: shell-style patterns for the regions of offers (`us-*`, `*europe*`).
struct RegionPatternsOption: ParsableArguments {
    @Option(help: ArgumentHelp("Only offers in regions matching these shell patterns (us-*, *europe*), repeatable.", valueName: "glob"))
    var region: [String] = []

    var patterns: [String]? { listed(region) }

    func validate() throws {
        try requireItems(region, option: "--region")
    }
}

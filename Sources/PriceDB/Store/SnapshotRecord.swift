/// Everything one ingested file adds to the database, validated and resolved, ready to be written in one
/// transaction.
public struct SnapshotRecord: Sendable {
    public var sha256: String
    /// `pricedb-snapshot/1` or `skypilot-csv`.
    public var format: String
    public var observedOn: Day
    public var source: Source?
    public var fileName: String
    public var providers: [ProviderDeclaration]
    /// GPUs the file declared beyond the built-in catalog.
    public var declaredGPUs: [GPU]
    /// Every GPU the observations refer to, so that the database holds a row for each.
    public var usedGPUs: [GPU]
    public var observations: [Observation]
    /// Rows of the input that carried nothing to store (a CSV row without a GPU, say).
    public var skippedCount: Int

    public var providerCount: Int { Set(observations.map(\.providerID)).count }
    public var gpuCount: Int { Set(observations.map(\.gpuID)).count }
}

/// Where a snapshot's figures come from.
public struct Source: Hashable, Sendable {
    public var name: String?
    public var url: String?
    public var published: Day?

    public init(name: String?, url: String?, published: Day?) {
        self.name = name
        self.url = url
        self.published = published
    }
}

/// A provider as a file describes it: its metadata (merged with what the database knew) and, if the file gave
/// them, its features as of this snapshot.
public struct ProviderDeclaration: Sendable {
    public var provider: Provider
    public var features: [ProviderFeature]?
}

/// A snapshot as the database holds it.
public struct StoredSnapshot: Hashable, Sendable {
    public var id: Int64
    public var sha256: String
    public var format: String
    public var observedOn: Day
    public var source: Source
    public var fileName: String
    /// UTC, ISO 8601.
    public var ingestedAt: String
    public var observationCount: Int
    public var providerCount: Int
    public var gpuCount: Int
    public var skippedCount: Int
}

/// What a SkyPilot CSV catalog does not say about itself, given on the command line.
public struct CatalogOptions: Sendable {
    /// The provider whose catalog it is; it must exist unless `providerName` and `providerKind` are given.
    public var providerID: String
    public var observedOn: Day
    public var providerName: String?
    public var providerKind: Provider.Kind?
    /// Accelerator names the catalog does not know, mapped to known GPUs (`--gpu-alias NAME=GPU`).
    public var gpuAliases: [String: String]
    /// Skip and count rows whose accelerator is unknown, instead of failing the file.
    public var skipUnknown: Bool
    /// Where the catalog came from (a URL, a repository and commit), kept with the snapshot. The catalog's feed
    /// is the same whatever its source: a cloud's SkyPilot catalog is one feed, ingested, fetched or backfilled.
    public var source: Source?
    /// The last day the catalog was published unchanged (`backfill`): every day after `observedOn` through
    /// this one counts as observed with the same content, up to the feed's next observed day.
    public var observedThrough: Day?

    public init(
        providerID: String, observedOn: Day, providerName: String? = nil, providerKind: Provider.Kind? = nil,
        gpuAliases: [String: String] = [:], skipUnknown: Bool = false, source: Source? = nil, observedThrough: Day? = nil
    ) {
        self.source = source
        self.observedThrough = observedThrough
        self.providerID = providerID
        self.observedOn = observedOn
        self.providerName = providerName
        self.providerKind = providerKind
        self.gpuAliases = gpuAliases
        self.skipUnknown = skipUnknown
    }
}

/// What one catalog held, row by row.
public struct CatalogCounts: Hashable, Sendable {
    public var rows = 0
    /// Rows without an accelerator (CPU-only instances).
    public var withoutGPU = 0
    /// Rows whose accelerator is not a GPU (Inferentia, TPU, Gaudi, …), skipped without being asked.
    public var nonGPU = 0
    /// Rows with an accelerator but an empty `Price` (their spot price, if any, still counts).
    public var withoutPrice = 0
    /// Rows skipped with `--skip-unknown`.
    public var unknownGPU = 0
    /// Cells whose price is a placeholder rather than a price, by column: `0` for "no price", and amounts of
    /// 10,000 or more per GPU-hour for "not offered". Neither is stored.
    public var zeroPlaceholders: [String: Int] = [:]
    public var notOfferedPlaceholders: [String: Int] = [:]
    public var onDemandOffers = 0
    public var spotOffers = 0
    /// Observations after folding availability zones.
    public var observations = 0

    /// Rows that gave no observation at all.
    public var skippedRows: Int { withoutGPU + nonGPU + unknownGPU + rowsWithoutAnyPrice }
    var rowsWithoutAnyPrice = 0
}

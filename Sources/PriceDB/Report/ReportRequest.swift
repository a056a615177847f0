/// What a user asked `pricedb report` for.
public struct ReportRequest: Sendable {
    public var period: Period
    public var sections: [Report.SectionID]
    /// GPU names in the order the rows should have; `nil` for every GPU with data.
    public var gpuNames: [String]?
    /// Provider ids in the order the columns should have; `nil` for every provider with data.
    public var providerIDs: [String]?
    public var tiers: [Tier]
    public var gpuClass: GPUClass?
    public var staleAfterQuarters: Int
    /// Only these regions (where an observation's region is known); `nil` for all.
    public var regions: [String]?
    /// List every offer in the providers section, however many; otherwise a long list is summarised.
    public var allOffers: Bool
    /// Include the charts and sources of an HTML report (the other formats have no use for them).
    public var charts: Bool

    public init(
        period: Period, sections: [Report.SectionID] = Report.SectionID.allCases, gpuNames: [String]? = nil,
        providerIDs: [String]? = nil, tiers: [Tier] = Tier.reportedByDefault, gpuClass: GPUClass? = nil,
        staleAfterQuarters: Int = 2, regions: [String]? = nil, allOffers: Bool = false, charts: Bool = false
    ) {
        self.charts = charts
        self.regions = regions
        self.allOffers = allOffers
        self.period = period
        self.sections = sections
        self.gpuNames = gpuNames
        self.providerIDs = providerIDs
        self.tiers = tiers
        self.gpuClass = gpuClass
        self.staleAfterQuarters = staleAfterQuarters
    }
}

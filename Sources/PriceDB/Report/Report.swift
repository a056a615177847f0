/// A report is plain data: sections of tables of typed values. Renderers turn it into terminal text,
/// Markdown, JSON or CSV in a locale; nothing here is formatted yet.
public struct Report: Sendable {
    public var asOf: Day
    /// The period as the user named it (`2026-02`).
    public var period: String
    public var sections: [Section]
    /// What a reader must know before trusting any figure (every price is stale, say), shown once at the top.
    public var notices: [Phrase]
    /// With `--currency`: the currency every price is shown in and the rates applied; `nil` when every price
    /// is shown as observed.
    public var exchangeRates: ExchangeRates?
    /// For an HTML report: per GPU, its price history and where each provider stood on the day.
    public var charts: [Charts] = []
    /// The snapshots the figures come from, with their sources (listed by the HTML report).
    public var sources: [StoredSnapshot] = []

    /// One GPU's charts.
    public struct Charts: Sendable {
        public var history: PriceHistory
        /// Each provider's fresh price range on the day, in the history's currency.
        public var bars: [Bar]
        /// Each provider's colour, kept across the charts of a report.
        public var colours: [String: Int]
        /// The GPU's price index by month over the history's span.
        public var index: [PriceIndex] = []
    }

    /// One provider's price range of a GPU on the day.
    public struct Bar: Sendable {
        public var provider: Provider
        public var price: PriceRange
        public var observedOn: Day?
    }

    /// The rates a report's conversions applied, named in its footnotes and JSON.
    public struct ExchangeRates: Sendable {
        public var currency: String
        public var rates: [CurrencyConverter.AppliedRate]
    }

    public init(asOf: Day, period: String, sections: [Section], notices: [Phrase] = []) {
        self.asOf = asOf
        self.period = period
        self.sections = sections
        self.notices = notices
    }

    /// The newest observation the report drew on, when its builder knows it better than its cells do (a
    /// report of only stale prices shows none of them in its overview).
    public var newestObservationUsed: Day?

    /// The newest observation the report drew on: as its builder knows it, else the newest any cell comes from.
    public var newestObservation: Day? {
        if let newestObservationUsed { return newestObservationUsed }
        var newest: Day?
        for section in sections {
            for table in section.tables {
                for row in table.rows {
                    for value in row {
                        let cell: Cell
                        switch value {
                        case .cell(let shown), .calculation(_, _, let shown, _): cell = shown
                        default: continue
                        }
                        if let day = cell.observedOn, day > (newest ?? .earliest) { newest = day }
                    }
                }
            }
        }
        return newest
    }

    /// The sections of `pricedb report`, in their default order.
    public enum SectionID: String, CaseIterable, Sendable {
        case overview, consumer, datacenter, providers, kinds, ranking, features, trends, index

        /// The section a mistyped name most likely meant (`datacentre`, as the heading spells it).
        public static func closest(to name: String) -> String? {
            EditDistance.closest(to: name, among: allCases.map(\.rawValue)).first
        }
    }

    /// A titled group of tables with the footnotes they share.
    public struct Section: Sendable {
        /// A `SectionID` for `pricedb report`; the command's name for the other commands' single section.
        public var id: String
        public var title: Phrase
        public var tables: [Table]
        /// Footnotes explaining the marks used in the tables.
        public var notes: [Phrase]

        public init(id: String, title: Phrase, tables: [Table], notes: [Phrase]) {
            self.id = id
            self.title = title
            self.tables = tables
            self.notes = notes
        }

        /// A section of one untitled table: the shape of every section but the provider price lists.
        init(id: String, title: Phrase, table: String, columns: [Column], rows: [[Value]], notes: [Phrase] = []) {
            self.init(
                id: id, title: title, tables: [Table(id: table, title: nil, columns: columns, rows: rows, notes: [])],
                notes: notes)
        }
    }

    /// Rows of typed values under columns.
    public struct Table: Sendable {
        /// A stable identifier within the section (a provider id for provider tables).
        public var id: String
        public var title: Phrase?
        public var columns: [Column]
        public var rows: [[Value]]
        /// Footnotes of this table alone, such as the notes its marked prices refer to.
        public var notes: [Phrase]
    }

    /// A column: a stable id (for JSON and CSV), its header, and how a terminal aligns it.
    public struct Column: Sendable {
        public var id: String
        public var header: Phrase
        public var alignment: TextTable.Alignment
        /// Whether a terminal too narrow for the table may leave the column out, and how early (1 first);
        /// `nil` for a column that stays.
        public var dropOrder: Int? = nil
    }

    /// One value of a table, typed so that each renderer can show it in its own way.
    public enum Value: Sendable {
        case text(String)
        case phrase(Phrase)
        /// A comparison cell: per-GPU price, status and marks.
        case cell(Cell)
        /// A unit's own price as a provider lists it, with the footnote marks of its notes.
        case listedPrice(PriceRange?, currency: String, approximate: Bool, noteMarks: Int, converted: Bool = false)
        case money(Money, currency: String)
        /// A price range with an hourly unit (`$1,39-1,89/Std`).
        case hourlyRange(PriceRange, currency: String)
        case delta(Delta, currency: String)
        case integer(Int)
        /// A ratio such as a ranking score (1.0 = cheapest).
        case ratio(Double)
        case feature(ProviderFeature.Value?)
        /// `8 h × $1.39` in a cost scenario, with the marks of the cell the rate comes from.
        case calculation(hours: Hours, rate: Money, cell: Cell, pricePoint: PricePoint)
        /// The saving against the dearest provider, and its share of the dearest total.
        case saving(Money, percentTenths: Int64?, currency: String)
        /// A span of hours or days given in millionths, shown rounded to whole units.
        case duration(ClosedRange<Int64>, unit: DurationUnit)
        case day(Day)

        /// Whether the value shows an amount of money, which a conversion note then concerns.
        var isPrice: Bool {
            switch self {
            case .cell(let cell): return cell.price != nil
            case .listedPrice(let price, _, _, _, _): return price != nil
            case .money, .hourlyRange, .delta, .calculation, .saving: return true
            case .text, .phrase, .integer, .ratio, .feature, .duration, .day: return false
            }
        }
    }

    /// The unit of a `duration` value.
    public enum DurationUnit: String, Sendable {
        case hours
        case days
    }
}

/// Every piece of text a report shows that depends on the locale.
public enum Phrase: Hashable, Sendable {
    case sectionTitle(Report.SectionID)
    case gpu
    case provider
    case need
    case bestChoice
    case cost
    case cheapest(GPUClass)
    case price(at: Day)
    case change
    case providerKind
    case kindWithProviders(Provider.Kind, [String])
    case rank
    case score
    case sharedGPUs
    case feature
    case featureName(String)
    case instance
    case gpuConfiguration
    case instances
    case regions
    /// A provider's list summarised from this many offers (`--all-offers` lists them).
    case summarisedNote(offers: Int)
    case hourlyPrice
    case priceRange
    case gpuModel
    case memory
    case pricesObserved(provider: String, on: [Day], regions: [String], tiers: [Tier])
    case derivedNote
    case approximateNote
    case staleNote(before: Day)
    /// Providers left out of a table because they priced none of its GPU.
    case providersWithoutPrice([String])
    /// Providers left out of a comparison because they priced none of its GPUs.
    case providersWithoutPrices([String])
    /// A price was converted at a rate more than a week older than the day it was seen.
    case outdatedRate(String, rateDay: Day, priceDay: Day)
    case indexTitle(IndexStep)
    case indexPeriod(IndexStep)
    case indexValue(IndexMethod)
    case lowerQuartile
    case upperQuartile
    case lowest
    case highest
    case providerCount
    case changeSince(Day)
    /// A period in progress, as of a day before its end.
    case partialPeriod(String, through: Day)
    case noPrice
    case indexNote(IndexMethod, staleAfterQuarters: Int)
    /// The line that opens a text report: the day it is as of, and the newest observation it used.
    case asOfLine(Day, newest: Day?)
    /// This many providers' prices were left out for being older than the stale limit (`--include-stale`).
    case staleLeftOut(count: Int, before: Day)
    /// Every price of the report is older than the stale limit; the newest observation is from that day.
    case allStale(newest: Day, quarters: Int)
    case otherCurrenciesNote([String])
    /// Figures marked ‡ were converted into the currency at the rates of their observation dates.
    case convertedNote(to: String, rates: [CurrencyConverter.AppliedRate])
    case notCompared
    case staleAfterNote(quarters: Int)
    case rankingNote
    case kindsNote
    case trendsNote(since: Day)
    case note(marks: Int, String)
    case literal(String)
    case quarter
    case quartersTitle(gpu: String, spread: Bool)
    case quartersNote(spread: Bool)
    /// The quarters after `after` up to `through` are left out: nothing newer than `newest` was observed.
    case quartersLeftOut(after: Quarter, through: Quarter, newest: Day)
    case changeFrom(provider: String)
    case historyTitle(gpu: String)
    /// Above the sparklines of `quarters` and `history`.
    case trendTitle(from: Day, to: Day)
    case trend
    case offersTitle(count: Int, asOf: Day)
    case date
    case from
    case to
    case seen
    case variant
    case gpuCount
    case region
    case tier
    case status
    case listedPrice
    case perGPUPrice
    case source
    case costTitle(gpu: String, hours: Hours, asOf: Day)
    case calculation
    case total
    case saving
    case notOffered
    case costNote(PricePoint)
    case breakEvenTitle(gpu: String, purchase: PriceRange, currency: String, asOf: Day)
    case rentalPrice
    case breakEvenHours
    case continuousDays
    case daysAt(hoursPerDay: Hours)
    case allProviders
    case breakEvenNote
}

extension CurrencyConverter {
    /// The rates applied so far, as a report names them.
    public var exchangeRates: Report.ExchangeRates {
        Report.ExchangeRates(currency: target, rates: ratesUsed)
    }
}

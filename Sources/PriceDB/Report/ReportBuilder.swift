/// Runs the queries a report needs and assembles their answers into a `Report`.
public struct ReportBuilder: Sendable {
    public let store: PriceStore
    /// Every price in one currency (`--currency`), converted at the rate of its own observation date; `nil` to
    /// show prices as observed.
    public let converter: CurrencyConverter?

    public init(store: PriceStore, converter: CurrencyConverter? = nil) {
        self.store = store
        self.converter = converter
    }

    public func build(_ request: ReportRequest) throws(QueryError) -> Report {
        let asOf = request.period.lastDay
        let query = PriceQuery(
            store: store, tiers: request.tiers, staleAfterQuarters: request.staleAfterQuarters, regions: request.regions,
            converter: converter)
        let observed = try query.checkHasData(asOf: asOf)
        let selection = try Selection(store: store)
        return try answering { () throws -> Report in
            var providers = try request.providerIDs.map { ids throws(QueryError) in try selection.providers(ids: ids) }
                ?? selection.providers
            var gpus: [GPU]
            if let names = request.gpuNames {
                gpus = try selection.gpus(named: names)
            } else {
                let observed = try store.observedGPUIDs()
                gpus = selection.catalog.gpus.filter { observed.contains($0.id) }
            }
            if let gpuClass = request.gpuClass { gpus = gpus.filter { $0.gpuClass == gpuClass } }
            var grid = try query.comparison(asOf: asOf, providers: providers, gpus: gpus)
            if request.gpuNames == nil || request.providerIDs == nil {
                grid = grid.droppingEmpty(rows: request.gpuNames == nil, columns: request.providerIDs == nil)
                providers = grid.providers
                gpus = grid.gpus
            }
            guard !gpus.isEmpty, !providers.isEmpty else {
                throw QueryError.nothingMatches("no observation on or before \(asOf) matches the filters")
            }
            // Trends and the index both measure against the end of the quarter before: one grid for both.
            var previousQuarter: Comparison?
            func previousGrid() throws -> Comparison {
                if let previousQuarter { return previousQuarter }
                let grid = try query.previousQuarter(of: grid)
                previousQuarter = grid
                return grid
            }
            var sections: [Report.Section] = []
            for id in request.sections {
                switch id {
                case .overview: sections.append(overview(grid))
                case .consumer, .datacenter:
                    // A page for the screen leaves out the providers with nothing for the section's GPUs, unless
                    // they were asked for; the Markdown and text tables keep the comparison's columns.
                    sections.append(comparisonSection(
                        id, grid, staleLimit: query.staleLimit(asOf: asOf), droppingEmptyColumns: request.charts && request.providerIDs == nil))
                case .providers:
                    sections.append(try providerSection(grid, query: query, catalog: selection.catalog, allOffers: request.allOffers))
                case .kinds: sections.append(kindsSection(grid))
                case .ranking: sections.append(rankingSection(grid))
                case .features: sections.append(try featuresSection(grid))
                case .trends:
                    let trends = PriceQuery.trends(of: grid, since: try previousGrid())
                    sections.append(trendsSection(trends, since: asOf.quarter.previous.lastDay, asOf: asOf))
                case .index:
                    sections.append(indexSection(grid, since: try previousGrid(), staleAfterQuarters: request.staleAfterQuarters))
                }
            }
            var report = Report(
                asOf: asOf, period: request.period.description, sections: sections,
                notices: Self.staleNotices(grid.cells.joined(), staleAfterQuarters: request.staleAfterQuarters))
            report.newestObservationUsed = grid.cells.joined().compactMap(\.observedOn).max()
            if request.charts {
                // Up to two years of history: enough to see a trend, few enough quarters to label.
                let start = max(observed.lowerBound.quarter.firstDay, asOf.quarter.firstDay.addingMonths(-21))
                report.charts = try charts(of: grid, query: query, from: start)
                let oldest = grid.cells.joined().compactMap(\.observedOn).min() ?? start
                report.sources = try store.snapshots(observing: providers.map(\.id), from: min(oldest, start), through: asOf)
            }
            return namingRates(in: report)
        }
    }

    /// Per GPU of the grid, its price history from `start` and its providers' fresh price ranges on the day.
    private func charts(of grid: Comparison, query: PriceQuery, from start: Day) throws -> [Report.Charts] {
        let colours = Dictionary(uniqueKeysWithValues: grid.providers.enumerated().map { ($1.id, $0) })
        // Every GPU's index by month in one pass: a grid per month, not one per GPU and month.
        let months = IndexStep.month.spans(from: start, through: grid.asOf)
        let indexes = Dictionary(
            grouping: try query.index(gpus: grid.gpus, providers: grid.providers, periods: months, asOf: grid.asOf, method: .median),
            by: \.gpu.id)
        return try grid.gpus.enumerated().map { row, gpu in
            var history = try query.history(of: gpu, providers: grid.providers, from: start, through: grid.asOf)
            // A GPU first seen later starts its chart at the quarter of its first price.
            if let first = history.series.compactMap(\.steps.first?.from).min() {
                history.start = max(history.start, first.quarter.firstDay)
            }
            let bars = grid.providers.enumerated().compactMap { column, provider -> Report.Bar? in
                let cell = grid.cells[row][column]
                guard let price = cell.price, !cell.stale, cell.currency == history.currency else { return nil }
                return Report.Bar(provider: provider, price: price, observedOn: cell.observedOn)
            }
            var charts = Report.Charts(history: history, bars: bars, colours: colours)
            // From the history's first quarter, like the history chart.
            charts.index = (indexes[gpu.id] ?? []).filter { $0.period.last >= history.start }
            return charts
        }
    }

    private func comparisonSection(
        _ id: Report.SectionID, _ grid: Comparison, staleLimit: Day, droppingEmptyColumns: Bool = false
    ) -> Report.Section {
        let gpuClass: GPUClass = id == .consumer ? .consumer : .datacenter
        var leftOut: [String] = []
        var grid = grid
        if droppingEmptyColumns {
            let rows = grid.gpus.indices.filter { grid.gpus[$0].gpuClass == gpuClass }
            let empty = grid.providers.indices.filter { column in
                rows.allSatisfy { row in
                    switch grid.cells[row][column].value {
                    case .noData, .unavailable: return true
                    case .price, .comingSoon: return false
                    }
                }
            }
            if !rows.isEmpty && empty.count < grid.providers.count {
                leftOut = empty.map { grid.providers[$0].shortName }
                grid = grid.droppingColumns(empty)
            }
        }
        var rows: [[Report.Value]] = []
        var cells: [Cell] = []
        for (row, gpu) in grid.gpus.enumerated() where gpu.gpuClass == gpuClass {
            rows.append([.text(Self.label(gpu))] + grid.cells[row].map { .cell($0) })
            cells += grid.cells[row]
        }
        let columns = [Report.Column(id: "gpu", header: .gpu, alignment: .left)]
            + grid.providers.map { Report.Column(id: $0.id, header: .literal($0.shortName), alignment: .left) }
        return Self.section(
            id, columns: columns, rows: rows,
            notes: Self.markNotes(for: cells, stale: .staleNote(before: staleLimit))
                + (leftOut.isEmpty ? [] : [.providersWithoutPrices(leftOut)]))
    }

    private func overview(_ grid: Comparison) -> Report.Section {
        let rows: [[Report.Value]] = grid.cheapestByClass().map { offer in
            [.phrase(.cheapest(offer.gpuClass)), .text(offer.provider.shortName), .text(Self.label(offer.gpu)), .cell(offer.cell)]
        }
        let columns = [
            Report.Column(id: "need", header: .need, alignment: .left),
            Report.Column(id: "provider", header: .bestChoice, alignment: .left),
            Report.Column(id: "gpu", header: .gpu, alignment: .left),
            Report.Column(id: "price", header: .cost, alignment: .left),
        ]
        return Self.section(.overview, columns: columns, rows: rows)
    }

    /// How many lines a provider's price list may have before it is summarised per GPU configuration.
    static let listingLimit = 30

    private func providerSection(_ grid: Comparison, query: PriceQuery, catalog: GPUCatalog, allOffers: Bool) throws
        -> Report.Section
    {
        var tables: [Report.Table] = []
        for (column, provider) in grid.providers.enumerated() {
            let dates = grid.gpus.indices.compactMap { row -> (gpu: String, day: Day)? in
                guard grid.cells[row][column].price != nil, let day = grid.cells[row][column].observedOn else { return nil }
                return (grid.gpus[row].id, day)
            }
            var offers = try store.listedOffers(provider: provider.id, on: dates, tiers: query.tiers, regions: query.regions)
            if let converter { offers = try offers.map { offer throws(StoreError) in try converter.convert(offer) } }
            guard !offers.isEmpty else { continue }
            if offers.count > Self.listingLimit && !allOffers {
                tables.append(Self.summarisedPriceList(of: provider, offers))
                continue
            }
            let withInstances = offers.contains { !$0.instance.isEmpty }
            let allRanges = offers.allSatisfy { !$0.price.isSingle }
            let tiers = Tier.allCases.filter { tier in offers.contains { $0.tier == tier } }
            var rows: [[Report.Value]] = []
            var noteTexts: [String] = []
            for offer in offers {
                var marks = 0
                if let note = offer.note {
                    if let index = noteTexts.firstIndex(of: note) {
                        marks = index + 1
                    } else {
                        noteTexts.append(note)
                        marks = noteTexts.count
                    }
                }
                let price = Report.Value.listedPrice(
                    offer.price, currency: offer.currency, approximate: offer.approximate, noteMarks: marks,
                    converted: offer.converted)
                var row: [Report.Value]
                if withInstances {
                    row = [.text(offer.instance.isEmpty ? "-" : offer.instance), .text("\(offer.gpuCount)x \(offer.gpuLabel)")]
                } else {
                    let memory = Self.memory(writtenIn: offer.gpuLabel) ?? catalog.gpu(id: offer.gpuID)?.memoryGB
                    row = [.text(offer.gpuLabel), .text(memory.map { "\($0)GB" } ?? "-")]
                }
                if tiers.count > 1 { row.append(.text(offer.tier.rawValue)) }
                rows.append(row + [price])
            }
            var columns: [Report.Column] = withInstances
                ? [
                    Report.Column(id: "instance", header: .instance, alignment: .left),
                    Report.Column(id: "gpus", header: .gpuConfiguration, alignment: .left),
                ]
                : [
                    Report.Column(id: "gpu", header: .gpuModel, alignment: .left),
                    Report.Column(id: "memory", header: .memory, alignment: .left),
                ]
            if tiers.count > 1 { columns.append(Report.Column(id: "tier", header: .tier, alignment: .left)) }
            columns.append(Report.Column(id: "price", header: allRanges ? .priceRange : .hourlyPrice, alignment: .left))
            let days = Array(Set(offers.map(\.observedOn))).sorted()
            let regions = Array(Set(offers.flatMap(\.regions))).sorted()
            tables.append(
                Report.Table(
                    id: provider.id,
                    title: .pricesObserved(provider: provider.name, on: days, regions: regions, tiers: tiers),
                    columns: columns, rows: rows,
                    notes: noteTexts.enumerated().map { .note(marks: $0.offset + 1, $0.element) }))
        }
        return Report.Section(id: Report.SectionID.providers.rawValue, title: .sectionTitle(.providers), tables: tables, notes: [])
    }

    /// A large price list (a public cloud's catalog lists thousands of instances and regions) as one line per
    /// GPU configuration, tier and currency: the price range over its instances and regions, with their counts.
    static func summarisedPriceList(of provider: Provider, _ offers: [ListedOffer]) -> Report.Table {
        struct Configuration: Hashable {
            var label: String
            var gpuCount: GPUCount
            var tier: Tier
            var currency: String
        }
        var order: [Configuration] = []
        var grouped: [Configuration: [ListedOffer]] = [:]
        for offer in offers {
            let key = Configuration(label: offer.gpuLabel, gpuCount: offer.gpuCount, tier: offer.tier, currency: offer.currency)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(offer)
        }
        let tiers = Tier.allCases.filter { tier in offers.contains { $0.tier == tier } }
        let rows: [[Report.Value]] = order.map { key in
            let group = grouped[key] ?? []
            let range = PriceRange(
                low: group.map(\.price.low).min() ?? Money(micros: 0), high: group.map(\.price.high).max() ?? Money(micros: 0))
            var row: [Report.Value] = [
                .text("\(key.gpuCount)x \(key.label)"), .integer(Set(group.map(\.instance)).count),
                .integer(Set(group.flatMap(\.regions)).count),
            ]
            if tiers.count > 1 { row.append(.text(key.tier.rawValue)) }
            row.append(
                .listedPrice(
                    range, currency: key.currency, approximate: group.contains(where: \.approximate), noteMarks: 0,
                    converted: group.contains(where: \.converted)))
            return row
        }
        var columns: [Report.Column] = [
            Report.Column(id: "gpus", header: .gpuConfiguration, alignment: .left),
            Report.Column(id: "instances", header: .instances, alignment: .right),
            Report.Column(id: "regions", header: .regions, alignment: .right),
        ]
        if tiers.count > 1 { columns.append(Report.Column(id: "tier", header: .tier, alignment: .left)) }
        columns.append(Report.Column(id: "price", header: .priceRange, alignment: .left))
        return Report.Table(
            id: provider.id,
            title: .pricesObserved(
                provider: provider.name, on: Array(Set(offers.map(\.observedOn))).sorted(),
                regions: Array(Set(offers.flatMap(\.regions))).sorted(), tiers: tiers),
            columns: columns, rows: rows, notes: [.summarisedNote(offers: offers.count)])
    }

    private func kindsSection(_ grid: Comparison) -> Report.Section {
        let summaries = grid.kindSummaries()
        let kinds = Provider.Kind.allCases.filter { kind in summaries.contains { $0.kind == kind } }
        let rows: [[Report.Value]] = grid.gpus.compactMap { gpu in
            let ofGPU = summaries.filter { $0.gpu == gpu }
            guard !ofGPU.isEmpty else { return nil }
            return [.text(Self.label(gpu))]
                + kinds.map { kind in
                    ofGPU.first { $0.kind == kind }.map { .hourlyRange($0.range, currency: $0.currency) } ?? .cell(.noData)
                }
        }
        let columns = [Report.Column(id: "gpu", header: .gpu, alignment: .left)]
            + kinds.map { kind in
                Report.Column(
                    id: kind.rawValue,
                    header: .kindWithProviders(kind, grid.providers.filter { $0.kind == kind }.map(\.shortName)),
                    alignment: .left)
            }
        return Self.section(.kinds, columns: columns, rows: rows, notes: [.kindsNote])
    }

    private func rankingSection(_ grid: Comparison) -> Report.Section {
        let rows: [[Report.Value]] = grid.ranking().enumerated().map { index, entry in
            [.integer(index + 1), .text(entry.provider.shortName), .ratio(entry.score), .integer(entry.sharedGPUs)]
        }
        let columns = [
            Report.Column(id: "rank", header: .rank, alignment: .right),
            Report.Column(id: "provider", header: .provider, alignment: .left),
            Report.Column(id: "score", header: .score, alignment: .right),
            Report.Column(id: "shared_gpus", header: .sharedGPUs, alignment: .right),
        ]
        return Self.section(.ranking, columns: columns, rows: rows, notes: [.rankingNote])
    }

    private func featuresSection(_ grid: Comparison) throws -> Report.Section {
        let features = try store.features(asOf: grid.asOf)
        // One order that keeps every provider's own order: a feature first seen at a later provider goes right
        // after the feature that precedes it there (the article's platform fee, which hyperscalers lack).
        var names: [String] = []
        for provider in grid.providers {
            var previous: String?
            for feature in features[provider.id] ?? [] {
                if !names.contains(feature.name) {
                    let position = previous.flatMap { names.firstIndex(of: $0) }.map { $0 + 1 } ?? names.count
                    names.insert(feature.name, at: position)
                }
                previous = feature.name
            }
        }
        let rows: [[Report.Value]] = names.map { name in
            [.phrase(.featureName(name))]
                + grid.providers.map { provider in
                    .feature(features[provider.id]?.first { $0.name == name }?.value)
                }
        }
        let columns = [Report.Column(id: "feature", header: .feature, alignment: .left)]
            + grid.providers.map { Report.Column(id: $0.id, header: .literal($0.shortName), alignment: .left) }
        return Self.section(.features, columns: columns, rows: rows)
    }

    private func trendsSection(_ trends: [Trend], since: Day, asOf: Day) -> Report.Section {
        let rows: [[Report.Value]] = trends.map { trend in
            [
                .text(Self.label(trend.gpu)), .text(trend.provider.shortName), .cell(trend.before), .cell(trend.after),
                .delta(trend.delta, currency: trend.after.price != nil ? trend.after.currency : trend.before.currency),
            ]
        }
        let columns = [
            Report.Column(id: "gpu", header: .gpu, alignment: .left),
            Report.Column(id: "provider", header: .provider, alignment: .left),
            Report.Column(id: "before", header: .price(at: since), alignment: .left),
            Report.Column(id: "after", header: .price(at: asOf), alignment: .left),
            Report.Column(id: "change", header: .change, alignment: .left),
        ]
        return Self.section(.trends, columns: columns, rows: rows, notes: [.trendsNote(since: since)])
    }

    /// A report section of one table, named after the section.
    private static func section(
        _ id: Report.SectionID, columns: [Report.Column], rows: [[Report.Value]], notes: [Phrase] = []
    ) -> Report.Section {
        Report.Section(
            id: id.rawValue, title: .sectionTitle(id), table: id.rawValue, columns: columns, rows: rows, notes: notes)
    }

    /// The footnotes that the marks among `cells` need; `stale` explains the stale mark.
    static func markNotes(for cells: [Cell], stale: Phrase) -> [Phrase] {
        var notes: [Phrase] = []
        if cells.contains(where: { $0.derived && $0.price != nil }) { notes.append(.derivedNote) }
        if cells.contains(where: { $0.approximate && $0.price != nil }) { notes.append(.approximateNote) }
        if cells.contains(where: { $0.stale && $0.price != nil }) { notes.append(stale) }
        return notes
    }

    /// `report` with the rates its conversions applied: in `exchangeRates`, and in a footnote of every section
    /// that shows a price. Unchanged without a converter.
    func namingRates(in report: Report) -> Report {
        guard let converter else { return report }
        var named = report
        named.exchangeRates = converter.exchangeRates
        let rates = named.exchangeRates?.rates ?? []
        guard !rates.isEmpty else { return named }
        if let outdated = converter.outdatedRate {
            named.notices.append(.outdatedRate(outdated.currency, rateDay: outdated.rateDay, priceDay: outdated.priceDay))
        }
        for index in named.sections.indices
        where named.sections[index].tables.contains(where: { $0.rows.joined().contains(where: \.isPrice) }) {
            named.sections[index].notes.append(.convertedNote(to: converter.target, rates: rates))
        }
        return named
    }

    /// The notice that every price is stale, naming the newest observation, when that is so: a report of only
    /// stale prices would otherwise read as one with no data.
    static func staleNotices(_ cells: some Sequence<Cell>, staleAfterQuarters: Int) -> [Phrase] {
        let priced = cells.filter { $0.price != nil }
        guard !priced.isEmpty, priced.allSatisfy(\.stale), let newest = priced.compactMap(\.observedOn).max() else { return [] }
        return [.allStale(newest: newest, quarters: staleAfterQuarters)]
    }

    /// A GPU's row label: its name, with its memory unless the name already says it (`RTX 4090 (24GB)`).
    public static func label(_ gpu: GPU) -> String {
        guard let memory = gpu.memoryGB, !gpu.name.uppercased().contains("GB") else { return gpu.name }
        return "\(gpu.name) (\(memory)GB)"
    }

    /// The memory a source wrote into a GPU's name (`H200 (140GB)` → 140).
    static func memory(writtenIn label: String) -> Int? {
        guard let end = label.range(of: "GB)")?.lowerBound, let start = label[..<end].lastIndex(of: "(") else {
            return nil
        }
        return Int(label[label.index(after: start)..<end])
    }
}

extension Comparison {
    /// The grid without GPUs (rows) or providers (columns) that have no observation at all.
    /// The grid without the providers at `columns`.
    func droppingColumns(_ columns: [Int]) -> Comparison {
        let kept = providers.indices.filter { !columns.contains($0) }
        return Comparison(
            asOf: asOf, providers: kept.map { providers[$0] }, gpus: gpus, cells: cells.map { row in kept.map { row[$0] } })
    }

    func droppingEmpty(rows dropRows: Bool, columns dropColumns: Bool) -> Comparison {
        let keptColumns = providers.indices.filter { column in
            !dropColumns || gpus.indices.contains { cells[$0][column].value != .noData }
        }
        let keptRows = gpus.indices.filter { row in
            !dropRows || keptColumns.contains { cells[row][$0].value != .noData }
        }
        return Comparison(
            asOf: asOf, providers: keptColumns.map { providers[$0] }, gpus: keptRows.map { gpus[$0] },
            cells: keptRows.map { row in keptColumns.map { cells[row][$0] } })
    }
}

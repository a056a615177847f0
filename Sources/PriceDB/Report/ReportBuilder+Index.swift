/// What `pricedb index` asks: which GPUs, over which providers and periods, combined how.
public struct IndexRequest: Sendable {
    public var gpuNames: [String]
    public var providerIDs: [String]?
    public var tiers: [Tier]
    public var staleAfterQuarters: Int
    public var step: IndexStep
    /// The first period is the one holding this day; the first observation's by default.
    public var from: Day?
    public var asOf: Day
    public var method: IndexMethod

    public init(
        gpuNames: [String], providerIDs: [String]? = nil, tiers: [Tier] = Tier.reportedByDefault, staleAfterQuarters: Int = 2,
        step: IndexStep = .quarter, from: Day? = nil, asOf: Day, method: IndexMethod = .median
    ) {
        self.gpuNames = gpuNames
        self.providerIDs = providerIDs
        self.tiers = tiers
        self.staleAfterQuarters = staleAfterQuarters
        self.step = step
        self.from = from
        self.asOf = asOf
        self.method = method
    }
}

extension ReportBuilder {
    /// The index of each GPU asked for in each period (see docs/guide.md, "Price index"); fails when no period
    /// has a fresh price to combine.
    public func indexes(_ request: IndexRequest) throws(QueryError) -> [PriceIndex] {
        let query = PriceQuery(
            store: store, tiers: request.tiers, staleAfterQuarters: request.staleAfterQuarters, converter: converter)
        let observed = try query.checkHasData(asOf: request.asOf)
        let selection = try Selection(store: store)
        let gpus = try selection.gpus(named: request.gpuNames)
        let providers = try request.providerIDs.map { ids throws(QueryError) in try selection.providers(ids: ids) } ?? selection.providers
        let start = request.from ?? observed.lowerBound
        guard start <= request.asOf else {
            throw QueryError.outOfRange("--from \(start) is after --as-of \(request.asOf); give the earlier period first")
        }
        // Periods after the newest observation turned stale would all be empty.
        let end = min(request.asOf, query.freshUntil(observed.upperBound).adding(days: -1))
        let periods = request.step.spans(from: start, through: max(start, end))
        let indexes = try answering { () throws -> [PriceIndex] in
            try query.index(gpus: gpus, providers: providers, periods: periods, asOf: request.asOf, method: request.method)
        }
        guard indexes.contains(where: { $0.summary != nil }) else {
            throw .nothingMatches(
                "no fresh price of \(gpus.map(\.name).joined(separator: ", ")) in the tiers \(Tier.listed(request.tiers)) "
                    + "from \(periods.first?.first.description ?? start.description) to \(request.asOf)")
        }
        return indexes
    }

    /// `pricedb index` as a report: a table per GPU, a row per period.
    public func index(_ request: IndexRequest) throws(QueryError) -> Report {
        let indexes = try indexes(request)
        let columns: [Report.Column] = [
            .init(id: "period", header: .indexPeriod(request.step), alignment: .left),
            .init(id: "value", header: .indexValue(request.method), alignment: .right),
            .init(id: "p25", header: .lowerQuartile, alignment: .right),
            .init(id: "p75", header: .upperQuartile, alignment: .right),
            .init(id: "lowest", header: .lowest, alignment: .right, dropOrder: 2),
            .init(id: "highest", header: .highest, alignment: .right, dropOrder: 1),
            .init(id: "providers", header: .providerCount, alignment: .right),
            .init(id: "change", header: .change, alignment: .left),
        ]
        var tables: [Report.Table] = []
        var others: Set<String> = []
        for (gpu, rows) in Self.grouped(indexes) {
            let values: [[Report.Value]] = rows.map { index in
                let period: Report.Value = index.asOf < index.period.last
                    ? .phrase(.partialPeriod(index.period.name, through: index.asOf)) : .text(index.period.name)
                guard let summary = index.summary else {
                    return [period] + Array(repeating: .phrase(.noPrice), count: 5) + [.integer(0), .text("–")]
                }
                return [
                    period, .money(summary.value, currency: index.currency),
                    .money(summary.lowerQuartile, currency: index.currency), .money(summary.upperQuartile, currency: index.currency),
                    .money(summary.lowest, currency: index.currency), .money(summary.highest, currency: index.currency),
                    .integer(summary.providers), Self.change(index),
                ]
            }
            for index in rows { for other in index.otherCurrencies { others.insert(other.currency) } }
            tables.append(Report.Table(id: gpu.id, title: .literal(Self.label(gpu)), columns: columns, rows: values, notes: []))
        }
        var notes: [Phrase] = [.indexNote(request.method, staleAfterQuarters: request.staleAfterQuarters)]
        if !others.isEmpty { notes.append(.otherCurrenciesNote(others.sorted())) }
        return namingRates(in: Report(
            asOf: request.asOf, period: request.asOf.description,
            sections: [Report.Section(id: "index", title: .indexTitle(request.step), tables: tables, notes: notes)]))
    }

    /// The report's `index` section: per GPU of the grid, the index as of the day and its change since the
    /// end of the previous quarter.
    func indexSection(_ grid: Comparison, since before: Comparison, staleAfterQuarters: Int) -> Report.Section {
        let day = grid.asOf
        let previous = PriceIndex.of(
            before, period: IndexStep.quarter.span(containing: before.asOf), method: .median,
            fallbackCurrency: converter?.target ?? "USD")
        let current = IndexStep.Span(name: day.quarter.description, first: day.quarter.firstDay, last: day)
        let indexes = PriceIndex.of(grid, period: current, method: .median, after: previous, fallbackCurrency: converter?.target ?? "USD")
        let rows: [[Report.Value]] = indexes.compactMap { index in
            guard let summary = index.summary else { return nil }
            return [
                .text(Self.label(index.gpu)), .money(summary.value, currency: index.currency),
                .money(summary.lowerQuartile, currency: index.currency), .money(summary.upperQuartile, currency: index.currency),
                .integer(summary.providers), Self.change(index),
            ]
        }
        let columns: [Report.Column] = [
            .init(id: "gpu", header: .gpu, alignment: .left),
            .init(id: "median", header: .indexValue(.median), alignment: .right),
            .init(id: "p25", header: .lowerQuartile, alignment: .right),
            .init(id: "p75", header: .upperQuartile, alignment: .right),
            .init(id: "providers", header: .providerCount, alignment: .right),
            .init(id: "change", header: .changeSince(day.quarter.previous.lastDay), alignment: .left),
        ]
        return Report.Section(
            id: Report.SectionID.index.rawValue, title: .sectionTitle(.index), table: "index", columns: columns, rows: rows,
            notes: [.indexNote(.median, staleAfterQuarters: staleAfterQuarters)])
    }

    /// The indexes by GPU, in the order asked.
    static func grouped(_ indexes: [PriceIndex]) -> [(GPU, [PriceIndex])] {
        var order: [GPU] = []
        var rows: [String: [PriceIndex]] = [:]
        for index in indexes {
            if rows[index.gpu.id] == nil { order.append(index.gpu) }
            rows[index.gpu.id, default: []].append(index)
        }
        return order.map { ($0, rows[$0.id] ?? []) }
    }

    /// The change of an index figure as a delta of one figure.
    static func change(_ index: PriceIndex) -> Report.Value {
        guard let change = index.change else { return .text("–") }
        return .delta(
            .change(low: change, high: change, lowPercentTenths: index.changePercentTenths, highPercentTenths: index.changePercentTenths),
            currency: index.currency)
    }
}

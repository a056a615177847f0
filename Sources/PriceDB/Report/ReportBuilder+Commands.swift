/// The single-table reports of `quarters`, `history`, `cost` and `breakeven`, built as `Report` values so that
/// every output format and locale serves them too.
extension ReportBuilder {
    /// One row per quarter from the first observation's quarter to the quarter of `asOf`: each provider's
    /// quarterly snapshot and its change, or (`spread`) its within-quarter low and high.
    /// With `sparklines`, a last table gives each provider's quarter-end lowest price as a sparkline.
    public func quarters(
        gpuName: String, providerIDs: [String]?, period: Period, spread: Bool, tiers: [Tier], staleAfterQuarters: Int,
        sparklines: Bool = false
    ) throws(QueryError) -> Report {
        let asOf = period.lastDay
        let query = PriceQuery(store: store, tiers: tiers, staleAfterQuarters: staleAfterQuarters, converter: converter)
        let observed = try query.checkHasData(asOf: asOf)
        let first = observed.lowerBound.quarter
        // Once the newest observation is stale, every later quarter would repeat the row before: the table ends
        // at that quarter (`--as-of 9999` must not print 32,000 rows).
        var last = observed.upperBound.quarter
        while last.lastDay < asOf && query.staleLimit(asOf: last.lastDay) <= observed.upperBound { last = last.next }
        let through = min(asOf, last.lastDay)
        let leftOut: [Phrase] = through < asOf
            ? [.quartersLeftOut(after: last, through: asOf.quarter, newest: observed.upperBound)] : []
        let selection = try Selection(store: store)
        let gpu = try selection.gpu(named: gpuName)
        return try answering { () throws -> Report in
            var providers = try providerIDs.map { ids throws(QueryError) in try selection.providers(ids: ids) } ?? selection.providers
            if providerIDs == nil {
                let grid = try query.comparison(asOf: asOf, providers: providers, gpus: [gpu])
                providers = grid.droppingEmpty(rows: false, columns: true).providers
            }
            guard !providers.isEmpty else {
                throw QueryError.nothingMatches("no provider has observed \(gpu.name) on or before \(asOf)")
            }
            var rows = try query.quarters(gpu: gpu, providers: providers, from: first, through: through, withSpreads: spread)
            // A provider that never priced the GPU in these quarters holds only N/A: left out, and named.
            var emptyProviders: [String] = []
            if providerIDs == nil {
                let kept = providers.indices.filter { index in
                    rows.contains { row in
                        switch row.cells[index].value {
                        case .price, .comingSoon: return true
                        case .unavailable, .noData: return false
                        }
                    }
                }
                if !kept.isEmpty && kept.count < providers.count {
                    emptyProviders = providers.indices.filter { !kept.contains($0) }.map { providers[$0].shortName }
                    providers = kept.map { providers[$0] }
                    rows = rows.map { $0.keeping(kept) }
                }
            }
            var columns = [Report.Column(id: "quarter", header: .quarter, alignment: .left)]
            for provider in providers {
                columns.append(Report.Column(id: provider.id, header: .literal(provider.shortName), alignment: .left))
                if !spread {
                    columns.append(Report.Column(id: provider.id + "_change", header: .changeFrom(provider: provider.shortName), alignment: .left))
                }
            }
            let values: [[Report.Value]] = rows.map { row in
                var values: [Report.Value] = [
                    row.isPartial ? .phrase(.partialPeriod(row.quarter.description, through: row.through)) : .text(row.quarter.description)
                ]
                for index in providers.indices {
                    if spread {
                        values.append(row.spreads?[index].map { .hourlyRange($0, currency: row.cells[index].currency) } ?? .cell(.noData))
                    } else {
                        values += [.cell(row.cells[index]), .delta(row.deltas[index], currency: row.cells[index].currency)]
                    }
                }
                return values
            }
            let cells = rows.flatMap(\.cells)
            var sparklineTables: [Report.Table] = []
            if sparklines, let firstRow = rows.first, let lastRow = rows.last {
                let lines = providers.indices.map { index in
                    (providers[index], Sparkline.of(rows.map { $0.cells[index].stale ? nil : $0.cells[index].price?.low }))
                }
                sparklineTables = [Self.sparklineTable(lines, since: firstRow.quarter.firstDay, through: lastRow.through)]
            }
            return namingRates(in: Report(
                asOf: asOf, period: period.description,
                sections: [
                    Report.Section(
                        id: "quarters", title: .quartersTitle(gpu: Self.label(gpu), spread: spread),
                        tables: [Report.Table(id: gpu.id, title: nil, columns: columns, rows: values, notes: [])] + sparklineTables,
                        notes: [.quartersNote(spread: spread)] + leftOut
                            + (emptyProviders.isEmpty ? [] : [.providersWithoutPrice(emptyProviders)])
                            + (spread ? [] : Self.markNotes(for: cells, stale: .staleAfterNote(quarters: staleAfterQuarters))))
                ],
                notices: Self.staleNotices(rows.last?.cells ?? [], staleAfterQuarters: staleAfterQuarters)))
        }
    }

    /// Every price run of a GPU, oldest first: what each offer cost from when to when, how often it was seen at
    /// that price, and the snapshots and sources that first and last saw it.
    /// With `sparklines`, a last table gives each provider's lowest per-GPU price over the history as a
    /// sparkline (the report's cells, day by day).
    /// Only runs that overlap `start` through `end` are listed (all of them by default).
    public func history(
        gpuName: String, providerIDs: [String]?, tiers: [Tier], from start: Day = .earliest, through end: Day = .latest,
        sparklines: Bool = false
    ) throws(QueryError) -> Report {
        let selection = try Selection(store: store)
        let gpu = try selection.gpu(named: gpuName)
        let providers = try providerIDs.map { ids throws(QueryError) in try selection.providers(ids: ids) }
        return try answering { () throws -> Report in
            let records = try store.history(gpu: gpu.id, providers: providers?.map(\.id), tiers: tiers)
                .filter { $0.firstSeen <= end && $0.lastSeen >= start }
            guard let newest = records.map(\.lastSeen).max() else {
                let at = providers.map { " at " + $0.map(\.name).joined(separator: ", ") } ?? ""
                let span = start == .earliest && end == .latest ? "" : " from \(start == .earliest ? "the start" : start.description) to \(end)"
                throw QueryError.nothingMatches("no observation of \(gpu.name)" + at + span)
            }
            let names = Dictionary(uniqueKeysWithValues: selection.providers.map { ($0.id, $0.shortName) })
            let columns: [Report.Column] = [
                .init(id: "from", header: .from, alignment: .left), .init(id: "to", header: .to, alignment: .left),
                .init(id: "seen", header: .seen, alignment: .right, dropOrder: 4),
                .init(id: "provider", header: .provider, alignment: .left),
                .init(id: "gpu", header: .gpuModel, alignment: .left, dropOrder: 5),
                .init(id: "variant", header: .variant, alignment: .left, dropOrder: 3),
                .init(id: "gpu_count", header: .gpuCount, alignment: .right),
                .init(id: "instance", header: .instance, alignment: .left, dropOrder: 6),
                .init(id: "region", header: .region, alignment: .left, dropOrder: 7),
                .init(id: "tier", header: .tier, alignment: .left, dropOrder: 8),
                .init(id: "price", header: .listedPrice, alignment: .right, dropOrder: 9),
                .init(id: "per_gpu", header: .perGPUPrice, alignment: .right),
                .init(id: "status", header: .status, alignment: .left, dropOrder: 2),
                .init(id: "source", header: .source, alignment: .left, dropOrder: 1),
            ]
            let rows: [[Report.Value]] = records.map { record in
                let offer = record.offer
                func described(_ snapshot: SnapshotReference) -> String {
                    "#\(snapshot.id) \(snapshot.fileName)" + (snapshot.sourceName.map { " (\($0))" } ?? "")
                }
                var source = described(record.firstSnapshot)
                if record.lastSnapshot != record.firstSnapshot { source += " … " + described(record.lastSnapshot) }
                if let note = record.note { source += ": " + note }
                return [
                    .day(record.firstSeen), .day(record.lastSeen), .integer(record.seenDays),
                    .text(names[offer.providerID] ?? offer.providerID),
                    .text(offer.gpuLabel), .text(offer.variant.isEmpty ? "-" : offer.variant),
                    .text(offer.gpuCount.description), .text(offer.instance.isEmpty ? "-" : offer.instance),
                    .text(offer.region.isEmpty ? "-" : offer.region), .text(offer.tier.rawValue),
                    .listedPrice(record.price, currency: offer.currency, approximate: record.approximate, noteMarks: 0),
                    .listedPrice(record.price?.perGPU(of: offer.gpuCount), currency: offer.currency, approximate: false, noteMarks: 0),
                    .text(record.status.rawValue), .text(source),
                ]
            }
            var tables = [Report.Table(id: gpu.id, title: nil, columns: columns, rows: rows, notes: [])]
            if sparklines, let oldest = records.map(\.firstSeen).min() {
                let shown = Set(records.map(\.offer.providerID))
                let query = PriceQuery(store: store, tiers: tiers)
                let history = try query.history(
                    of: gpu, providers: (providers ?? selection.providers).filter { shown.contains($0.id) }, from: oldest, through: newest)
                let lines = history.series.map { ($0.provider, Sparkline.of(Sparkline.samples(of: $0, in: history, count: 32))) }
                tables.append(Self.sparklineTable(lines, since: oldest, through: newest))
            }
            let asOf = end == .latest ? newest : end
            return Report(
                asOf: asOf, period: asOf.description,
                sections: [
                    Report.Section(id: "history", title: .historyTitle(gpu: Self.label(gpu)), tables: tables, notes: [])
                ])
        }
    }

    /// The cost of `hours` hours of one GPU at each provider as of the period, cheapest first.
    public func cost(
        gpuName: String, hours: Hours, period: Period, pricePoint: PricePoint, providerIDs: [String]?, tiers: [Tier],
        staleAfterQuarters: Int = 2, includeStale: Bool = false
    ) throws(QueryError) -> Report {
        let asOf = period.lastDay
        let query = PriceQuery(store: store, tiers: tiers, staleAfterQuarters: staleAfterQuarters, converter: converter)
        try query.checkHasData(asOf: asOf)
        let selection = try Selection(store: store)
        let gpu = try selection.gpu(named: gpuName)
        let providers = try providerIDs.map { ids throws(QueryError) in try selection.providers(ids: ids) } ?? selection.providers
        return try answering { () throws -> Report in
            var grid = try query.comparison(asOf: asOf, providers: providers, gpus: [gpu])
            if providerIDs == nil { grid = grid.droppingEmpty(rows: false, columns: true) }
            let staleColumns = includeStale ? [] : grid.cells[0].indices.filter { grid.cells[0][$0].stale }
            grid = grid.droppingColumns(staleColumns)
            let limit = query.staleLimit(asOf: asOf)
            let scenario = try CostScenario(gpu: gpu, hours: hours, asOf: asOf, pricePoint: pricePoint, comparison: grid)
            guard scenario.lines.contains(where: { $0.total != nil }) else {
                throw QueryError.nothingMatches(
                    "no provider has a price for \(gpu.name) as of \(asOf) in the tiers \(Tier.listed(tiers))"
                        + (providerIDs == nil ? "" : " from " + providers.map(\.shortName).joined(separator: ", "))
                        + (staleColumns.isEmpty
                            ? ""
                            : "; \(staleColumns.count) stale price\(staleColumns.count == 1 ? " was" : "s were") left out "
                                + "(last observed before \(limit)): --include-stale counts them"))
            }
            let rows: [[Report.Value]] = scenario.lines.map { line in
                guard let hourly = line.hourly, let total = line.total else {
                    return [.text(line.provider.shortName), .phrase(.notOffered), .text("—"), .text("—")]
                }
                let saving: Report.Value = line.saving.map {
                    .saving($0, percentTenths: line.savingPercentTenths, currency: line.cell.currency)
                } ?? .phrase(.notCompared)
                return [
                    .text(line.provider.shortName),
                    .calculation(hours: hours, rate: hourly, cell: line.cell, pricePoint: pricePoint),
                    .money(total, currency: line.cell.currency), saving,
                ]
            }
            let columns: [Report.Column] = [
                .init(id: "provider", header: .provider, alignment: .left), .init(id: "calculation", header: .calculation, alignment: .left),
                .init(id: "total", header: .total, alignment: .right), .init(id: "saving", header: .saving, alignment: .right),
            ]
            let pricedCells = scenario.lines.filter { $0.total != nil }.map(\.cell)
            var notes: [Phrase] = [.costNote(pricePoint)]
                + Self.markNotes(for: pricedCells, stale: .staleNote(before: query.staleLimit(asOf: asOf)))
            if !scenario.otherCurrencies.isEmpty { notes.append(.otherCurrenciesNote(scenario.otherCurrencies)) }
            if !staleColumns.isEmpty { notes.append(.staleLeftOut(count: staleColumns.count, before: limit)) }
            return namingRates(in: Report(
                asOf: asOf, period: period.description,
                sections: [
                    Report.Section(
                        id: "cost", title: .costTitle(gpu: Self.label(gpu), hours: hours, asOf: asOf),
                        table: gpu.id, columns: columns, rows: rows, notes: notes)
                ],
                notices: Self.staleNotices(pricedCells, staleAfterQuarters: staleAfterQuarters)))
        }
    }

    /// Rent or buy: break-even hours and days of a purchase against the rental prices as of the period, per
    /// provider (marketplaces unless `providerIDs` names others) or at a given `rate`. Stale prices do not count.
    public func breakEven(
        gpuName: String, purchase: PriceRange, hoursPerDay: Hours, period: Period, providerIDs: [String]?,
        rate: Money?, tiers: [Tier], staleAfterQuarters: Int = 2, includeStale: Bool = false
    ) throws(QueryError) -> Report {
        let asOf = period.lastDay
        let selection = try Selection(store: store)
        let gpu = try selection.gpu(named: gpuName)
        let query = PriceQuery(store: store, tiers: tiers, staleAfterQuarters: staleAfterQuarters, converter: converter)
        let limit = query.staleLimit(asOf: asOf)
        return try answering { () throws -> Report in
            var rates: [BreakEven.Rate] = []
            var staleLeftOut = 0
            if let rate {
                rates = [BreakEven.Rate(provider: nil, price: PriceRange(rate), currency: converter?.target ?? "USD")]
            } else {
                try query.checkHasData(asOf: asOf)
                let providers = try providerIDs.map { ids throws(QueryError) in try selection.providers(ids: ids) }
                    ?? selection.providers.filter { $0.kind == .p2pMarketplace }
                let grid = try query.comparison(asOf: asOf, providers: providers, gpus: [gpu])
                var newestStale: Day?
                for (column, provider) in providers.enumerated() {
                    let cell = grid.cells[0][column]
                    guard let price = cell.price else { continue }
                    if cell.stale && !includeStale {
                        staleLeftOut += 1
                        newestStale = max(newestStale ?? cell.observedOn ?? asOf, cell.observedOn ?? asOf)
                    } else {
                        rates.append(BreakEven.Rate(provider: provider, price: price, currency: cell.currency))
                    }
                }
                if rates.isEmpty {
                    let asked = providerIDs == nil
                        ? "the marketplaces (" + providers.map(\.shortName).joined(separator: ", ") + ")"
                        : providers.map(\.shortName).joined(separator: ", ")
                    let scope = "from \(asked) in the tiers \(Tier.listed(tiers)) as of \(asOf)"
                    let others = providerIDs == nil ? "name other providers with --providers, " : ""
                    if let newestStale {
                        throw QueryError.nothingMatches(
                            "only stale prices for \(gpu.name) \(scope): the newest is from \(newestStale), before \(limit); "
                                + "\(others)ask for --as-of \(newestStale), add --include-stale, or give --rate")
                    }
                    throw QueryError.nothingMatches(
                        "no rental price for \(gpu.name) \(scope); \(others)widen --tier, or give one with --rate")
                }
            }
            let breakEven = try BreakEven(gpu: gpu, asOf: asOf, purchase: purchase, hoursPerDay: hoursPerDay, rates: rates)
            guard breakEven.lines.contains(where: { $0.hours != nil }) else {
                throw QueryError.nothingMatches(
                    "every rental price for \(gpu.name) as of \(asOf) is 0, which sources write for \"no price\"; "
                        + "no break-even follows from it; give a price with --rate")
            }
            let continuous = Hours("24")!
            var rows: [[Report.Value]] = []
            for line in breakEven.lines {
                let name: Report.Value = line.provider.map { .text($0.shortName) } ?? .phrase(rate == nil ? .allProviders : .rentalPrice)
                guard let hours = line.hours else {
                    rows.append([name, .hourlyRange(line.rate, currency: line.currency)] + Array(repeating: .phrase(.notCompared), count: 3))
                    continue
                }
                rows.append([
                    name, .hourlyRange(line.rate, currency: line.currency), .duration(hours, unit: .hours),
                    .duration(try breakEven.days(hours, hoursPerDay: continuous), unit: .days),
                    .duration(try breakEven.days(hours, hoursPerDay: hoursPerDay), unit: .days),
                ])
            }
            let columns: [Report.Column] = [
                .init(id: "provider", header: .provider, alignment: .left), .init(id: "rate", header: .rentalPrice, alignment: .left),
                .init(id: "hours", header: .breakEvenHours, alignment: .right), .init(id: "days_continuous", header: .continuousDays, alignment: .right),
                .init(id: "days_at_hours_per_day", header: .daysAt(hoursPerDay: hoursPerDay), alignment: .right),
            ]
            let others = Array(Set(breakEven.lines.map(\.currency)).subtracting([breakEven.currency])).sorted()
            return namingRates(in: Report(
                asOf: asOf, period: period.description,
                sections: [
                    Report.Section(
                        id: "breakeven",
                        title: .breakEvenTitle(gpu: Self.label(gpu), purchase: purchase, currency: breakEven.currency, asOf: asOf),
                        table: gpu.id, columns: columns, rows: rows,
                        notes: [.breakEvenNote] + (others.isEmpty ? [] : [.otherCurrenciesNote(others)])
                            + (staleLeftOut > 0 ? [.staleLeftOut(count: staleLeftOut, before: limit)] : []))
                ]))
        }
    }

    /// Runs the queries of a report, mapping store failures to `QueryError`.
    func answering<T>(_ body: () throws -> T) throws(QueryError) -> T {
        do {
            return try body()
        } catch let error as QueryError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.sqlite(String(describing: error)))
        }
    }
}

extension ReportBuilder {
    /// `pricedb chart`: one GPU's price history from the start of `from` (default: the quarter of its first
    /// price) through the end of `to`, as the report's charts draw it.
    public func chart(
        gpuName: String, providerIDs: [String]?, from: Period?, to: Period, tiers: [Tier], staleAfterQuarters: Int = 2
    ) throws(QueryError) -> PriceHistory {
        let last = to.lastDay
        let query = PriceQuery(store: store, tiers: tiers, staleAfterQuarters: staleAfterQuarters, converter: converter)
        let observed = try query.checkHasData(asOf: last)
        let selection = try Selection(store: store)
        let gpu = try selection.gpu(named: gpuName)
        let providers = try providerIDs.map { ids throws(QueryError) in try selection.providers(ids: ids) } ?? selection.providers
        let start = from?.firstDay ?? observed.lowerBound.quarter.firstDay
        guard start <= last else {
            throw QueryError.outOfRange("--from \(start) is after --to \(last); give the earlier period first")
        }
        return try answering { () throws -> PriceHistory in
            var history = try query.history(of: gpu, providers: providers, from: start, through: last)
            guard let first = history.series.compactMap(\.steps.first?.from).min() else {
                throw QueryError.nothingMatches("no fresh price of \(gpu.name) from \(start) to \(last)")
            }
            if from == nil { history.start = max(history.start, first.quarter.firstDay) }
            return history
        }
    }

    /// The table that ends a terminal `quarters` or `history`: per provider, its trend as a sparkline.
    static func sparklineTable(_ lines: [(provider: Provider, line: String)], since: Day, through: Day) -> Report.Table {
        Report.Table(
            id: "sparklines", title: .trendTitle(from: since, to: through),
            columns: [
                Report.Column(id: "provider", header: .provider, alignment: .left),
                Report.Column(id: "trend", header: .trend, alignment: .left),
            ],
            rows: lines.map { [.text($0.provider.shortName), .text($0.line)] }, notes: [])
    }
}

extension ReportBuilder {
    /// `pricedb offers` as a report section (for the table and Markdown formats): one row per offer, its marks
    /// footnoted.
    public func offers(_ found: [OfferSearch.Found], period: Period, staleAfterQuarters: Int) -> Report {
        let asOf = period.lastDay
        let rows: [[Report.Value]] = found.map { found in
            let offer = found.offer
            let cell = Cell(
                value: .price(found.perGPU), currency: found.currency, derived: offer.gpuCount > .one,
                approximate: found.approximate, observedOn: found.observedOn, stale: found.stale, converted: found.converted)
            return [
                .text(found.provider.shortName), .text(Self.label(found.gpu)), .text(offer.variant.isEmpty ? "-" : offer.variant),
                .text(offer.gpuCount.description), .text(found.gpu.memoryGB.map { "\($0)GB" } ?? "-"),
                .text(offer.instance.isEmpty ? "-" : offer.instance), .text(offer.region.isEmpty ? "-" : offer.region),
                .text(offer.tier.rawValue),
                .listedPrice(
                    found.price, currency: found.currency, approximate: found.approximate, noteMarks: 0, converted: found.converted),
                .cell(cell), .day(found.observedOn), .text(found.source),
            ]
        }
        let columns: [Report.Column] = [
            .init(id: "provider", header: .provider, alignment: .left), .init(id: "gpu", header: .gpu, alignment: .left),
            .init(id: "variant", header: .variant, alignment: .left, dropOrder: 2),
            .init(id: "gpu_count", header: .gpuCount, alignment: .right),
            .init(id: "memory", header: .memory, alignment: .right, dropOrder: 3),
            .init(id: "instance", header: .instance, alignment: .left, dropOrder: 4),
            .init(id: "region", header: .region, alignment: .left, dropOrder: 5),
            .init(id: "tier", header: .tier, alignment: .left, dropOrder: 6),
            .init(id: "price", header: .listedPrice, alignment: .right, dropOrder: 7),
            .init(id: "per_gpu", header: .perGPUPrice, alignment: .right),
            .init(id: "observed_on", header: .date, alignment: .left, dropOrder: 1),
            .init(id: "source", header: .source, alignment: .left, dropOrder: 0),
        ]
        let cells = rows.compactMap { row -> Cell? in if case .cell(let cell) = row[9] { cell } else { nil } }
        return namingRates(in: Report(
            asOf: asOf, period: period.description,
            sections: [
                Report.Section(
                    id: "offers", title: .offersTitle(count: found.count, asOf: asOf), table: "offers", columns: columns,
                    rows: rows, notes: Self.markNotes(for: cells, stale: .staleAfterNote(quarters: staleAfterQuarters)))
            ]))
    }
}

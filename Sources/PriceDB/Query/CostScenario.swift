/// Which figure of a price range a scenario uses.
public enum PricePoint: String, CaseIterable, Sendable {
    case low
    case mid
    case high

    /// This figure of a range (`mid` rounds half to even to a micro-unit).
    public func of(_ range: PriceRange) -> Money {
        switch self {
        case .low: return range.low
        case .mid: return range.mid
        case .high: return range.high
        }
    }
}

/// The article's cost scenario: `hours` hours of one GPU at each provider, cheapest first.
public struct CostScenario: Sendable {
    public var gpu: GPU
    public var hours: Hours
    public var asOf: Day
    public var pricePoint: PricePoint
    /// Priced providers first, cheapest first; then those without a price, in report order.
    public var lines: [Line]

    /// One provider's cost.
    public struct Line: Sendable {
        public var provider: Provider
        public var cell: Cell
        /// The hourly price used, if the cell has one.
        public var hourly: Money?
        public var total: Money?
        /// How much less than the dearest priced provider in the same currency this costs, and in tenths of a
        /// percent of it.
        public var saving: Money?
        public var savingPercentTenths: Int64?
    }

    /// The scenario over a comparison grid that holds `gpu`'s row.
    public init(gpu: GPU, hours: Hours, asOf: Day, pricePoint: PricePoint, comparison: Comparison) {
        self.gpu = gpu
        self.hours = hours
        self.asOf = asOf
        self.pricePoint = pricePoint
        let row = comparison.gpus.firstIndex(of: gpu) ?? 0
        var lines = comparison.providers.enumerated().map { column, provider in
            let cell = comparison.cells[row][column]
            let hourly = cell.price.map(pricePoint.of)
            return Line(provider: provider, cell: cell, hourly: hourly, total: hourly?.times(hours: hours))
        }
        for index in lines.indices {
            // Savings compare totals in the same currency only; pricedb does not convert.
            let currency = lines[index].cell.currency
            let dearest = lines.filter { $0.cell.currency == currency }.compactMap(\.total).max()
            guard let total = lines[index].total, let dearest else { continue }
            lines[index].saving = dearest - total
            lines[index].savingPercentTenths = dearest.micros == 0
                ? nil : DecimalText.roundedQuotient((dearest.micros - total.micros) * 1000, dearest.micros)
        }
        let order = Dictionary(uniqueKeysWithValues: comparison.providers.enumerated().map { ($1.id, $0) })
        self.lines = lines.sorted { a, b in
            switch (a.total, b.total) {
            case (let x?, let y?): return (x, order[a.provider.id]!) < (y, order[b.provider.id]!)
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return order[a.provider.id]! < order[b.provider.id]!
            }
        }
    }
}

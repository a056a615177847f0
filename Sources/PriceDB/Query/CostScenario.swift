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
    /// The currency most priced providers use; lines in another currency are listed after them and compared
    /// only among themselves, since pricedb does not convert.
    public var currency: String
    /// Priced providers in the main currency first, cheapest first; then those priced in other currencies, by
    /// currency and price; then those without a price, in report order.
    public var lines: [Line]

    /// One provider's cost.
    public struct Line: Sendable {
        public var provider: Provider
        public var cell: Cell
        /// The hourly price used, if the cell has one.
        public var hourly: Money?
        public var total: Money?
        /// How much less than the dearest priced provider in the same currency this costs, and in tenths of a
        /// percent of it; `nil` when no other provider prices it in that currency.
        public var saving: Money?
        public var savingPercentTenths: Int64?
    }

    /// The scenario over a comparison grid that holds `gpu`'s row; fails when a total is beyond the largest
    /// amount pricedb can hold.
    public init(gpu: GPU, hours: Hours, asOf: Day, pricePoint: PricePoint, comparison: Comparison) throws(QueryError) {
        self.gpu = gpu
        self.hours = hours
        self.asOf = asOf
        self.pricePoint = pricePoint
        let row = comparison.gpus.firstIndex(of: gpu) ?? 0
        var lines: [Line] = []
        for (column, provider) in comparison.providers.enumerated() {
            let cell = comparison.cells[row][column]
            let hourly = cell.price.map(pricePoint.of)
            var total: Money?
            if let hourly {
                guard let product = hourly.times(hours: hours) else {
                    throw .outOfRange(
                        "\(hours) hours at \(hourly) an hour (\(provider.shortName)) come to more than pricedb can "
                            + "compute (\(Money.largest)); ask for fewer --hours")
                }
                total = product
            }
            lines.append(Line(provider: provider, cell: cell, hourly: hourly, total: total))
        }
        let priced = lines.filter { $0.total != nil }
        currency = Currency.mostCommon(priced.map(\.cell.currency)) ?? "USD"
        for index in lines.indices {
            guard let total = lines[index].total else { continue }
            let sameCurrency = priced.filter { $0.cell.currency == lines[index].cell.currency }
            guard sameCurrency.count > 1, let dearest = sameCurrency.compactMap(\.total).max() else { continue }
            lines[index].saving = dearest - total
            lines[index].savingPercentTenths = DecimalText.scaled((dearest - total).micros, times: 1000, over: dearest.micros)
        }
        let order = Dictionary(uniqueKeysWithValues: comparison.providers.enumerated().map { ($1.id, $0) })
        let main = currency
        func key(_ line: Line) -> (Int, String, Int64, Int) {
            guard let total = line.total else { return (2, "", 0, order[line.provider.id] ?? 0) }
            let group = line.cell.currency == main ? 0 : 1
            return (group, group == 0 ? "" : line.cell.currency, total.micros, order[line.provider.id] ?? 0)
        }
        self.lines = lines.sorted { key($0) < key($1) }
    }

    /// The currencies of priced lines other than the main one, in the order they are listed.
    public var otherCurrencies: [String] {
        var seen: [String] = []
        for line in lines where line.total != nil && line.cell.currency != currency && !seen.contains(line.cell.currency) {
            seen.append(line.cell.currency)
        }
        return seen
    }
}

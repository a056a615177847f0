import Foundation

extension Comparison {
    /// The currency most priced cells use. Summaries across providers compare only cells in it: pricedb does
    /// not convert currencies, so a EUR price is shown in its table but not ranked against USD ones.
    public var comparisonCurrency: String {
        Currency.mostCommon(cells.joined().filter { $0.price != nil }.map(\.currency)) ?? "USD"
    }

    /// The price of a cell if it takes part in cross-provider summaries: priced, fresh, in the comparison
    /// currency.
    func comparablePrice(row: Int, column: Int, currency: String) -> PriceRange? {
        let cell = cells[row][column]
        guard let price = cell.price, !cell.stale, cell.currency == currency else { return nil }
        return price
    }

    /// The price range each kind of provider asks for each GPU: the lowest low and highest high of its
    /// providers' fresh cells in the comparison currency (the article's "typical A100 cost" by hyperscaler, managed cloud and marketplace).
    public func kindSummaries() -> [KindSummary] {
        let currency = comparisonCurrency
        var summaries: [KindSummary] = []
        for kind in Provider.Kind.allCases {
            let columns = providers.indices.filter { providers[$0].kind == kind }
            guard !columns.isEmpty else { continue }
            for (row, gpu) in gpus.enumerated() {
                let priced = columns.compactMap { column in
                    comparablePrice(row: row, column: column, currency: currency).map { (column, $0) }
                }
                guard !priced.isEmpty else { continue }
                summaries.append(
                    KindSummary(
                        kind: kind, gpu: gpu, providers: priced.map { providers[$0.0] },
                        range: PriceRange(low: priced.map(\.1.low).min()!, high: priced.map(\.1.high).max()!),
                        currency: currency))
            }
        }
        return summaries
    }

    /// Providers ranked by cost efficiency: for every GPU that at least two providers price, each provider's
    /// mid price relative to the cheapest mid price; a provider's score is the geometric mean of its ratios
    /// (1.0 = always the cheapest). Stale cells and cells in another currency do not count; providers that
    /// price no shared GPU are left out.
    public func ranking() -> [RankingEntry] {
        let currency = comparisonCurrency
        var ratios: [String: [Double]] = [:]
        for row in gpus.indices {
            let mids = providers.indices.compactMap { column -> (Int, Int64)? in
                comparablePrice(row: row, column: column, currency: currency).map { (column, $0.mid.micros) }
            }
            guard mids.count >= 2, let cheapest = mids.map(\.1).min(), cheapest > 0 else { continue }
            for (column, mid) in mids {
                ratios[providers[column].id, default: []].append(Double(mid) / Double(cheapest))
            }
        }
        return providers.compactMap { provider -> RankingEntry? in
            guard let list = ratios[provider.id], !list.isEmpty else { return nil }
            let score = exp(list.map { log($0) }.reduce(0, +) / Double(list.count))
            return RankingEntry(provider: provider, score: score, sharedGPUs: list.count)
        }.sorted { ($0.score, $0.provider.id) < ($1.score, $1.provider.id) }
    }

    /// The cheapest offer of each GPU class: the lowest per-GPU price in the grid, with its provider and GPU.
    public func cheapestByClass() -> [CheapestOffer] {
        let currency = comparisonCurrency
        return GPUClass.allCases.compactMap { gpuClass in
            var best: CheapestOffer?
            for (row, gpu) in gpus.enumerated() where gpu.gpuClass == gpuClass {
                for (column, provider) in providers.enumerated() {
                    guard let price = comparablePrice(row: row, column: column, currency: currency) else { continue }
                    if best == nil || price.low < best!.cell.price!.low {
                        best = CheapestOffer(gpuClass: gpuClass, gpu: gpu, provider: provider, cell: cells[row][column])
                    }
                }
            }
            return best
        }
    }
}

extension PriceRange {
    /// The midpoint, rounded half to even to a micro-unit.
    public var mid: Money {
        Money(micros: DecimalText.clamped(DecimalText.rounded(Int128(low.micros) + Int128(high.micros), over: 2)))
    }
}

/// What one kind of provider asks for one GPU.
public struct KindSummary: Sendable {
    public var kind: Provider.Kind
    public var gpu: GPU
    public var providers: [Provider]
    public var range: PriceRange
    public var currency: String
}

/// One line of the cost-efficiency ranking.
public struct RankingEntry: Sendable {
    public var provider: Provider
    /// The geometric mean of the provider's price relative to the cheapest, over shared GPUs.
    public var score: Double
    public var sharedGPUs: Int
}

/// The cheapest offer in one GPU class.
public struct CheapestOffer: Sendable {
    public var gpuClass: GPUClass
    public var gpu: GPU
    public var provider: Provider
    public var cell: Cell
}

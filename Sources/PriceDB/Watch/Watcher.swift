import Foundation

/// `pricedb watch`: the rules' crossings as of a day, each reported once. The offers a rule watches are those
/// `pricedb offers` finds with its filters; an offer's prices are those of its price runs up to the day (runs
/// merge repeated prices, so the one before is the last different price observed).
public struct Watcher: Sendable {
    public var rules: [WatchRule]
    /// Report crossings again that were reported before (`--all`).
    public var repeatReported = false
    public var staleAfterQuarters = 2
    /// Watch stale offers too (`--include-stale`); by default a price older than the stale limit raises no alert.
    public var includeStale = false
    /// Prices, and the rules' thresholds, in one currency: each price converted at the rate of the last day it
    /// was seen (up to the day asked about).
    public var converter: CurrencyConverter?

    public init(rules: [WatchRule]) {
        self.rules = rules
    }

    /// A rule that fired for an offer.
    public struct Alert: Sendable {
        public var rule: WatchRule
        public var found: OfferSearch.Found
        /// The per-GPU price before the crossing; `nil` for an offer that was never above it.
        public var previous: PriceRange?
        /// The first day of the price run where the crossing begins; with the rule and offer, it names the crossing.
        public var since: Day
    }

    /// The alerts as of `day` that were not reported before (all of them with `repeatReported`). Nothing is
    /// remembered yet: the caller calls `remember` once the alerts reached their reader, so that an alert whose
    /// output failed (a full disk, a pipe closed early) comes again next run instead of being lost.
    public func check(_ store: PriceStore, asOf day: Day) throws(QueryError) -> [Alert] {
        var alerts: [Alert] = []
        var runsByOffer: [Offer: [RunRecord]] = [:]
        var loadedSeries: Set<PriceStore.SeriesKey> = []
        for rule in rules {
            var search = OfferSearch()
            search.gpuNames = rule.gpuNames
            search.providerIDs = rule.providerIDs
            search.tiers = rule.tiers ?? Tier.allCases
            search.regionPatterns = rule.regionPatterns
            search.staleAfterQuarters = staleAfterQuarters
            search.converter = converter
            search.includeStale = includeStale
            for found in try search.find(in: store, asOf: day).offers {
                let key = PriceStore.SeriesKey(provider: found.provider.id, gpu: found.gpu.id)
                if loadedSeries.insert(key).inserted {
                    let runs: [RunRecord]
                    do {
                        runs = try store.history(gpu: found.gpu.id, providers: [found.provider.id], tiers: Tier.allCases)
                    } catch {
                        throw .store(error)
                    }
                    for run in runs { runsByOffer[run.offer, default: []].append(run) }
                }
                let priced = (runsByOffer[found.offer] ?? [])
                    .filter { $0.price != nil && $0.firstSeen <= found.observedOn }
                    .sorted { $0.firstSeen < $1.firstSeen }
                var prices: [PriceRange] = []
                for run in priced {
                    guard var price = run.price else { continue }
                    if let converter {
                        let seen = min(run.lastSeen, found.observedOn)
                        do { price = try converter.convert(price, from: found.offer.currency, on: seen) } catch { throw .store(error) }
                    }
                    prices.append(price.perGPU(of: found.offer.gpuCount))
                }
                guard let start = rule.crossing(in: prices.map(\.low)) else { continue }
                alerts.append(
                    Alert(rule: rule, found: found, previous: start > 0 ? prices[start - 1] : nil, since: priced[start].firstSeen))
            }
        }
        let reports = alerts.map { report($0) }
        do {
            let known = repeatReported ? [] : try store.reported(reports)
            return zip(alerts, reports).filter { !known.contains($0.1) }.map(\.0)
        } catch {
            throw .store(error)
        }
    }

    /// Remembers `alerts` as reported at `time`, so that the next run leaves them out.
    public func remember(_ alerts: [Alert], in store: PriceStore, at time: Date = Date()) throws(QueryError) {
        do {
            try store.remember(alerts.map { report($0) }, at: time.formatted(.iso8601))
        } catch {
            throw .store(error)
        }
    }

    /// The crossing as remembered. A rule's thresholds mean another thing in another currency, so the currency
    /// asked for is part of the rule.
    func report(_ alert: Alert) -> PriceStore.WatchReport {
        let offer = alert.found.offer
        let identity = [
            offer.providerID, offer.gpuID, offer.gpuLabel, offer.variant, offer.gpuCount.description, offer.instance,
            offer.region, offer.tier.rawValue, offer.currency,
        ]
        // U+001F cannot be in a stored name (control characters are refused at ingest), so the joined text is
        // one offer's alone.
        return PriceStore.WatchReport(
            rule: alert.rule.canonical + (converter.map { " currency=\($0.target)" } ?? ""),
            offer: identity.joined(separator: "\u{1F}"), since: alert.since)
    }
}

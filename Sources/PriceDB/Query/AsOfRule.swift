/// Which observations count as of a day when a provider is reported by several sources (see docs/guide.md, "As of a
/// date"): each feed counts with its own latest observation, so a partial snapshot from one source never hides
/// another's offers; a stale feed steps aside when the series has a fresh one; where two feeds list the same
/// offer, the newer observation stands.
enum AsOfRule {
    /// One feed's view of one series.
    private struct FeedSeries: Hashable {
        var series: PriceStore.SeriesKey
        var feed: Int64
    }

    /// What two sources' offers must share to be the same offer: tier, unit size and currency. They are the same
    /// when, besides, their instances and their regions are equal, or one of them names none (a source that
    /// names no instance or region gives the provider's price of the GPU for all of them).
    private struct Kind: Hashable {
        var series: PriceStore.SeriesKey
        var tier: Tier
        var gpuCount: GPUCount
        var currency: String
    }

    /// One source's offers of one kind, as far as telling the same offer goes.
    private struct Listed {
        var day: Day
        var pairs: Set<[String]> = []
        var instances: Set<String> = []
        var regions: Set<String> = []

        /// Whether this source lists the offer of `instance` in `region` ("" for none named).
        func lists(instance: String, region: String) -> Bool {
            switch (instance.isEmpty, region.isEmpty) {
            case (true, true): return true
            case (true, false): return regions.contains(region) || regions.contains("")
            case (false, true): return instances.contains(instance) || instances.contains("")
            case (false, false):
                return pairs.contains([instance, region]) || pairs.contains([instance, ""]) || pairs.contains(["", region])
                    || pairs.contains(["", ""])
            }
        }
    }

    /// The feeds of each series that count, given each feed's latest day with the series: the fresh ones (on or
    /// after `limit`) when there are any, else all of them.
    static func countedFeeds(latest: [Int64: Day], freshFrom limit: Day) -> Set<Int64> {
        let fresh = latest.filter { $0.value >= limit }
        return Set((fresh.isEmpty ? latest : fresh).keys)
    }

    /// Of `sightings` (each offer's latest sighting on or before a day, as `PriceStore.offerSightings` finds
    /// them), those that count, in their order.
    static func counted(_ sightings: [PriceStore.OfferSighting], freshFrom limit: Day) -> [PriceStore.OfferSighting] {
        var latest: [FeedSeries: Day] = [:]
        for sighting in sightings {
            let key = FeedSeries(series: sighting.series, feed: sighting.feedID)
            latest[key] = max(latest[key] ?? sighting.day, sighting.day)
        }
        var feedsBySeries: [PriceStore.SeriesKey: [Int64: Day]] = [:]
        for (key, day) in latest { feedsBySeries[key.series, default: [:]][key.feed] = day }
        let counted = feedsBySeries.mapValues { countedFeeds(latest: $0, freshFrom: limit) }
        var candidates: [Kind: [Int]] = [:]
        for (index, sighting) in sightings.enumerated() {
            let series = sighting.series
            guard latest[FeedSeries(series: series, feed: sighting.feedID)] == sighting.day,
                counted[series]?.contains(sighting.feedID) == true
            else { continue }
            let offer = sighting.offer
            candidates[Kind(series: series, tier: offer.tier, gpuCount: offer.gpuCount, currency: offer.currency), default: []]
                .append(index)
        }
        // A sighting steps aside for a newer one of the same offer from another source; on one day both stand.
        var kept: [Int] = []
        for indices in candidates.values {
            var listed: [Int64: Listed] = [:]
            for index in indices {
                let sighting = sightings[index]
                let (instance, region) = (sighting.offer.instance, sighting.offer.region)
                listed[sighting.feedID, default: Listed(day: sighting.day)].pairs.insert([instance, region])
                listed[sighting.feedID]?.instances.insert(instance)
                listed[sighting.feedID]?.regions.insert(region)
            }
            for index in indices {
                let sighting = sightings[index]
                let superseded = listed.values.contains { other in
                    other.day > sighting.day && other.lists(instance: sighting.offer.instance, region: sighting.offer.region)
                }
                if !superseded { kept.append(index) }
            }
        }
        return kept.sorted().map { sightings[$0] }
    }
}

extension PriceStore.OfferSighting {
    var series: PriceStore.SeriesKey { PriceStore.SeriesKey(provider: offer.providerID, gpu: offer.gpuID) }

    /// The sighting as a group of one offer, as a cell reads it.
    var group: OfferGroup {
        OfferGroup(
            observedOn: day, status: status, gpuCount: offer.gpuCount, currency: offer.currency, price: price,
            approximate: approximate)
    }
}

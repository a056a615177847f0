/// What `pricedb watch` prints: one line per alert for a cron mail, or flat records for scripts
/// (`pricedb-watch/1`). Prices are per GPU-hour, the low end of a range, exact.
public enum AlertListing {
    /// `rule: provider GPU [variant, n GPUs, instance, region, tier]: old → new CUR per GPU-hour, observed D`.
    public static func lines(_ alerts: [Watcher.Alert]) -> String {
        alerts.map { alert in
            let found = alert.found
            let offer = found.offer
            var details = [offer.variant, offer.gpuCount == .one ? "" : "\(offer.gpuCount) GPUs", offer.instance, offer.region]
                .filter { !$0.isEmpty }
            details.append(offer.tier.rawValue)
            let change = (alert.previous.map { "\($0.low) → " } ?? "new at ") + "\(found.perGPU.low) \(found.currency)"
            let text = "\(alert.rule.label): \(found.provider.name) \(found.gpu.name) (\(details.joined(separator: ", "))): "
                + "\(change) per GPU-hour, observed \(found.observedOn)" + (found.stale ? " (stale: older than the stale limit)" : "")
            return UntrustedText.escaped(text) + "\n"
        }.joined()
    }

    /// The rule, the offer as `pricedb offers` writes it, then the crossing.
    static let fields = ["rule"] + OfferListing.fields + ["old_per_gpu", "new_per_gpu", "since"]

    static func records(_ alerts: [Watcher.Alert], converting: Bool) -> FlatRecords {
        FlatRecords(fields: fields + (converting ? ["converted"] : []), rows: alerts.map { alert in
            [.string(alert.rule.label)] + OfferListing.values(alert.found) + [
                .optional(alert.previous?.low.description), .string(alert.found.perGPU.low.description),
                .string(alert.since.description),
            ] + (converting ? [.bool(alert.found.converted)] : [])
        })
    }

    public static func json(_ alerts: [Watcher.Alert], asOf day: Day, exchangeRates: Report.ExchangeRates? = nil) -> String {
        records(alerts, converting: exchangeRates != nil)
            .json(shape: "pricedb-watch/1", header: OfferListing.header(asOf: day, exchangeRates), key: "alerts")
    }

    public static func csv(_ alerts: [Watcher.Alert], converting: Bool = false) -> String {
        records(alerts, converting: converting).csv
    }
}

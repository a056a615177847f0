/// What `pricedb watch` prints: one line per alert for a cron mail, or flat records for scripts
/// (`pricedb-watch/1`). Prices are per GPU-hour, the low end of a range, exact.
public enum AlertListing {
    /// `rule: provider GPU (memory) [variant, n GPUs, instance, region, tier]: $1.00 → $0.80 per GPU-hour
    /// (-20.0%), observed D`, money written as the reports write it.
    public static func lines(_ alerts: [Watcher.Alert]) -> String {
        let locale = ReportLocale.en
        return alerts.map { alert in
            let found = alert.found
            let offer = found.offer
            var details = [offer.variant, offer.gpuCount == .one ? "" : "\(offer.gpuCount) GPUs", offer.instance, offer.region]
                .filter { !$0.isEmpty }
            details.append(offer.tier.rawValue)
            let now = locale.rounded(found.perGPU.low, currency: found.currency)
            var change = "new at \(now)"
            if let previous = alert.previous?.low {
                change = "\(locale.rounded(previous, currency: found.currency)) → \(now)"
                if let tenths = DecimalText.scaled((found.perGPU.low - previous).micros, times: 1000, over: previous.micros) {
                    change += " (\(locale.percent(tenths: tenths, of: found.perGPU.low - previous)))"
                }
            }
            let text = "\(alert.rule.name ?? described(alert.rule, currency: found.currency)): "
                + "\(found.provider.name) \(ReportBuilder.label(found.gpu)) (\(details.joined(separator: ", "))): "
                + "\(change) per GPU-hour, observed \(found.observedOn)"
                + (found.stale ? " (stale: older than the stale limit)" : "")
            return UntrustedText.escaped(text) + "\n"
        }.joined()
    }

    /// A rule without a name as a line names it: `H100 under $2.00, a fall of 10% or more`.
    static func described(_ rule: WatchRule, currency: String) -> String {
        let locale = ReportLocale.en
        var parts: [String] = []
        var watched = rule.gpuNames?.joined(separator: ", ") ?? "any GPU"
        if let providers = rule.providerIDs { watched += " at " + providers.joined(separator: ", ") }
        if let tiers = rule.tiers { watched += " (" + Tier.listed(tiers) + ")" }
        if let regions = rule.regionPatterns { watched += " in " + regions.joined(separator: ", ") }
        parts.append(watched)
        if let below = rule.below { parts.append("under " + locale.rounded(below, currency: currency)) }
        if let drop = rule.dropPercent { parts.append("a fall of \(drop)% or more") }
        return parts.joined(separator: ", ")
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

import Foundation

/// The language and number conventions of rendered reports: `de` renders as the seed article does
/// (`$0,29-0,78`, `N/V`, `Demnächst`), `en` as `$0.29–0.78`, `N/A`, `coming soon`.
public enum ReportLocale: String, CaseIterable, Sendable {
    case en
    case de

    // MARK: - Numbers and money

    /// Cents as digits with this locale's separators: `1.234,56` or `1,234.56`.
    func amount(_ money: Money) -> String {
        let cents = money.cents.magnitude
        var whole = String(cents / 100)
        let fraction = cents % 100
        var grouped = ""
        while whole.count > 3 {
            grouped = (self == .de ? "." : ",") + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        return whole + grouped + (self == .de ? "," : ".") + (fraction < 10 ? "0" : "") + String(fraction)
    }

    func symbol(_ currency: String) -> String {
        switch currency {
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        default: return currency + " "
        }
    }

    func money(_ money: Money, currency: String) -> String {
        (money.micros < 0 ? "-" : "") + symbol(currency) + amount(money)
    }

    /// `$0,29-0,78` (de) or `$0.29–0.78` (en); one figure when both ends round to the same cents.
    func range(_ range: PriceRange, currency: String) -> String {
        if range.low.cents == range.high.cents { return money(range.low, currency: currency) }
        return symbol(currency) + amount(range.low) + (self == .de ? "-" : "–") + amount(range.high)
    }

    var perHour: String { self == .de ? "/Std" : "/h" }

    func signed(_ money: Money, currency: String) -> String {
        (money.micros > 0 ? "+" : money.micros < 0 ? "-" : "±") + symbol(currency) + amount(Money(micros: abs(money.micros)))
    }

    func percent(tenths: Int64) -> String {
        let sign = tenths > 0 ? "+" : tenths < 0 ? "-" : "±"
        let magnitude = tenths.magnitude
        return sign + String(magnitude / 10) + (self == .de ? "," : ".") + String(magnitude % 10) + "%"
    }

    func ratio(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return (self == .de ? text.replacingOccurrences(of: ".", with: ",") : text) + "×"
    }

    func date(_ day: Day) -> String {
        guard self == .de else { return day.description }
        let text = day.description
        return "\(text.suffix(2)).\(text.dropFirst(5).prefix(2)).\(text.prefix(4))"
    }

    // MARK: - Values

    var notAvailable: String { self == .de ? "N/V" : "N/A" }

    /// A comparison cell with its marks: `~` approximate, `*` derived from a multi-GPU unit, `†` stale.
    func cell(_ cell: Cell) -> String {
        switch cell.value {
        case .price(let price):
            let prefix = cell.derived || cell.approximate ? "~" : ""
            let suffix = (cell.derived ? "*" : "") + (cell.stale ? "†" : "")
            return prefix + range(price, currency: cell.currency) + suffix
        case .unavailable, .noData:
            return notAvailable
        case .comingSoon:
            return self == .de ? "Demnächst" : "coming soon"
        }
    }

    func listedPrice(_ price: PriceRange?, currency: String, approximate: Bool, noteMarks: Int) -> String {
        guard let price else { return notAvailable }
        let text = price.isSingle ? money(price.low, currency: currency) : range(price, currency: currency) + perHour
        return (approximate ? "~" : "") + text + String(repeating: "*", count: noteMarks)
    }

    func delta(_ delta: Delta, currency: String) -> String {
        switch delta {
        case .change(let low, let high, let lowPercent, let highPercent):
            if low.micros == 0 && high.micros == 0 { return self == .de ? "unverändert" : "unchanged" }
            let lowText = signed(low, currency: currency) + (lowPercent.map { " (\(percent(tenths: $0)))" } ?? "")
            if low == high && lowPercent == highPercent { return lowText }
            return lowText + " / " + signed(high, currency: currency) + (highPercent.map { " (\(percent(tenths: $0)))" } ?? "")
        case .new: return self == .de ? "neu" : "new"
        case .gone: return self == .de ? "entfallen" : "gone"
        case .none: return "–"
        }
    }

    func feature(_ value: ProviderFeature.Value?) -> String {
        switch value {
        case nil: return notAvailable
        case .boolean(let flag)?: return flag ? (self == .de ? "Ja" : "Yes") : (self == .de ? "Nein" : "No")
        case .number(let literal)?: return self == .de ? literal.replacingOccurrences(of: ".", with: ",") : literal
        case .string(let text)?: return featureText(text)
        }
    }

    /// Feature values are stored in English words; `de` translates the common ones and decimal points.
    private func featureText(_ text: String) -> String {
        let words: [String: (en: String, de: String)] = [
            "required": ("Yes", "Ja"), "not-required": ("No", "Nein"), "optional": ("Optional", "Optional"),
            "best-effort": ("Best effort", "Best Effort"), "community": ("Community", "Community"),
            "primary": ("Yes (primary)", "Ja (Primär)"), "paid": ("Paid", "Bezahlt"), "full": ("Full", "Vollständig"),
            "limited": ("Limited", "Begrenzt"), "none": ("None", "Keine"),
        ]
        if let word = words[text] { return self == .de ? word.de : word.en }
        guard self == .de else { return text }
        let units = ["min": "Min", "s": "Sek", "minute": "Minute", "minutes": "Minuten", "second": "Sekunde",
                     "seconds": "Sekunden", "hour": "Stunde", "hours": "Stunden"]
        return text.split(separator: " ", omittingEmptySubsequences: false).map { token in
            if let unit = units[String(token)] { return unit }
            if token.contains(where: \.isNumber) { return token.replacingOccurrences(of: ".", with: ",") }
            return String(token)
        }.joined(separator: " ")
    }

    /// Any report value as plain text in this locale.
    func text(_ value: Report.Value) -> String {
        switch value {
        case .text(let text): return text
        case .phrase(let phrase): return text(phrase)
        case .cell(let cell): return self.cell(cell)
        case .listedPrice(let price, let currency, let approximate, let marks):
            return listedPrice(price, currency: currency, approximate: approximate, noteMarks: marks)
        case .money(let amount, let currency): return money(amount, currency: currency)
        case .hourlyRange(let price, let currency): return range(price, currency: currency) + perHour
        case .delta(let delta, let currency): return self.delta(delta, currency: currency)
        case .integer(let number): return String(number)
        case .ratio(let value): return ratio(value)
        case .feature(let value): return feature(value)
        }
    }

    // MARK: - Phrases

    func text(_ phrase: Phrase) -> String {
        let de = self == .de
        switch phrase {
        case .sectionTitle(let id):
            switch id {
            case .overview: return de ? "Kurzübersicht" : "Quick overview"
            case .consumer: return de ? "Consumer-GPU-Preise" : "Consumer GPU prices"
            case .datacenter: return de ? "Rechenzentrums-GPU-Preise" : "Data-centre GPU prices"
            case .providers: return de ? "Preise der Anbieter" : "Provider price lists"
            case .kinds: return de ? "Typische Kosten nach Anbietertyp" : "Typical cost by provider kind"
            case .ranking: return de ? "Kosteneffizienz-Ranking" : "Cost-efficiency ranking"
            case .features: return de ? "Funktionsvergleich" : "Feature comparison"
            case .trends: return de ? "Entwicklung seit dem Vorquartal" : "Trends since the previous quarter"
            }
        case .gpu: return "GPU"
        case .provider: return de ? "Anbieter" : "Provider"
        case .need: return de ? "Bedarf" : "Need"
        case .bestChoice: return de ? "Beste Wahl" : "Best choice"
        case .cost: return de ? "Kosten" : "Cost"
        case .cheapest(.consumer): return de ? "Günstigste Consumer-GPU" : "Cheapest consumer GPU"
        case .cheapest(.datacenter): return de ? "Günstigste Rechenzentrums-GPU" : "Cheapest data-centre GPU"
        case .price(let day): return (de ? "Preis am " : "Price as of ") + date(day)
        case .change: return de ? "Änderung" : "Change"
        case .changePercent: return de ? "Änderung %" : "Change %"
        case .providerKind: return de ? "Anbietertyp" : "Provider kind"
        case .kindWithProviders(let kind, let names):
            let name: String
            switch kind {
            case .hyperscaler: name = de ? "Enterprise Cloud" : "Hyperscaler"
            case .managedCloud: name = de ? "Verwalteter Marktplatz" : "Managed cloud"
            case .p2pMarketplace: name = de ? "P2P-Marktplatz" : "P2P marketplace"
            case .other: name = de ? "Sonstige" : "Other"
            }
            return names.isEmpty ? name : "\(name) (\(names.joined(separator: ", ")))"
        case .rank: return de ? "Rang" : "Rank"
        case .score: return de ? "Preis ggü. günstigstem" : "Price vs cheapest"
        case .sharedGPUs: return de ? "Verglichene GPUs" : "GPUs compared"
        case .feature: return de ? "Funktion" : "Feature"
        case .featureName(let name): return featureName(name)
        case .instance: return de ? "Instanz" : "Instance"
        case .gpuConfiguration: return de ? "GPU-Konfiguration" : "GPU configuration"
        case .hourlyPrice: return de ? "Stundenpreis" : "Hourly price"
        case .priceRange: return de ? "Preisspanne" : "Price range"
        case .gpuModel: return de ? "GPU-Modell" : "GPU model"
        case .memory: return de ? "Speicher" : "Memory"
        case .pricesObserved(let provider, let days, let regions, let tiers):
            let details = (regions + tiers.map { tier in
                de && tier == .onDemand ? "On-Demand" : tier.rawValue
            }).joined(separator: "; ")
            return provider + (de ? ": Preise vom " : ": prices of ") + days.map(date).joined(separator: ", ")
                + (details.isEmpty ? "" : " (\(details))")
        case .derivedNote:
            return de ? "*Pro-GPU-Kosten, abgeleitet aus Multi-GPU-Instanzpreisen" : "*Per-GPU cost, derived from multi-GPU instance prices"
        case .approximateNote:
            return de ? "~ Näherungswert laut Quelle" : "~ approximate, as the source marks it"
        case .staleNote(let limit):
            return de ? "†Zuletzt vor dem \(date(limit)) beobachtet; möglicherweise veraltet"
                : "†Last observed before \(date(limit)); may be out of date"
        case .rankingNote:
            return de
                ? "Geometrisches Mittel, über die GPUs, die mindestens zwei Anbieter bepreisen, des mittleren Preises jedes Anbieters geteilt durch den günstigsten mittleren Preis (1,00× = stets am günstigsten)."
                : "Geometric mean, over the GPUs that at least two providers price, of each provider's mid price divided by the cheapest mid price (1.00× = always the cheapest)."
        case .kindsNote:
            return de ? "Niedrigster und höchster Pro-GPU-Preis unter den Anbietern jedes Typs." : "Lowest and highest per-GPU price among the providers of each kind."
        case .trendsNote(let since):
            return de
                ? "Änderung des niedrigsten (und höchsten) Pro-GPU-Preises seit dem \(date(since)); neu: damals kein Preis; entfallen: jetzt kein aktueller Preis."
                : "Change of the lowest (and highest) per-GPU price since \(date(since)); new: no price then; gone: no current price now."
        case .note(let marks, let text):
            return String(repeating: "*", count: marks) + text
        case .literal(let text):
            return text
        }
    }

    private func featureName(_ name: String) -> String {
        let names: [String: (en: String, de: String)] = [
            "uptime_sla": ("Uptime SLA", "Uptime-SLA"), "consumer_gpus": ("Consumer GPUs", "Consumer-GPUs"),
            "crypto_payments": ("Crypto payments", "Krypto-Zahlungen"), "kyc": ("KYC required", "KYC erforderlich"),
            "setup_time": ("Setup time", "Einrichtungszeit"), "minimum_billing": ("Minimum billing", "Minimale Abrechnung"),
            "platform_fee": ("Platform fee", "Plattformgebühr"), "enterprise_support": ("Enterprise support", "Enterprise-Support"),
            "compliance": ("Compliance certifications", "Compliance-Zert."),
        ]
        if let known = names[name] { return self == .de ? known.de : known.en }
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}

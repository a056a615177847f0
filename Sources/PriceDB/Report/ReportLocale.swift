import Foundation

/// The language and number conventions of rendered reports: `de` renders as the seed article does
/// (`$0,29-0,78`, `N/V`, `Demnächst`), `en` as `$0.29–0.78`, `N/A`, `coming soon`.
public enum ReportLocale: String, CaseIterable, Sendable {
    case en
    case de

    // MARK: - Numbers and money

    /// Cents as digits with this locale's separators: `1.234,56` or `1,234.56`.
    func amount(_ money: Money) -> String {
        let cents = abs(money.cents)
        let fraction = cents % 100
        return grouped(cents / 100) + (self == .de ? "," : ".") + (fraction < 10 ? "0" : "") + String(fraction)
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

    /// Money as a report writes it, `~` before a figure rounded to the cent (`~$0.54` for 0.535).
    func rounded(_ money: Money, currency: String) -> String {
        (money.micros % 10_000 == 0 ? "" : "~") + self.money(money, currency: currency)
    }

    /// Money in cents when that is exact, else with every digit (`$0.535`), for the factors of a calculation.
    func exactMoney(_ money: Money, currency: String) -> String {
        guard money.micros % 10_000 != 0 else { return self.money(money, currency: currency) }
        let text = symbol(currency) + money.description
        return self == .de ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// `$0,29-0,78` (de) or `$0.29–0.78` (en); one figure when both ends round to the same cents.
    func range(_ range: PriceRange, currency: String) -> String {
        if range.low.cents == range.high.cents { return money(range.low, currency: currency) }
        return symbol(currency) + amount(range.low) + (self == .de ? "-" : "–") + amount(range.high)
    }

    var perHour: String { self == .de ? "/Std" : "/h" }

    /// A change with its sign; one under a cent keeps the digits that make it non-zero (`-$0.004`).
    func signed(_ money: Money, currency: String) -> String {
        let sign = money.micros > 0 ? "+" : money.micros < 0 ? "-" : "±"
        let magnitude = Money(micros: money.micros == .min ? .max : abs(money.micros))
        guard magnitude.cents == 0, magnitude.micros != 0 else { return sign + symbol(currency) + amount(magnitude) }
        return sign + exactMoney(magnitude, currency: currency)
    }

    /// A percentage in tenths; a non-zero change that rounds to 0.0% reads `<0.1%` with its sign, never `±0.0%`.
    func percent(tenths: Int64, of change: Money? = nil) -> String {
        let decimal = self == .de ? "," : "."
        if tenths == 0, let change, change.micros != 0 {
            return (change.micros > 0 ? "+" : "-") + "<0" + decimal + "1%"
        }
        let sign = tenths > 0 ? "+" : tenths < 0 ? "-" : "±"
        let magnitude = tenths.magnitude
        return sign + String(magnitude / 10) + decimal + String(magnitude % 10) + "%"
    }

    func ratio(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return (self == .de ? text.replacingOccurrences(of: ".", with: ",") : text) + "×"
    }

    /// Exact decimal text (`1.0823`) with this locale's decimal mark.
    func decimal(_ text: String) -> String {
        self == .de ? text.replacingOccurrences(of: ".", with: ",") : text
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
            return marked(range(price, currency: cell.currency), cell)
        case .unavailable, .noData:
            return notAvailable
        case .comingSoon:
            return self == .de ? "Demnächst" : "coming soon"
        }
    }

    /// A figure with the marks of the cell it comes from: `~` approximate, `*` derived, `†` stale, `‡` converted.
    func marked(_ figure: String, _ cell: Cell) -> String {
        (cell.approximate ? "~" : "") + figure + (cell.derived ? "*" : "") + (cell.stale ? "†" : "") + (cell.converted ? "‡" : "")
    }

    func listedPrice(_ price: PriceRange?, currency: String, approximate: Bool, noteMarks: Int, converted: Bool = false) -> String {
        guard let price else { return notAvailable }
        let text = price.isSingle ? money(price.low, currency: currency) : range(price, currency: currency) + perHour
        return (approximate ? "~" : "") + text + String(repeating: "*", count: noteMarks) + (converted ? "‡" : "")
    }

    func delta(_ delta: Delta, currency: String) -> String {
        switch delta {
        case .change(let low, let high, let lowPercent, let highPercent, let since):
            let from = since.map { (self == .de ? " seit " : " since ") + date($0) } ?? ""
            if low.micros == 0 && high.micros == 0 { return (self == .de ? "unverändert" : "unchanged") + from }
            let lowText = signed(low, currency: currency) + (lowPercent.map { " (\(percent(tenths: $0, of: low)))" } ?? "")
            if low == high && lowPercent == highPercent { return lowText + from }
            return lowText + " / " + signed(high, currency: currency)
                + (highPercent.map { " (\(percent(tenths: $0, of: high)))" } ?? "") + from
        case .notObserved: return self == .de ? "keine Daten" : "no data"
        case .new: return self == .de ? "neu" : "new"
        case .gone: return self == .de ? "entfallen" : "gone"
        case .stale: return self == .de ? "veraltet" : "stale"
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
        case .listedPrice(let price, let currency, let approximate, let marks, let converted):
            return listedPrice(price, currency: currency, approximate: approximate, noteMarks: marks, converted: converted)
        case .money(let amount, let currency): return rounded(amount, currency: currency)
        case .hourlyRange(let price, let currency): return range(price, currency: currency) + perHour
        case .delta(let delta, let currency): return self.delta(delta, currency: currency)
        case .integer(let number): return String(number)
        case .ratio(let value): return ratio(value)
        case .feature(let value): return feature(value)
        case .calculation(let hours, let rate, let cell, let point):
            let isRange = cell.price.map { $0.low != $0.high } ?? false
            let average = point == .mid && isRange ? (self == .de ? " (Durchschn.)" : " (avg.)") : ""
            let shown = rate.micros % 10_000 == 0 || cell.approximate ? money(rate, currency: cell.currency) : rounded(rate, currency: cell.currency)
            return "\(number(hours.millionths)) \(self == .de ? "Std" : "h") × " + marked(shown, cell) + average
        case .saving(let amount, let percent, let currency):
            return money(amount, currency: currency) + (percent.map { " (\(self.percent(tenths: $0, of: amount).dropFirst()))" } ?? "")
        case .duration(let range, let unit):
            let low = whole(range.lowerBound), high = whole(range.upperBound)
            let span = low == high ? grouped(low) : grouped(low) + (self == .de ? "-" : "–") + grouped(high)
            switch unit {
            case .hours: return span + (self == .de ? " Std" : " h")
            case .days: return span + (self == .de ? " Tage" : " days")
            }
        case .day(let day): return date(day)
        }
    }

    /// A count given in millionths, rounded half to even to a whole number.
    private func whole(_ millionths: Int64) -> Int64 {
        DecimalText.roundedQuotient(millionths, DecimalText.scale)
    }

    /// A whole number with this locale's thousands separator.
    private func grouped(_ value: Int64) -> String {
        var digits = String(value.magnitude)
        var result = ""
        while digits.count > 3 {
            result = (self == .de ? "." : ",") + digits.suffix(3) + result
            digits.removeLast(3)
        }
        return (value < 0 ? "-" : "") + digits + result
    }

    /// An exact decimal quantity (hours) with this locale's decimal mark and thousands separator.
    private func number(_ millionths: Int64) -> String {
        let (whole, fraction) = millionths.quotientAndRemainder(dividingBy: DecimalText.scale)
        let decimals = DecimalText.text(millionths: Int64(fraction.magnitude)).dropFirst(2)
        let sign = millionths < 0 && whole == 0 ? "-" : ""
        return sign + grouped(whole) + (decimals.isEmpty ? "" : (self == .de ? "," : ".") + decimals)
    }

    // MARK: - Phrases

    /// A phrase (a heading, a note, a notice) in this locale.
    public func text(_ phrase: Phrase) -> String {
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
            case .index: return de ? "Preisindex: Marktpreis pro GPU" : "Price index: the market price per GPU"
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
        case .instances: return de ? "Instanzen" : "Instances"
        case .regions: return de ? "Regionen" : "Regions"
        case .summarisedNote(let offers):
            return de
                ? "Zusammengefasst aus \(offers) Angeboten: Preisspanne je GPU-Konfiguration über Instanzen und Regionen; --all-offers listet jedes."
                : "Summarised from \(offers) offers: the price range of each GPU configuration over its instances and regions; --all-offers lists every one."
        case .hourlyPrice: return de ? "Stundenpreis" : "Hourly price"
        case .priceRange: return de ? "Preisspanne" : "Price range"
        case .gpuModel: return de ? "GPU-Modell" : "GPU model"
        case .memory: return de ? "Speicher" : "Memory"
        case .pricesObserved(let provider, let days, let regions, let tiers):
            let place = regions.count > 3 ? [de ? "\(regions.count) Regionen" : "\(regions.count) regions"] : regions
            let details = (place + tiers.map { tier in
                de && tier == .onDemand ? "On-Demand" : tier.rawValue
            }).joined(separator: "; ")
            return provider + (de ? ": Preise vom " : ": prices of ") + days.map(date).joined(separator: ", ")
                + (details.isEmpty ? "" : " (\(details))")
        case .derivedNote:
            return de ? "*Pro-GPU-Kosten, abgeleitet aus Multi-GPU-Instanzpreisen" : "*Per-GPU cost, derived from multi-GPU instance prices"
        case .approximateNote:
            return de ? "~ Näherungswert: laut Quelle, oder ein auf Cent gerundeter Pro-GPU-Anteil"
                : "~ approximate: so marked by the source, or a per-GPU share rounded to the cent"
        case .staleNote(let limit):
            return de ? "†Zuletzt vor dem \(date(limit)) beobachtet; möglicherweise veraltet"
                : "†Last observed before \(date(limit)); may be out of date"
        case .providersWithoutPrice(let names):
            return de
                ? "Ohne Preis für diese GPU ausgelassen: \(names.joined(separator: ", ")) (--providers zeigt sie)."
                : "Left out for pricing none of it: \(names.joined(separator: ", ")) (--providers shows them)."
        case .outdatedRate(let currency, let rateDay, let priceDay):
            return de
                ? "Der neueste gespeicherte \(currency)-Kurs ist vom \(date(rateDay)), Preise vom \(date(priceDay)) wurden damit umgerechnet; neuere Kurse: pricedb fetch oder ingest eurofxref-hist.csv."
                : "The newest stored \(currency) rate is from \(date(rateDay)), yet it converted prices seen on \(date(priceDay)); newer rates come with pricedb fetch, or ingest eurofxref-hist.csv."
        case .indexTitle(let step):
            return de ? "Preisindex pro \(periodName(step))" : "Price index by \(periodName(step).lowercased())"
        case .indexPeriod(let step):
            return periodName(step)
        case .indexValue(let method):
            switch method {
            case .median: return "Median"
            case .trimmedMean: return de ? "Gestutztes Mittel" : "Trimmed mean"
            }
        case .lowerQuartile: return de ? "25. Pzt." : "25th pct"
        case .upperQuartile: return de ? "75. Pzt." : "75th pct"
        case .lowest: return de ? "Niedrigster" : "Lowest"
        case .highest: return de ? "Höchster" : "Highest"
        case .providerCount: return de ? "Anbieter" : "Providers"
        case .changeSince(let day): return (de ? "Änderung seit " : "Change since ") + date(day)
        case .partialPeriod(let name, let day): return de ? "\(name) (bis \(date(day)))" : "\(name) (to \(date(day)))"
        case .noPrice: return notAvailable
        case .indexNote(let method, let quarters):
            let figure = method == .median
                ? (de ? "der Median" : "the median")
                : (de ? "das Mittel ohne die günstigsten und teuersten 10 % der Anbieter" : "the mean without the cheapest and dearest 10% of providers")
            return de
                ? "Jeder Anbieter zählt einmal, mit seinem niedrigsten aktuellen Pro-GPU-Preis (nicht älter als \(quarters) Quartale) am letzten Tag des Zeitraums; der Index ist \(figure) dieser Preise, Perzentile linear zwischen den nächsten Rängen."
                : "Each provider counts once, with its lowest fresh per-GPU price (observed within \(quarters) quarters) as of the period's last day; the index is \(figure) of those prices, percentiles interpolated between the nearest ranks."
        case .providersWithoutPrices(let names):
            return de
                ? "Ohne Preis für diese GPUs ausgelassen: \(names.joined(separator: ", ")) (--providers zeigt sie)."
                : "Left out for pricing none of these GPUs: \(names.joined(separator: ", ")) (--providers shows them)."
        case .asOfLine(let day, let newest):
            let used = newest.map { (de ? "; neueste verwendete Beobachtung vom " : "; newest observation used: ") + date($0) } ?? ""
            return (de ? "Stand: " : "As of ") + date(day) + used
        case .staleLeftOut(let count, let limit):
            return de
                ? "\(count) \(count == 1 ? "Anbieter" : "Anbieter") ohne Preis seit dem \(date(limit)) ausgelassen (veraltet); --include-stale zählt sie mit."
                : "Left out \(count) provider\(count == 1 ? "" : "s") whose price was last observed before \(date(limit)) (stale); --include-stale counts them."
        case .allStale(let newest, let quarters):
            return de
                ? "Alle Preise sind älter als \(quarters) Quartale (die neueste Beobachtung ist vom \(date(newest))) und als veraltet (†) markiert; fragen Sie --as-of \(newest) oder erhöhen Sie --stale-after."
                : "Every price is older than \(quarters) quarters (the newest observation is from \(date(newest))) and marked stale (†); ask for --as-of \(newest), or raise --stale-after."
        case .convertedNote(let target, let rates):
            let named = rates.map { rate in
                "\(rate.currency) \(decimal(DecimalText.text(millionths: rate.perEUR))) (\(date(rate.day)))"
            }.joined(separator: ", ")
            return de
                ? "‡In \(target) umgerechnet zum EZB-Referenzkurs des Beobachtungstags (oder des letzten Kurses davor), je Euro: \(named)"
                : "‡Converted to \(target) at the ECB reference rate of the day the price was seen (or the latest before it), per euro: \(named)"
        case .otherCurrenciesNote(let codes):
            return de
                ? "Preise in \(codes.joined(separator: ", ")) stehen gesondert und werden nicht verglichen: pricedb rechnet keine Währungen um."
                : "Prices in \(codes.joined(separator: ", ")) are listed apart and not compared: pricedb does not convert currencies."
        case .notCompared: return de ? "nicht verglichen" : "not compared"
        case .staleAfterNote(let quarters):
            return de ? "†Zuletzt mehr als \(quarters) Quartale vorher beobachtet; möglicherweise veraltet"
                : "†Last observed more than \(quarters) quarters earlier; may be out of date"
        case .rankingNote:
            return de
                ? "Geometrisches Mittel, über die GPUs, die mindestens zwei Anbieter bepreisen, des mittleren Preises jedes Anbieters geteilt durch den günstigsten mittleren Preis (1,00× = stets am günstigsten)."
                : "Geometric mean, over the GPUs that at least two providers price, of each provider's mid price divided by the cheapest mid price (1.00× = always the cheapest)."
        case .kindsNote:
            return de ? "Niedrigster und höchster Pro-GPU-Preis unter den Anbietern jedes Typs." : "Lowest and highest per-GPU price among the providers of each kind."
        case .trendsNote(let since):
            return de
                ? "Änderung des niedrigsten (und höchsten) Pro-GPU-Preises seit dem \(date(since)), oder seit dem Tag des letzten bekannten Preises, wenn er damals veraltet war; neu: damals kein Preis; entfallen: jetzt kein Preis; veraltet: jetzt nur ein veralteter Preis; keine Daten: seitdem nichts beobachtet."
                : "Change of the lowest (and highest) per-GPU price since \(date(since)), or since the last known price's day when it was stale then; new: no price then; gone: no price now; stale: only an out-of-date price now; no data: nothing observed since."
        case .note(let marks, let text):
            return String(repeating: "*", count: marks) + text
        case .literal(let text):
            return text
        case .quarter: return de ? "Quartal" : "Quarter"
        case .quartersTitle(let gpu, let spread):
            return gpu + (spread ? (de ? ": Preisspanne innerhalb jedes Quartals" : ": spread within each quarter")
                : (de ? ": Preis am Quartalsende und Änderung zum Vorquartal" : ": price at each quarter's end and change from the quarter before"))
        case .quartersNote(let spread):
            return spread
                ? (de ? "Niedrigster und höchster Pro-GPU-Preis aller Beobachtungen des Quartals." : "Lowest and highest per-GPU price of any observation dated in the quarter.")
                : (de ? "Zelle am letzten Tag des Quartals; Änderung gegenüber dem Ende des Vorquartals." : "Cell as of the quarter's last day; change against the end of the quarter before.")
        case .quartersLeftOut(let after, let through, let newest):
            return de
                ? "Die Quartale nach \(after) bis \(through) sind ausgelassen: keine Beobachtung ist neuer als \(date(newest)), jedes wiederholte die Zeile davor."
                : "The quarters after \(after) through \(through) are left out: no observation is newer than \(date(newest)), so each would repeat the row before."
        case .changeFrom(let provider): return provider + (de ? " Änderung" : " change")
        case .offersTitle(let count, let asOf):
            return de ? "\(count) Angebote am \(date(asOf))" : "\(count) offer\(count == 1 ? "" : "s") as of \(date(asOf))"
        case .historyTitle(let gpu): return gpu + (de ? ": jeder Preis, von wann bis wann" : ": every price, from when to when")
        case .trendTitle(let from, let to):
            return de ? "Verlauf des niedrigsten Preises pro GPU, \(date(from)) bis \(date(to))" : "Lowest per-GPU price, \(from) to \(to)"
        case .trend: return de ? "Verlauf" : "Trend"
        case .date: return de ? "Datum" : "Date"
        case .from: return de ? "Von" : "From"
        case .to: return de ? "Bis" : "To"
        case .seen: return de ? "Gesehen" : "Seen"
        case .variant: return "Variant" + (de ? "e" : "")
        case .gpuCount: return de ? "GPUs" : "GPUs"
        case .region: return "Region"
        case .tier: return de ? "Tarif" : "Tier"
        case .status: return "Status"
        case .listedPrice: return de ? "Preis" : "Price"
        case .perGPUPrice: return de ? "Pro GPU" : "Per GPU"
        case .source: return de ? "Quelle" : "Source"
        case .costTitle(let gpu, let hours, let asOf):
            return de ? "\(number(hours.millionths)) Stunden auf \(gpu) (Preise am \(date(asOf)))"
                : "\(number(hours.millionths)) hours on \(gpu) (prices as of \(date(asOf)))"
        case .calculation: return de ? "Berechnung" : "Calculation"
        case .total: return de ? "Gesamtkosten" : "Total"
        case .saving: return de ? "Ersparnis ggü. teuerstem" : "Saving vs dearest"
        case .notOffered: return de ? "N/V (GPU nicht verfügbar)" : "N/A (GPU not offered)"
        case .costNote(let point):
            switch point {
            case .low: return de ? "Zum niedrigsten Pro-GPU-Preis jedes Anbieters." : "At each provider's lowest per-GPU price."
            case .mid: return de ? "Zum mittleren Pro-GPU-Preis (Mitte der Spanne) jedes Anbieters." : "At each provider's mid per-GPU price (the middle of its range)."
            case .high: return de ? "Zum höchsten Pro-GPU-Preis jedes Anbieters." : "At each provider's highest per-GPU price."
            }
        case .breakEvenTitle(let gpu, let purchase, let currency, let asOf):
            let price = range(purchase, currency: currency)
            return de ? "Mieten oder kaufen: \(gpu) für \(price) (Mietpreise am \(date(asOf)))"
                : "Rent or buy: \(gpu) at \(price) (rental prices as of \(date(asOf)))"
        case .rentalPrice: return de ? "Mietpreis" : "Rental price"
        case .breakEvenHours: return de ? "Break-even" : "Break-even"
        case .continuousDays: return de ? "Tage 24/7" : "Days at 24/7"
        case .daysAt(let hours): return de ? "Tage bei \(number(hours.millionths)) Std/Tag" : "Days at \(number(hours.millionths)) h/day"
        case .allProviders: return de ? "Alle zusammen" : "All together"
        case .breakEvenNote:
            return de
                ? "Von Kaufpreis-Untergrenze ÷ höchstem Mietpreis bis Kaufpreis-Obergrenze ÷ niedrigstem Mietpreis."
                : "From the lowest purchase price ÷ the highest rental price to the highest purchase price ÷ the lowest rental price."
        }
    }

    /// A period of an index as a heading names it: `Quarter`, `Quartal`.
    private func periodName(_ step: IndexStep) -> String {
        let de = self == .de
        switch step {
        case .day: return de ? "Tag" : "Day"
        case .week: return de ? "Woche" : "Week"
        case .month: return de ? "Monat" : "Month"
        case .quarter: return de ? "Quartal" : "Quarter"
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

import Foundation

/// Turns a parsed snapshot JSON v1 document into a `SnapshotRecord`, checking every rule of the contract
/// (`snapshot-format.md`) and collecting every problem with its JSON path, so that one run shows them all.
struct SnapshotDecoder {
    static let format = "pricedb-snapshot/1"

    let file: String
    let today: Day
    /// The moment of the ingest, against which a timestamp's instant is checked.
    let now: Date
    private(set) var catalog: GPUCatalog
    let knownProviders: [String: Provider]
    private(set) var diagnostics: [Diagnostic] = []
    /// Names resolved so far: a large snapshot names few GPUs many times.
    private var resolved: [String: GPUCatalog.Resolution?] = [:]

    init(file: String, today: Day, now: Date = Date(), catalog: GPUCatalog, knownProviders: [Provider]) {
        self.file = file
        self.today = today
        self.now = now
        self.catalog = catalog
        self.knownProviders = Dictionary(uniqueKeysWithValues: knownProviders.map { ($0.id, $0) })
    }

    /// The parts of a record that come from the document; the caller adds the hash and file name.
    struct Content {
        var observedOn: Day
        var source: Source?
        var providers: [ProviderDeclaration]
        var declaredGPUs: [GPU]
        var usedGPUs: [GPU]
        var observations: [Observation]
    }

    mutating func decode(_ root: JSONValue) -> Content? {
        guard
            let fields = object(
                root, at: "",
                allowed: ["format", "observed_at", "source", "currency", "providers", "gpus", "observations"])
        else { return nil }
        guard let formatValue = fields["format"] else {
            fail("", root.position, "\"format\" is required; this build reads \"\(Self.format)\"")
            return nil
        }
        guard let format = string(formatValue, at: "format") else { return nil }
        guard format == Self.format else {
            fail("format", formatValue.position, "unsupported format \"\(format)\"; this build reads \"\(Self.format)\"")
            return nil
        }
        var observedOn: Day?
        if let value = fields["observed_at"] {
            observedOn = observationDay(value, at: "observed_at")
        } else {
            fail("", root.position, "\"observed_at\" is required: the day the prices were seen, as YYYY-MM-DD")
        }
        let source = fields["source"].flatMap { decodeSource($0) }
        var currency = "USD"
        if let value = fields["currency"], let code = currencyCode(value, at: "currency") { currency = code }
        var mentionedProviders: Set<String> = []
        let providers = fields["providers"].map { decodeProviders($0, mentioned: &mentionedProviders) } ?? []
        let declaredGPUs = fields["gpus"].map { decodeGPUs($0) } ?? []
        var observations: [Observation] = []
        if let value = fields["observations"] {
            let declared = Dictionary(uniqueKeysWithValues: providers.map { ($0.provider.id, $0.provider) })
            observations = decodeObservations(
                value, observedOn: observedOn ?? today, currency: currency,
                providers: knownProviders.merging(declared) { $1 }, mentioned: mentionedProviders)
        } else {
            fail("", root.position, "\"observations\" is required and must list at least one observation")
        }
        guard diagnostics.isEmpty, let observedOn else { return nil }
        let usedIDs = Set(observations.map(\.gpuID))
        return Content(
            observedOn: observedOn, source: source, providers: providers, declaredGPUs: declaredGPUs,
            usedGPUs: catalog.gpus.filter { usedIDs.contains($0.id) }, observations: observations)
    }

    // MARK: - Sections

    private mutating func decodeSource(_ value: JSONValue) -> Source? {
        guard let fields = object(value, at: "source", allowed: ["name", "url", "published"]) else { return nil }
        let name = fields["name"].flatMap { string($0, at: "source.name", limit: UntrustedText.longTextLimit) }
        let url = fields["url"].flatMap { string($0, at: "source.url", limit: UntrustedText.longTextLimit) }
        var published: Day?
        if let value = fields["published"], let text = string(value, at: "source.published") {
            published = Day(dateOrTimestamp: text)
            if published == nil {
                fail("source.published", value.position, "\"\(text)\" is not a date; write YYYY-MM-DD")
            } else if let day = published, day > today || day < Day.firstObservable {
                fail("source.published", value.position, "\(day) is \(day > today ? "in the future (today is \(today))" : "before 2000"); write the day the source was published")
                published = nil
            }
        }
        return Source(name: name, url: url, published: published)
    }

    /// `mentioned` collects every declared id, valid or not, so that a bad declaration is reported once
    /// instead of again as an unknown provider at each observation.
    private mutating func decodeProviders(_ value: JSONValue, mentioned: inout Set<String>) -> [ProviderDeclaration] {
        guard let elements = array(value, at: "providers") else { return [] }
        var declarations: [ProviderDeclaration] = []
        var seen: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let path = { "providers[\(index)]" }
            guard
                let fields = object(
                    element, at: path(), allowed: ["id", "name", "short_name", "kind", "url", "features"]),
                let idValue = required(fields, "id", in: path(), at: element.position),
                let id = string(idValue, at: path() + ".id")
            else { continue }
            mentioned.insert(id)
            guard Self.isSlug(id) else {
                fail(path() + ".id", idValue.position, "\"\(id)\" is not a provider id; use lower-case letters, digits and hyphens (\"aws\", \"lambda-labs\")")
                continue
            }
            if let first = seen[id] {
                fail(path() + ".id", idValue.position, "provider \"\(id)\" is declared twice (first at providers[\(first)])")
                continue
            }
            seen[id] = index
            var kind: Provider.Kind?
            if let kindValue = fields["kind"], let text = string(kindValue, at: path() + ".kind") {
                kind = Provider.Kind(rawValue: text)
                if kind == nil {
                    fail(path() + ".kind", kindValue.position, "unknown kind \"\(text)\"; use one of \(Self.list(Provider.Kind.allCases.map(\.rawValue), or: true))")
                }
            }
            guard
                let provider = Provider.declared(
                    id: id, name: fields["name"].flatMap { string($0, at: path() + ".name") },
                    shortName: fields["short_name"].flatMap { string($0, at: path() + ".short_name") }, kind: kind,
                    url: fields["url"].flatMap { string($0, at: path() + ".url", limit: UntrustedText.longTextLimit) },
                    known: knownProviders[id])
            else {
                fail(path(), element.position, "\"name\" is required for a provider the database does not know yet")
                continue
            }
            let features = fields["features"].flatMap { decodeFeatures($0, at: path() + ".features") }
            declarations.append(ProviderDeclaration(provider: provider, features: features))
        }
        return declarations
    }

    private mutating func decodeFeatures(_ value: JSONValue, at path: @autoclosure () -> String) -> [ProviderFeature]? {
        guard case .object(let members, _) = value else {
            fail(path(), value.position, "must be an object of names and values, not \(value.typeName)")
            return nil
        }
        var features: [ProviderFeature] = []
        var seen: Set<String> = []
        for member in members {
            let memberPath = Self.member(member.key, of: path())
            if let problem = UntrustedText.problem(member.key) {
                fail(memberPath, member.value.position, "the feature's name \(problem)")
                continue
            }
            guard seen.insert(member.key).inserted else {
                fail(memberPath, member.value.position, "the feature appears twice")
                continue
            }
            switch member.value {
            case .string:
                if let text = string(member.value, at: memberPath) {
                    features.append(ProviderFeature(name: member.key, value: .string(text)))
                }
            case .number(let literal, _): features.append(ProviderFeature(name: member.key, value: .number(literal)))
            case .bool(let flag, _): features.append(ProviderFeature(name: member.key, value: .boolean(flag)))
            default:
                fail(memberPath, member.value.position, "a feature must be a string, number or boolean, not \(member.value.typeName)")
            }
        }
        return features
    }

    private mutating func decodeGPUs(_ value: JSONValue) -> [GPU] {
        guard let elements = array(value, at: "gpus") else { return [] }
        var gpus: [GPU] = []
        for (index, element) in elements.enumerated() {
            let path = { "gpus[\(index)]" }
            guard
                let fields = object(element, at: path(), allowed: ["id", "name", "memory_gb", "class", "aliases"]),
                let idValue = required(fields, "id", in: path(), at: element.position),
                let id = string(idValue, at: path() + ".id"),
                let nameValue = required(fields, "name", in: path(), at: element.position),
                let name = string(nameValue, at: path() + ".name"),
                let classValue = required(fields, "class", in: path(), at: element.position),
                let classText = string(classValue, at: path() + ".class")
            else { continue }
            guard Self.isSlug(id) else {
                fail(path() + ".id", idValue.position, "\"\(id)\" is not a GPU id; use lower-case letters, digits and hyphens (\"rtx-a6000\")")
                continue
            }
            guard let gpuClass = GPUClass(rawValue: classText) else {
                fail(path() + ".class", classValue.position, "unknown class \"\(classText)\"; use consumer or datacenter")
                continue
            }
            var memory: Int?
            if let memoryValue = fields["memory_gb"] {
                guard case .number(let literal, _) = memoryValue, let gb = Int(literal), gb > 0 else {
                    fail(path() + ".memory_gb", memoryValue.position, "must be a whole number of gigabytes above 0")
                    continue
                }
                memory = gb
            }
            var aliases: [String] = []
            if let aliasValue = fields["aliases"], let list = array(aliasValue, at: path() + ".aliases") {
                for (aliasIndex, alias) in list.enumerated() {
                    if let text = string(alias, at: path() + ".aliases[\(aliasIndex)]") { aliases.append(text) }
                }
            }
            let gpu = GPU(id: id, name: name, memoryGB: memory, gpuClass: gpuClass, aliases: aliases)
            if let existing = catalog.gpu(id: id) {
                guard GPUCatalog.key(existing.name) == GPUCatalog.key(name), existing.gpuClass == gpuClass,
                    memory == nil || existing.memoryGB == memory
                else {
                    fail(path(), element.position, "\"\(id)\" is already known as \(Self.describe(existing)); declare only new GPUs, or repeat the known name, memory and class to add aliases")
                    continue
                }
            }
            var clash = false
            for written in [name] + aliases {
                if let owner = catalog.owner(of: written), owner.id != id {
                    fail(path(), element.position, "the name \"\(written)\" already means \(owner.name) (\(owner.id)); choose another")
                    clash = true
                }
            }
            if clash { continue }
            var merged = gpu
            if let existing = catalog.gpu(id: id) {
                merged = existing
                merged.aliases += aliases.filter { !existing.aliases.contains($0) }
            }
            catalog.add(merged)
            gpus.append(merged)
        }
        return gpus
    }

    private mutating func decodeObservations(
        _ value: JSONValue, observedOn: Day, currency: String, providers: [String: Provider], mentioned: Set<String>
    ) -> [Observation] {
        guard let elements = array(value, at: "observations") else { return [] }
        guard !elements.isEmpty else {
            fail("observations", value.position, "is empty; a snapshot must hold at least one observation")
            return []
        }
        var observations: [Observation] = []
        observations.reserveCapacity(elements.count)
        // Where each identity was first seen: its index in the file, and its place among `observations`.
        var firstByIdentity: [Observation.Identity: (index: Int, position: Int)] = [:]
        firstByIdentity.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let path = { "observations[\(index)]" }
            guard let observation = decodeObservation(
                element, at: path(), observedOn: observedOn, currency: currency, providers: providers,
                mentioned: mentioned)
            else { continue }
            if let first = firstByIdentity[observation.identity] {
                let what = observations[first.position] == observation ? "duplicates" : "conflicts with"
                fail(path(), element.position, "\(what) observations[\(first.index)]: same provider, GPU, variant, instance, region and tier (\(Self.describe(observation)))")
                continue
            }
            firstByIdentity[observation.identity] = (index, observations.count)
            observations.append(observation)
        }
        return observations
    }

    private mutating func decodeObservation(
        _ element: JSONValue, at path: @autoclosure () -> String, observedOn: Day, currency fileCurrency: String,
        providers: [String: Provider], mentioned: Set<String>
    ) -> Observation? {
        guard
            let fields = object(
                element, at: path(),
                allowed: [
                    "provider", "gpu", "gpu_count", "instance", "region", "tier", "price", "currency", "status",
                    "approximate", "observed_at", "note",
                ])
        else { return nil }
        let errorsBefore = diagnostics.count
        var providerID: String?
        if let value = required(fields, "provider", in: path(), at: element.position),
            let id = string(value, at: path() + ".provider")
        {
            if providers[id] != nil {
                providerID = id
            } else if !mentioned.contains(id) {
                let hint = EditDistance.suggestion(for: id, among: Array(providers.keys))
                // The database's own providers by name; the built-in clouds are many, and listed elsewhere.
                let builtIn = Set(ProviderRegistry.entries.map(\.provider.id))
                let own = providers.keys.filter { !builtIn.contains($0) }.sorted()
                let known = (own.isEmpty ? "" : "known here: \(own.joined(separator: ", ")); ")
                    + "`pricedb providers --all` lists the clouds pricedb knows built in"
                fail(path() + ".provider", value.position, "unknown provider \"\(id)\"; \(hint)declare it under \"providers\" (\(known))")
            }
        }
        var resolution: GPUCatalog.Resolution?
        var label = ""
        if let value = required(fields, "gpu", in: path(), at: element.position), let name = string(value, at: path() + ".gpu") {
            label = name
            if let cached = resolved[name] {
                resolution = cached
            } else {
                resolution = catalog.resolve(name)
                resolved[name] = resolution
            }
            if resolution == nil {
                let close = catalog.suggestions(for: name)
                let hint = EditDistance.question(close).map { $0 + " " } ?? ""
                if GPUCatalog.isNonGPUAccelerator(name) {
                    fail(path() + ".gpu", value.position, "\"\(name)\" is an accelerator but not a GPU; pricedb records GPU prices only")
                } else {
                    fail(path() + ".gpu", value.position, "unknown GPU \"\(name)\"; \(hint)declare new models under \"gpus\" (`pricedb gpus` lists the catalog)")
                }
            }
        }
        var gpuCount = GPUCount.one
        if let value = fields["gpu_count"] {
            if case .number(let literal, _) = value, let millionths = try? DecimalText.millionths(literal[...]) {
                gpuCount = GPUCount(millionths: millionths)
                if gpuCount.millionths <= 0 || gpuCount > .maximum {
                    fail(path() + ".gpu_count", value.position, "must be above 0 and at most 64, not \(literal)")
                }
            } else {
                fail(path() + ".gpu_count", value.position, "must be a number of GPUs above 0 and at most 64 (0.25 for a quarter of a shared GPU), not \(Self.show(value))")
            }
        }
        let instance = fields["instance"].flatMap { string($0, at: path() + ".instance") } ?? ""
        let region = fields["region"].flatMap { string($0, at: path() + ".region") } ?? ""
        var tier = Tier.onDemand
        if let value = fields["tier"], let text = string(value, at: path() + ".tier") {
            if let parsed = Tier(rawValue: text) {
                tier = parsed
            } else {
                fail(path() + ".tier", value.position, Self.unknown("tier", text, among: Tier.allCases.map(\.rawValue)))
            }
        }
        var currency = fileCurrency
        if let value = fields["currency"], let code = currencyCode(value, at: path() + ".currency") { currency = code }
        // A status that could not be read (`nil`) checks neither way whether a price belongs: that would only
        // repeat the error.
        var status: Status? = .available
        if let value = fields["status"] {
            status = nil
            if let text = string(value, at: path() + ".status") {
                status = Status(rawValue: text)
                if status == nil {
                    fail(path() + ".status", value.position, Self.unknown("status", text, among: Status.allCases.map(\.rawValue)))
                }
            }
        }
        var approximate = false
        if let value = fields["approximate"] {
            if case .bool(let flag, _) = value { approximate = flag } else {
                fail(path() + ".approximate", value.position, "must be true or false, not \(Self.show(value))")
            }
        }
        var day = observedOn
        if let value = fields["observed_at"], let override = observationDay(value, at: path() + ".observed_at") {
            day = override
        }
        let note = fields["note"].flatMap { string($0, at: path() + ".note", limit: UntrustedText.longTextLimit) }
        var price: PriceRange?
        if let value = fields["price"], let status {
            if status != .available {
                fail(path() + ".price", value.position, "an offer with status \"\(status.rawValue)\" carries no price; remove the price or the status")
            } else {
                price = decodePrice(value, at: path() + ".price", gpuCount: gpuCount, currency: currency)
            }
        } else if status == .available {
            fail(path(), element.position, "\"price\" is required for an available offer; for one that is not, set \"status\" to \"unavailable\" or \"coming-soon\"")
        }
        guard diagnostics.count == errorsBefore, let providerID, let resolution, let status else { return nil }
        return Observation(
            providerID: providerID, gpuID: resolution.gpu.id, gpuLabel: label, variant: resolution.variant,
            gpuCount: gpuCount, instance: instance, region: region, tier: tier, currency: currency, price: price,
            status: status, approximate: approximate, observedOn: day, note: note)
    }

    private mutating func decodePrice(
        _ value: JSONValue, at path: @autoclosure () -> String, gpuCount: GPUCount, currency: String
    ) -> PriceRange? {
        switch value {
        case .number:
            return money(value, at: path(), gpuCount: gpuCount).map(PriceRange.init)
        case .object(let members, _):
            guard let fields = object(value, at: path(), allowed: ["min", "max"]) else { return nil }
            guard let minValue = fields["min"], let maxValue = fields["max"] else {
                fail(path(), value.position, "a range needs both \"min\" and \"max\"" + (members.isEmpty ? "" : "; for one price write a plain number"))
                return nil
            }
            guard let low = money(minValue, at: path() + ".min", gpuCount: gpuCount),
                let high = money(maxValue, at: path() + ".max", gpuCount: gpuCount)
            else { return nil }
            guard low <= high else {
                fail(path() + ".min", minValue.position, "min \(low) is above max \(high)")
                return nil
            }
            return PriceRange(low: low, high: high)
        case .string(let text, _):
            let hint = WrittenAmount(text)?.hint(
                expecting: currency, otherCurrency: "write the amount as a number, and its currency in \"currency\"", unquoted: true) ?? ""
            fail(path(), value.position, "must be a number or {\"min\": …, \"max\": …}, not a string (\"\(text)\")\(hint)")
            return nil
        default:
            fail(path(), value.position, "must be a number or {\"min\": …, \"max\": …}, not \(value.typeName)")
            return nil
        }
    }

    private mutating func money(_ value: JSONValue, at path: @autoclosure () -> String, gpuCount: GPUCount) -> Money? {
        guard case .number(let literal, _) = value else {
            fail(path(), value.position, "must be a number, not \(Self.show(value))")
            return nil
        }
        let micros: Int64
        do {
            micros = try DecimalText.millionths(literal[...])
        } catch .tooPrecise {
            fail(path(), value.position, "\(literal) has more than 6 decimal places, which pricedb does not keep")
            return nil
        } catch .outOfRange {
            fail(path(), value.position, "\(literal) is too large for a price")
            return nil
        } catch {
            fail(path(), value.position, "\(literal) is not a number pricedb reads; write it as 2.50")
            return nil
        }
        let amount = Money(micros: micros)
        if micros < 0 {
            fail(path(), value.position, "\(literal) is negative; a price must be 0 or more")
            return nil
        }
        if gpuCount.millionths > 0, amount.perGPU(of: gpuCount) >= Money.largestHourlyPerGPU {
            fail(path(), value.position, "\(literal) an hour for \(gpuCount) GPU\(gpuCount == .one ? "" : "s") is 10,000 or more per GPU-hour; prices are hourly")
            return nil
        }
        return amount
    }

    // MARK: - Values

    /// `unknown tier "ondemand"; did you mean "on-demand"? use one of …`
    private static func unknown(_ what: String, _ text: String, among names: [String]) -> String {
        "unknown \(what) \"\(text)\"; \(EditDistance.suggestion(for: text, among: names))use one of \(list(names, or: true))"
    }

    private mutating func observationDay(_ value: JSONValue, at path: @autoclosure () -> String) -> Day? {
        guard let text = string(value, at: path()) else { return nil }
        guard let day = Day(dateOrTimestamp: text) else {
            let reason = Day.impossibility(of: String(text.prefix(10))).map { ": \($0)" }
                ?? (Day(dateOrTimestamp: text + "Z") != nil
                    ? "; a timestamp needs its zone: \(text)Z for UTC, or an offset such as +01:00"
                    : "; write YYYY-MM-DD or an RFC 3339 timestamp")
            fail(path(), value.position, "\"\(text)\" is not a date\(reason)")
            return nil
        }
        if let instant = Day.instant(ofTimestamp: text) {
            // A timestamp may carry tomorrow's date where it was written; what must not be ahead is its instant.
            let now = Int(self.now.timeIntervalSince1970)
            guard instant <= now else {
                let current = Date(timeIntervalSince1970: TimeInterval(now)).formatted(.iso8601)
                fail(path(), value.position, "\(text) is in the future (it is now \(current)); prices can only be recorded once seen")
                return nil
            }
        } else if day > today {
            fail(path(), value.position, "\(day) is in the future (today is \(today)); prices can only be recorded once seen")
            return nil
        }
        guard day >= Day.firstObservable else {
            fail(path(), value.position, "\(day) is before 2000; no GPU rental price is that old")
            return nil
        }
        return day
    }

    private mutating func currencyCode(_ value: JSONValue, at path: @autoclosure () -> String) -> String? {
        guard let code = string(value, at: path()) else { return nil }
        guard Currency.isKnown(code) else {
            let hint = Currency.isKnown(code.uppercased()) ? "; write it in capitals: \(code.uppercased())" : ""
            fail(path(), value.position, "unknown currency \"\(code)\"; use an ISO 4217 code such as USD or EUR\(hint)")
            return nil
        }
        return code
    }

    /// A string value that may be stored: no control characters, and at most `limit` characters.
    private mutating func string(
        _ value: JSONValue, at path: @autoclosure () -> String, limit: Int = UntrustedText.nameLimit
    ) -> String? {
        guard case .string(let text, _) = value else {
            fail(path(), value.position, "must be a string, not \(Self.show(value))")
            return nil
        }
        if let problem = UntrustedText.problem(text, limit: limit) {
            fail(path(), value.position, "\"\(UntrustedText.shown(text))\" \(problem)")
            return nil
        }
        return text
    }

    private mutating func array(_ value: JSONValue, at path: @autoclosure () -> String) -> [JSONValue]? {
        guard case .array(let elements, _) = value else {
            fail(path(), value.position, "must be an array, not \(value.typeName)")
            return nil
        }
        return elements
    }

    private mutating func required(
        _ fields: [String: JSONValue], _ key: String, in path: @autoclosure () -> String, at position: TextPosition
    ) -> JSONValue? {
        if let value = fields[key] { return value }
        fail(path(), position, "\"\(key)\" is required")
        return nil
    }

    /// The members of an object by key, refusing repeated and unknown keys (a misspelt optional field would
    /// otherwise be silently ignored).
    private mutating func object(_ value: JSONValue, at path: @autoclosure () -> String, allowed: [String]) -> [String: JSONValue]? {
        guard case .object(let members, _) = value else {
            fail(path(), value.position, "must be an object, not \(value.typeName)")
            return nil
        }
        var fields: [String: JSONValue] = [:]
        for member in members {
            guard allowed.contains(member.key) else {
                let close = EditDistance.closest(to: member.key, among: allowed)
                let hint = EditDistance.question(Array(close.prefix(1))).map { $0 + " " } ?? ""
                fail(Self.member(member.key, of: path()), member.value.position, "unknown field; \(hint)fields here: \(allowed.joined(separator: ", "))")
                continue
            }
            guard fields[member.key] == nil else {
                fail(Self.member(member.key, of: path()), member.value.position, "the field appears twice")
                continue
            }
            fields[member.key] = member.value
        }
        return fields
    }

    /// The path of an object's member (`observations[3].price`), with the key made safe to show.
    private static func member(_ key: String, of path: String) -> String {
        let shown = UntrustedText.shown(key)
        return path.isEmpty ? shown : path + "." + shown
    }

    private mutating func fail(_ path: @autoclosure () -> String, _ position: TextPosition?, _ message: String) {
        diagnostics.append(Diagnostic(file: file, path: path(), position: position, message: message))
    }

    // MARK: - Wording

    static func isSlug(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    private static func show(_ value: JSONValue) -> String {
        switch value {
        case .string(let text, _): return "a string (\"\(text)\")"
        case .number(let literal, _): return literal
        case .bool(let flag, _): return String(flag)
        default: return value.typeName
        }
    }

    private static func describe(_ gpu: GPU) -> String {
        [gpu.name, gpu.memoryGB.map { "\($0) GB" }, gpu.gpuClass.rawValue].compactMap { $0 }.joined(separator: ", ")
    }

    private static func describe(_ observation: Observation) -> String {
        [observation.providerID, observation.gpuLabel, observation.variant, observation.instance, observation.region,
            observation.tier.rawValue].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    static func list(_ items: [String], or: Bool = false) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
    }
}

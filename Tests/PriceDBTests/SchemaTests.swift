import Foundation
import Testing

@testable import PriceDB

/// Holds the JSON Schema in `Fixtures/snapshot.schema.json` and the decoder to the same examples: every good
/// fixture passes both, and each structural mistake among the bad ones fails both.
@Suite struct SchemaTests {
    static let schema = FixturePaths.schema("snapshot")

    /// The example of the contract, `snapshot-format.md`.
    static let contractExample = """
        {
          "format": "pricedb-snapshot/1",
          "observed_at": "2026-02-07",
          "source": {
            "name": "GPU-Mietpreisvergleich 2026",
            "url": "https://gpuflow.app/de/gpu-rental-pricing-comparison-2026/",
            "published": "2026-02-11"
          },
          "currency": "USD",
          "providers": [
            {
              "id": "aws",
              "name": "Amazon Web Services",
              "short_name": "AWS",
              "kind": "hyperscaler",
              "url": "https://aws.amazon.com/ec2/pricing/on-demand/",
              "features": { "uptime_sla": "99.99%", "consumer_gpus": false, "kyc": "required" }
            }
          ],
          "gpus": [
            { "id": "rtx-a6000", "name": "RTX A6000", "memory_gb": 48, "class": "consumer",
              "aliases": ["A6000", "RTXA6000"] }
          ],
          "observations": [
            { "provider": "aws", "gpu": "A100 (40GB)", "gpu_count": 8,
              "instance": "p4d.24xlarge", "region": "us-east-1", "tier": "on-demand",
              "price": 32.77 },
            { "provider": "vast", "gpu": "RTX 4090", "tier": "marketplace",
              "price": { "min": 0.29, "max": 0.78 } },
            { "provider": "gpuflow", "gpu": "RTX A6000", "status": "coming-soon" }
          ]
        }
        """

    static var goodFiles: [URL] {
        FixturePaths.files(in: "snapshots", withExtension: "json") + FixturePaths.files(in: "synthetic", withExtension: "json")
    }

    @Test(arguments: goodFiles)
    func goodFixturesMatchTheSchema(file: URL) throws {
        let value = try JSONParser.parse([UInt8](try Data(contentsOf: file)))
        #expect(SchemaValidator(root: Self.schema).errors(in: value) == [])
    }

    @Test func theContractsExampleMatchesTheSchemaAndIsIngested() throws {
        let value = try JSONParser.parse(Array(Self.contractExample.utf8))
        #expect(SchemaValidator(root: Self.schema).errors(in: value) == [])
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Day("2026-11-25")!)
        _ = try ingestor.ingest(fileAt: FixturePaths.seed.path)
        guard case .stored(let snapshot, _) = try ingestor.ingest(bytes: Array(Self.contractExample.utf8), fileName: "example.json")
        else {
            Issue.record("the contract's example was not stored")
            return
        }
        #expect(snapshot.observationCount == 3)
    }

    /// The bad fixtures whose mistake is one of structure, which the schema states too.
    @Test(arguments: [
        "approximate-not-boolean", "empty-observations", "gpu-count-too-large", "gpu-count-zero", "missing-observed-at",
        "negative-price", "not-an-object", "price-as-string", "range-missing-max", "unknown-field", "unknown-provider-kind",
        "unknown-tier", "wrong-format",
    ])
    func structuralMistakesFailTheSchemaToo(name: String) throws {
        let file = FixturePaths.fixtures.appendingPathComponent("invalid/\(name).json")
        let value = try JSONParser.parse([UInt8](try Data(contentsOf: file)))
        #expect(!SchemaValidator(root: Self.schema).errors(in: value).isEmpty)
    }
}

/// The part of JSON Schema (2020-12) that `snapshot.schema.json` uses: `$ref` within the file, `type`, `const`,
/// `enum`, `required`, `properties`, `additionalProperties`, `items`, `minItems`, `minimum`, `maximum`,
/// `exclusiveMinimum`, `pattern` and `oneOf`. Any other keyword fails, so the schema cannot drift past it.
struct SchemaValidator {
    let root: JSONValue
    static let known: Set<String> = [
        "$schema", "$id", "title", "description", "$defs", "$ref", "type", "const", "enum", "required", "properties",
        "additionalProperties", "items", "minItems", "minimum", "maximum", "exclusiveMinimum", "pattern", "oneOf",
    ]

    func errors(in value: JSONValue) -> [String] {
        check(value, against: root, at: "$")
    }

    private func members(_ value: JSONValue) -> [String: JSONValue] {
        guard case .object(let members, _) = value else { return [:] }
        return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/$defs/") else { return nil }
        return members(members(root)["$defs"] ?? .null(at: TextPosition(line: 0, column: 0)))[String(reference.dropFirst(8))]
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        let rules = members(schema)
        var errors = rules.keys.filter { !Self.known.contains($0) }.map { "\(path): unsupported keyword \($0)" }
        if case .string(let reference, _) = rules["$ref"] {
            guard let target = resolve(reference) else { return ["\(path): unresolved \(reference)"] }
            errors += check(value, against: target, at: path)
        }
        if let type = rules["type"] {
            let allowed: [String]
            switch type {
            case .string(let name, _): allowed = [name]
            case .array(let names, _): allowed = names.compactMap { if case .string(let n, _) = $0 { n } else { nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { matches(value, type: $0) }) { errors.append("\(path): not \(allowed)") }
        }
        if let constant = rules["const"], !same(value, constant) { errors.append("\(path): not the constant") }
        if case .array(let options, _) = rules["enum"], !options.contains(where: { same(value, $0) }) {
            errors.append("\(path): not one of the enum")
        }
        if case .object(let fields, _) = value {
            let present = Set(fields.map(\.key))
            if case .array(let required, _) = rules["required"] {
                for case .string(let name, _) in required where !present.contains(name) { errors.append("\(path): lacks \(name)") }
            }
            let properties = members(rules["properties"] ?? .object([], at: TextPosition(line: 0, column: 0)))
            for field in fields {
                if let property = properties[field.key] {
                    errors += check(field.value, against: property, at: "\(path).\(field.key)")
                } else if let additional = rules["additionalProperties"] {
                    if case .bool(false, _) = additional {
                        errors.append("\(path): unexpected \(field.key)")
                    } else {
                        errors += check(field.value, against: additional, at: "\(path).\(field.key)")
                    }
                }
            }
        }
        if case .array(let elements, _) = value {
            if let items = rules["items"] {
                for (index, element) in elements.enumerated() { errors += check(element, against: items, at: "\(path)[\(index)]") }
            }
            if case .number(let minimum, _) = rules["minItems"], elements.count < Int(minimum)! { errors.append("\(path): too few items") }
        }
        if case .number(let literal, _) = value, let number = Double(literal) {
            if case .number(let bound, _) = rules["minimum"], number < Double(bound)! { errors.append("\(path): below minimum") }
            if case .number(let bound, _) = rules["maximum"], number > Double(bound)! { errors.append("\(path): above maximum") }
            if case .number(let bound, _) = rules["exclusiveMinimum"], number <= Double(bound)! { errors.append("\(path): not above minimum") }
        }
        if case .string(let text, _) = value, case .string(let pattern, _) = rules["pattern"],
            text.range(of: pattern, options: .regularExpression) == nil
        {
            errors.append("\(path): does not match \(pattern)")
        }
        if case .array(let options, _) = rules["oneOf"] {
            let passing = options.filter { check(value, against: $0, at: path).isEmpty }.count
            if passing != 1 { errors.append("\(path): matches \(passing) of oneOf") }
        }
        return errors
    }

    private func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null): return true
        case ("number", .number): return true
        case ("integer", .number(let literal, _)): return !literal.contains(where: { ".eE".contains($0) })
        default: return false
        }
    }

    private func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x, _), .string(let y, _)): return x == y
        case (.bool(let x, _), .bool(let y, _)): return x == y
        case (.number(let x, _), .number(let y, _)): return Double(x) == Double(y)
        case (.null, .null): return true
        default: return false
        }
    }
}

/// Every command's JSON output matches `Fixtures/report.schema.json`, the documented shape.
@Suite struct ReportSchemaTests {
    static let schema = FixturePaths.schema("report")

    /// Every command's report, as observed and (`--currency EUR`) converted.
    static func reports() throws -> [(String, Report)] {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Day("2026-11-25")!)
        let rates = FixturePaths.fixtures.appendingPathComponent("rates/eurofxref-hist-sample.csv")
        for file in [FixturePaths.seed, rates] + FixturePaths.files(in: "synthetic", withExtension: "json") {
            _ = try ingestor.ingest(fileAt: file.path)
        }
        let converting = try reports(ReportBuilder(store: store, converter: try CurrencyConverter(to: "EUR", store: store)))
        // `history` lists prices as observed; every other command converts.
        #expect(converting.filter { $0.0 != "history" }.allSatisfy { $0.1.exchangeRates?.rates.isEmpty == false })
        return try reports(ReportBuilder(store: store)) + converting.map { ("\($0.0) in EUR", $0.1) }
    }

    static func reports(_ builder: ReportBuilder) throws -> [(String, Report)] {
        [
            ("report", try builder.build(ReportRequest(period: Period("2026-02")!))),
            ("report-2025Q4", try builder.build(ReportRequest(period: Period("2025Q4")!))),
            ("quarters", try builder.quarters(gpuName: "A100-80GB", providerIDs: nil, period: Period("2026Q1")!, spread: false, tiers: Tier.reportedByDefault, staleAfterQuarters: 2)),
            ("spread", try builder.quarters(gpuName: "A100-80GB", providerIDs: nil, period: Period("2026Q1")!, spread: true, tiers: Tier.reportedByDefault, staleAfterQuarters: 2)),
            ("history", try builder.history(gpuName: "H100", providerIDs: nil, tiers: Tier.allCases)),
            ("cost", try builder.cost(gpuName: "A100 (80GB)", hours: Hours("8")!, period: Period("2026-02")!, pricePoint: .mid, providerIDs: nil, tiers: Tier.reportedByDefault)),
            ("breakeven", try builder.breakEven(gpuName: "RTX 4090", purchase: PriceRange("1600-2000")!, hoursPerDay: Hours("8")!, period: Period("2026-02")!, providerIDs: nil, rate: nil, tiers: Tier.reportedByDefault)),
            ("index", try builder.index(IndexRequest(gpuNames: ["A100"], step: .month, asOf: Day("2026-03-31")!))),
            ("report index", try builder.build(ReportRequest(period: Period("2026Q1")!, sections: [.index]))),
        ]
    }

    @Test(arguments: ReportLocale.allCases)
    func everyCommandsJSONMatchesTheDocumentedSchema(locale: ReportLocale) throws {
        for (name, report) in try Self.reports() {
            let json = try JSONParser.parse(Array(report.rendered(as: .json, locale: locale).utf8))
            #expect(SchemaValidator(root: Self.schema).errors(in: json) == [], "\(name)")
        }
    }

    @Test func theSchemaRejectsAnInexactAmount() throws {
        let json = try JSONParser.parse(Array("""
            {"format": "pricedb-report/1", "as_of": "2026-02-28", "period": "2026-02", "locale": "en", "sections": [
              {"id": "cost", "title": "t", "notes": [], "tables": [{"id": "x", "title": null, "notes": [], "columns": [],
                "rows": [[{"type": "money", "text": "$1.00", "currency": "USD", "amount": 1.0}]]}]}]}
            """.utf8))
        #expect(!SchemaValidator(root: Self.schema).errors(in: json).isEmpty)
    }
}

/// `pricedb offers --format json` matches `Fixtures/offers.schema.json`.
@Suite struct OffersSchemaTests {
    static let schema = FixturePaths.schema("offers")

    @Test func theOffersJSONMatchesItsSchema() throws {
        let store = try PriceStore.inMemory()
        let ingestor = Ingestor(store: store, today: Day("2026-11-25")!)
        for file in [FixturePaths.seed] + FixturePaths.files(in: "synthetic", withExtension: "json") {
            _ = try ingestor.ingest(fileAt: file.path)
        }
        let day = Day("2026-03-31")!
        let found = try OfferSearch().find(in: store, asOf: day).offers
        #expect(found.count > 40)
        let text = OfferListing.json(found, asOf: day)
        #expect(text.contains("\"per_gpu_low\": \"0.7\""))
        let json = try JSONParser.parse(Array(text.utf8))
        #expect(SchemaValidator(root: Self.schema).errors(in: json) == [])
        _ = try ingestor.ingest(fileAt: FixturePaths.fixtures.appendingPathComponent("rates/eurofxref-hist-sample.csv").path)
        var inEuros = OfferSearch()
        inEuros.converter = try CurrencyConverter(to: "EUR", store: store)
        let converted = OfferListing.json(try inEuros.find(in: store, asOf: day).offers, asOf: day, exchangeRates: inEuros.converter?.exchangeRates)
        #expect(converted.contains("\"converted\": true") && converted.contains("\"per_eur\""))
        #expect(SchemaValidator(root: Self.schema).errors(in: try JSONParser.parse(Array(converted.utf8))) == [])
        let inexact = try JSONParser.parse(Array(text
            .replacingOccurrences(of: "\"per_gpu_low\": \"0.7\"", with: "\"per_gpu_low\": 0.7").utf8))
        #expect(!SchemaValidator(root: Self.schema).errors(in: inexact).isEmpty)
    }
}

/// `pricedb index --format json` matches `Fixtures/index.schema.json`.
@Suite struct IndexSchemaTests {
    static let schema = FixturePaths.schema("index")

    @Test func theIndexJSONMatchesItsSchema() throws {
        let store = try PriceIndexTests.seedAndSynthetic()
        let indexes = try ReportBuilder(store: store).indexes(IndexRequest(gpuNames: ["A100", "H100"], step: .month, asOf: Day("2026-03-31")!))
        let text = TextSink.collecting { IndexListing.writeJSON(indexes, method: .median, asOf: Day("2026-03-31")!, to: &$0) }
        #expect(text.contains("\"value\": \"1.39\""))
        let json = try JSONParser.parse(Array(text.utf8))
        #expect(SchemaValidator(root: Self.schema).errors(in: json) == [])
        let inexact = try JSONParser.parse(Array(text.replacingOccurrences(of: "\"value\": \"1.39\"", with: "\"value\": 1.39").utf8))
        #expect(!SchemaValidator(root: Self.schema).errors(in: inexact).isEmpty)
    }
}

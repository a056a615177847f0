import Foundation
import TestSupport
import Testing

/// `--currency`: the seed report in euros at the rate of the article's date, worked out here from the sample
/// rates file and the report in dollars, independently of pricedb's own conversion.
@Suite struct CurrencyCommandTests {
    static let rates = "Fixtures/rates/eurofxref-hist-sample.csv"
    static let seed = "Fixtures/snapshots/2026-02-07-gpu-rental-comparison.json"

    static func database(_ files: [String]) throws -> String {
        let db = CommandRunner.temporaryDatabase()
        let ingest = try CommandRunner.run(["ingest", "--quiet", "--db", db] + files)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return db
    }

    /// The sample file's USD rate on `date`, read straight from its text.
    static func usdPerEuro(on date: String) throws -> Decimal {
        let text = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent(rates), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let column = try #require(lines[0].split(separator: ",").firstIndex(of: "USD"))
        let line = try #require(lines.first { $0.hasPrefix(date + ",") })
        return try #require(Decimal(string: String(line.split(separator: ",", omittingEmptySubsequences: false)[column])))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every cell of a report's JSON, keyed by section, row and column.
    static func cells(_ report: [String: Any]) -> [String: [String: Any]] {
        var cells: [String: [String: Any]] = [:]
        for section in report["sections"] as? [[String: Any]] ?? [] {
            for table in section["tables"] as? [[String: Any]] ?? [] {
                for (row, values) in (table["rows"] as? [[[String: Any]]] ?? []).enumerated() {
                    for (column, value) in values.enumerated() where value["type"] as? String == "cell" {
                        cells["\(section["id"] ?? "")/\(table["id"] ?? "")/\(row)/\(column)"] = value
                    }
                }
            }
        }
        return cells
    }

    @Test func theSeedReportInEurosConvertsEveryCellAtTheRateOfTheFridayBefore() throws {
        let db = try Self.database([Self.seed, Self.rates])
        let dollars = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--format", "json"])
        let euros = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--currency", "EUR", "--format", "json"])
        #expect(euros.status == 0, "\(euros.stderr)")
        // The article is dated Saturday 2026-02-07; the ECB fixed no rate that day.
        let rate = try Self.usdPerEuro(on: "2026-02-06")
        let converted = try Self.json(euros.stdout)
        let exchange = try #require(converted["exchange_rates"] as? [String: Any])
        #expect(exchange["currency"] as? String == "EUR")
        let applied = try #require(exchange["rates"] as? [[String: String]])
        #expect(applied == [["currency": "USD", "date": "2026-02-06", "per_eur": "\(rate)"]])
        let before = Self.cells(try Self.json(dollars.stdout))
        let after = Self.cells(converted)
        #expect(before.count == after.count && before.count > 40)
        var priced = 0
        for (key, usd) in before {
            let eur = try #require(after[key])
            #expect(eur["status"] as? String == usd["status"] as? String, "\(key)")
            guard usd["status"] as? String == "price" else {
                #expect(eur["converted"] as? Bool == false, "\(key)")
                continue
            }
            priced += 1
            #expect(usd["currency"] as? String == "USD")
            #expect(eur["currency"] as? String == "EUR", "\(key)")
            #expect(eur["converted"] as? Bool == true, "\(key)")
            #expect((eur["text"] as? String)?.hasPrefix("€") == true || (eur["text"] as? String)?.hasPrefix("~€") == true, "\(key)")
            #expect((eur["text"] as? String)?.hasSuffix("‡") == true, "\(key)")
            for end in ["low", "high"] {
                // The dollar figure is per GPU, rounded to a micro-unit; pricedb converts the unit price before
                // dividing, so the two orders may differ by a rounding step of each: within 2 micro-units.
                let usdText = try #require(usd[end] as? String)
                let eurText = try #require(eur[end] as? String)
                let expected = try #require(Decimal(string: usdText)) / rate
                let actual = try #require(Decimal(string: eurText))
                let difference = NSDecimalNumber(decimal: actual - expected).doubleValue
                #expect(abs(difference) <= 0.000002, "\(key) \(end): \(actual) for \(expected)")
            }
        }
        #expect(priced > 30)
        let text = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--currency", "eur", "--section", "datacenter"])
        #expect(text.stdout.contains("‡Converted to EUR at the ECB reference rate"))
        #expect(text.stdout.contains("USD \(rate) (2026-02-06)"))
        // Without --currency, nothing changes: no mark, no rates, no new fields.
        #expect(!dollars.stdout.contains("exchange_rates") && !dollars.stdout.contains("\"converted\""))
    }

    @Test func aPriceWithoutARateOnOrBeforeItsDateNamesTheDateAndCurrency() throws {
        let rates = Scratch.unique("late-rates", ".csv").path
        try "Date,USD,\n2026-02-09,1.17,\n".write(toFile: rates, atomically: true, encoding: .utf8)
        let db = try Self.database([Self.seed, rates])
        let result = try CommandRunner.run(["report", "--db", db, "--as-of", "2026-02", "--currency", "EUR"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no exchange rate for USD on or before 2026-02-07"))
        let unknown = try CommandRunner.run(["offers", "--db", db, "--currency", "CHF"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("cannot show prices in CHF: rates are stored for EUR, USD; for another currency, ingest"))
        // A typo of a stored currency is named as one, without advice to ingest what is stored.
        let typo = try CommandRunner.run(["offers", "--db", db, "--currency", "USX"])
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("cannot show prices in USX: did you mean \"USD\"? rates are stored for EUR, USD\n"), "\(typo.stderr)")
        let bad = try CommandRunner.run(["cost", "--db", db, "--gpu", "H100", "--hours", "8", "--currency", "€"])
        #expect(bad.status == 64)
    }

    @Test func offersFilterAndSortInTheCurrencyAskedFor() throws {
        let db = try Self.database([Self.seed, Self.rates])
        let rate = try Self.usdPerEuro(on: "2026-02-06")
        // $1.39 (RunPod A100 80GB) is €1.19 at 1.1718; a €1.20 ceiling keeps it, a $1.20 one would not.
        let found = try CommandRunner.run([
            "offers", "--db", db, "--as-of", "2026-02", "--gpu", "A100 (80GB)", "--max-price", "1.20", "--currency", "EUR",
            "--format", "csv",
        ])
        #expect(found.status == 0, "\(found.stderr)")
        let lines = found.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines[0].hasSuffix(",note,converted"))
        let header = lines[0].split(separator: ",").map(String.init)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let perGPU = try #require(header.firstIndex(of: "per_gpu_low"))
        let currency = try #require(header.firstIndex(of: "currency"))
        #expect(rows.map { $0[header.firstIndex(of: "provider")!] } == ["vast", "gpuflow", "runpod"])
        let prices = rows.compactMap { Decimal(string: $0[perGPU]) }
        #expect(prices == prices.sorted() && prices.allSatisfy { $0 <= 1.2 })
        #expect(rows.allSatisfy { $0[currency] == "EUR" && $0.last == "true" })
        let runpod = try #require(rows.first { $0[0] == "runpod" })
        let expected = Decimal(string: "1.39")! / rate
        #expect(abs(NSDecimalNumber(decimal: Decimal(string: runpod[perGPU])! - expected).doubleValue) <= 0.000001)
        let json = try CommandRunner.run(["offers", "--db", db, "--as-of", "2026-02", "--gpu", "L4", "--currency", "EUR", "--format", "json"])
        #expect(json.stdout.contains("\"exchange_rates\""))
    }

    @Test func watchComparesWithTheThresholdInTheCurrencyAskedFor() throws {
        let folder = Scratch.unique("watch-eur").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "Date,USD,\n2026-03-02,1.25,\n2026-03-01,1.20,\n".write(toFile: folder + "/rates.csv", atomically: true, encoding: .utf8)
        for (day, price) in [("2026-03-01", "2.40"), ("2026-03-02", "2.20")] {
            try """
                {"format": "pricedb-snapshot/1", "observed_at": "\(day)",
                 "providers": [{"id": "market", "name": "Market", "kind": "p2p-marketplace"}],
                 "observations": [{"provider": "market", "gpu": "H100", "tier": "marketplace", "price": \(price)}]}
                """.write(toFile: folder + "/\(day).json", atomically: true, encoding: .utf8)
        }
        let db = try Self.database([folder + "/rates.csv", folder + "/2026-03-01.json", folder + "/2026-03-02.json"])
        // $2.40 at 1.20 is €2.00; $2.20 at 1.25 is €1.76: under €1.80, though not under $1.80.
        #expect(try CommandRunner.run(["watch", "--db", db, "--as-of", "2026-03-31", "--below", "1.80"]).status == 1)
        let fired = try CommandRunner.run(["watch", "--db", db, "--as-of", "2026-03-31", "--below", "1.80", "--currency", "EUR"])
        #expect(fired.status == 0, "\(fired.stderr)")
        #expect(fired.stdout == "any GPU, under €1.80: Market H100 (80GB) (marketplace): €2.00 → €1.76 (-12.0%) per GPU-hour, observed 2026-03-02\n")
        #expect(try CommandRunner.run(["watch", "--db", db, "--as-of", "2026-03-31", "--below", "1.80", "--currency", "EUR"]).status == 1)
    }
}

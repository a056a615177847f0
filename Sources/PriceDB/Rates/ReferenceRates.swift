/// The European Central Bank's reference-rate history (`eurofxref-hist.csv`), read: a `Date` column, then one
/// column per currency with how many units of it one euro bought that day. `N/A` or an empty field is a day
/// without a rate (a currency not yet or no longer quoted); every line may end in a comma; the newest day comes
/// first, though nothing here relies on the order.
public struct ReferenceRates: Sendable {
    /// One currency's rate on one day.
    public struct Rate: Hashable, Sendable {
        public var currency: String
        public var day: Day
        /// Units of `currency` per euro, in millionths.
        public var perEUR: Int64
    }

    public var rates: [Rate]
    /// Fields that held no rate (`N/A`, empty or 0), counted.
    public var missing: Int

    /// Whether the first line of a file is this format's header: a `Date` column and more. (What follows is
    /// checked when the file is read, so that a misspelt currency is named rather than the file taken for JSON.)
    static func looksLikeRates(_ head: [UInt8]) -> Bool {
        var line = head.prefix { $0 != 0x0A && $0 != 0x0D }[...]
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        return line.starts(with: "Date,".utf8)
    }

    /// Reads the file at `path` whole; `today` bounds its dates. A file with any bad field yields every problem
    /// found (up to a limit) and no rates.
    static func read(path: String, displayName: String, today: Day) throws(IngestError) -> ReferenceRates {
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path) { _ in }
        } catch {
            throw .unreadable(file: displayName, reason: "permission denied or not a regular file")
        }
        var parser = Parser(file: displayName, today: today)
        var record = CSVReader.Record()
        do {
            while try reader.next(into: &record) {
                parser.take(record, line: reader.recordLine)
                if parser.diagnostics.count > IngestError.diagnosticLimit { break }
            }
        } catch {
            parser.fail(at: TextPosition(line: error.line, column: 1), error.message)
        }
        return try parser.finish()
    }

    static func isCurrencyCode(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count == 3 && bytes.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// Checks one record at a time against the header and collects what it finds.
    private struct Parser {
        let file: String
        let today: Day
        var currencies: [String?] = []
        var rates: [Rate] = []
        var missing = 0
        var diagnostics: [Diagnostic] = []
        /// The line each (currency, day) was read on, to catch a day given twice with different rates.
        var seen: [Rate.Key: (perEUR: Int64, line: Int)] = [:]
        var headerRead = false

        init(file: String, today: Day) {
            self.file = file
            self.today = today
        }

        mutating func fail(at position: TextPosition, _ message: String) {
            diagnostics.append(Diagnostic(file: file, path: nil, position: position, message: message))
        }

        mutating func take(_ record: CSVReader.Record, line: Int) {
            guard headerRead else {
                readHeader(record, line: line)
                return
            }
            if record.count == 1 && record[0].isEmpty { return }
            let dateText = String(decoding: record.trimmed(0), as: UTF8.self)
            guard let day = Day(dateText) else {
                fail(at: TextPosition(line: line, column: 1), "'\(dateText)' is not a date; the first column holds days as YYYY-MM-DD")
                return
            }
            guard day <= today else {
                fail(at: TextPosition(line: line, column: 1), "\(day) is in the future (today is \(today)); a reference rate is published once fixed")
                return
            }
            for field in 1..<record.count {
                let position = TextPosition(line: line, column: record.columns[field])
                let text = record.trimmed(field)
                guard field < currencies.count, let currency = currencies[field] else {
                    if !text.isEmpty {
                        fail(at: position, "a value beyond the last currency of the header; every line needs as many fields as the header")
                    }
                    continue
                }
                if text.isEmpty || text.elementsEqual("N/A".utf8) {
                    missing += 1
                    continue
                }
                let perEUR: Int64
                do {
                    perEUR = try DecimalText.millionths(bytes: text)
                } catch {
                    let shown = String(decoding: text, as: UTF8.self)
                    let reason = error == .tooPrecise ? "has more than six decimal places" : error == .outOfRange ? "is too large" : "is not a number"
                    fail(at: position, "the \(currency) rate '\(shown)' \(reason); rates are decimal numbers such as 1.0823, or N/A")
                    continue
                }
                if perEUR == 0 {
                    missing += 1
                    continue
                }
                guard perEUR > 0 else {
                    fail(at: position, "the \(currency) rate is negative; a rate is how many units one euro buys")
                    continue
                }
                let rate = Rate(currency: currency, day: day, perEUR: perEUR)
                if let earlier = seen[rate.key] {
                    if earlier.perEUR != perEUR {
                        fail(at: position, "\(day) gives \(currency) a second rate, unlike line \(earlier.line); keep one line per day")
                    }
                    continue
                }
                seen[rate.key] = (perEUR, line)
                rates.append(rate)
            }
        }

        private mutating func readHeader(_ record: CSVReader.Record, line: Int) {
            headerRead = true
            var first = record.trimmed(0)
            if first.starts(with: [0xEF, 0xBB, 0xBF]) { first = first.dropFirst(3) }
            guard first.elementsEqual("Date".utf8) else {
                fail(at: TextPosition(line: line, column: 1), "the header must start with Date, as the ECB's eurofxref-hist.csv does")
                return
            }
            currencies = [nil]
            for field in 1..<record.count {
                let name = record.trimmed(field)
                if name.isEmpty, field == record.count - 1 {
                    currencies.append(nil)
                    continue
                }
                guard isCurrencyCode(name) else {
                    fail(
                        at: TextPosition(line: line, column: record.columns[field]),
                        "'\(String(decoding: name, as: UTF8.self))' is not a currency code; the header names three capital letters (USD, JPY)")
                    currencies.append(nil)
                    continue
                }
                let code = String(decoding: name, as: UTF8.self)
                if currencies.contains(code) {
                    fail(at: TextPosition(line: line, column: record.columns[field]), "\(code) is named twice in the header")
                    currencies.append(nil)
                    continue
                }
                currencies.append(code)
            }
        }

        func finish() throws(IngestError) -> ReferenceRates {
            guard diagnostics.isEmpty else { throw .invalid(file: file, diagnostics: diagnostics) }
            guard !rates.isEmpty else {
                throw .invalid(
                    file: file,
                    diagnostics: [Diagnostic(file: file, path: nil, position: nil, message: "the file holds no rate: every field is N/A, empty or 0")])
            }
            return ReferenceRates(rates: rates, missing: missing)
        }
    }
}

extension ReferenceRates.Rate {
    struct Key: Hashable {
        var currency: String
        var day: Day
    }

    var key: Key { Key(currency: currency, day: day) }
}

/// What ingesting a reference-rate file did.
public struct RateImport: Sendable, Equatable {
    /// Rates not stored before, and rates that replaced a different stored rate of the same day.
    public var added: Int
    public var changed: Int
    public var unchanged: Int
    public var missing: Int
    public var currencies: [String]
    public var first: Day
    public var last: Day
}

import Foundation
import TOMLKit

/// A rules file for `pricedb watch --rules`: TOML, one `[[rule]]` table per rule.
///
///     [[rule]]
///     name = "cheap H100"          # optional
///     gpu = ["H100"]               # or one name as text
///     below = "2.00"               # per GPU-hour, as text or a whole number, to stay exact
///     drop = "10%"                 # against the offer's previous price
///     providers = ["vast", "runpod"]
///     tier = ["spot", "on-demand"]
///     region = ["us-*"]
///
/// Every mistake is reported with its line, since cron runs the file unattended.
public enum WatchRules {
    static let keys = ["name", "gpu", "below", "drop", "providers", "tier", "region"]

    /// The rules of the file at `path` (a regular file, UTF-8), each once (a rule written twice would alert
    /// twice), with the names it uses checked against what the database knows.
    public static func load(path: String, checkingNamesWith selection: Selection) throws(WatchError) -> [WatchRule] {
        let bytes: [UInt8]
        do {
            bytes = try Ingestor.read(path, named: path)
        } catch {
            if case .unreadable(_, let reason) = error {
                throw .unreadable(path: path, reason: reason.hasPrefix("it is a directory") ? "it is a directory" : reason)
            }
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .rulesFile(path: path, line: 1, reason: "not UTF-8 text")
        }
        let rules = try parse(text, path: path)
        let lines = RuleLines(text)
        var distinct: [WatchRule] = []
        for (index, rule) in rules.enumerated() {
            func fail(_ key: String, _ error: QueryError) -> WatchError {
                .rulesFile(path: path, line: lines.line(ofRule: index, key: key), reason: error.localizedDescription)
            }
            if let names = rule.gpuNames {
                do { _ = try selection.gpus(named: names) } catch { throw fail("gpu", error) }
            }
            if let ids = rule.providerIDs {
                do { _ = try selection.providers(ids: ids) } catch { throw fail("providers", error) }
            }
            if !distinct.contains(where: { $0.canonical == rule.canonical }) { distinct.append(rule) }
        }
        return distinct
    }

    public static func parse(_ text: String, path: String) throws(WatchError) -> [WatchRule] {
        let document: TOMLTable
        switch TOMLText.document(text) {
        case .success(let table): document = table
        case .failure(let problem): throw .rulesFile(path: path, line: problem.line, reason: problem.reason)
        }
        let lines = RuleLines(text)
        for key in document.keys where key != "rule" {
            throw .rulesFile(path: path, line: lines.topLevel(key), reason: "unknown key '\(UntrustedText.shown(key))'; write rules as [[rule]] tables")
        }
        guard let tables = document["rule"]?.array else {
            throw .rulesFile(path: path, line: lines.topLevel("rule"), reason: "no [[rule]] tables; see `pricedb watch --help`")
        }
        var rules: [WatchRule] = []
        for (index, value) in tables.enumerated() {
            guard let table = value.table else {
                throw .rulesFile(path: path, line: lines.topLevel("rule"), reason: "rule is not a table; write [[rule]]")
            }
            rules.append(try rule(table, index: index, path: path, lines: lines))
        }
        return rules
    }

    private static func rule(_ table: TOMLTable, index: Int, path: String, lines: RuleLines) throws(WatchError) -> WatchRule {
        func fail(_ key: String?, _ reason: String) -> WatchError {
            .rulesFile(path: path, line: lines.line(ofRule: index, key: key), reason: reason)
        }
        for key in table.keys where !keys.contains(key) {
            throw fail(key, "unknown key '\(UntrustedText.shown(key))'; a rule takes \(keys.joined(separator: ", "))")
        }
        var rule = WatchRule()
        if let name = table["name"] {
            guard let text = name.string, !text.isEmpty else { throw fail("name", "name takes text") }
            if let problem = UntrustedText.problem(text) { throw fail("name", "the name " + problem) }
            rule.name = text
        }
        rule.gpuNames = try list(table, "gpu", fail)
        rule.providerIDs = try list(table, "providers", fail)
        rule.regionPatterns = try list(table, "region", fail)
        if let names = try list(table, "tier", fail) {
            var tiers: [Tier] = []
            for name in names {
                guard let tier = Tier(named: name) else { throw fail("tier", Tier.rejection(of: name)) }
                tiers.append(tier)
            }
            rule.tiers = tiers
        }
        if let below = table["below"] {
            // A TOML float is read by its shortest decimal form, which is the text written for any amount of
            // 15 significant digits or fewer (2.50 is 2.5 exactly); text and integers are read as written.
            let text = below.string ?? below.int.map(String.init) ?? below.double.map { "\($0)" }
            guard let text else { throw fail("below", "below takes an amount above 0 such as 2.50") }
            switch Money.threshold(text) {
            case .success(let amount): rule.below = amount
            case .failure(let error): throw fail("below", "below: \(error.reason)")
            }
        }
        if let drop = table["drop"] {
            let text = drop.string ?? drop.int.map(String.init) ?? drop.double.map { "\($0)" }
            guard let text else { throw fail("drop", "drop takes a percentage above 0 and at most 100, such as \"10%\"") }
            switch percent(text) {
            case .success(let percent): rule.dropPercent = percent
            case .failure(let problem): throw fail("drop", "drop: " + problem.reason)
            }
        }
        guard rule.below != nil || rule.dropPercent != nil else {
            throw fail(nil, "the rule needs below (a price) or drop (a percentage), or both")
        }
        return rule
    }

    /// Why a percentage cannot be read.
    public struct PercentProblem: Error, Equatable {
        public var reason: String
    }

    /// `10%` or `10` as a percentage above 0 and at most 100. A number under 1 without its `%` is refused:
    /// `0.1` reads as a tenth to some and as 0.1 % to others.
    public static func percent(_ text: String) -> Result<Money, PercentProblem> {
        let written = text.trimmingCharacters(in: .whitespaces)
        let number = written.hasSuffix("%") ? String(written.dropLast()) : written
        guard let percent = Money(number.trimmingCharacters(in: .whitespaces)), percent.micros > 0,
            percent.micros <= 100_000_000
        else {
            return .failure(PercentProblem(reason: "takes a percentage above 0 and at most 100 such as 10%, not '\(UntrustedText.shown(text))'"))
        }
        if !written.hasSuffix("%") && percent.micros < 1_000_000 {
            return .failure(PercentProblem(
                reason: "'\(UntrustedText.shown(text))' is ambiguous; a fall is in per cent: write 10% for a tenth, or \(number)% if you mean \(number) per cent"))
        }
        return .success(percent)
    }

    /// A key's value as a list of non-empty names: one text, or an array of texts.
    private static func list(
        _ table: TOMLTable, _ key: String, _ fail: (String?, String) -> WatchError
    ) throws(WatchError) -> [String]? {
        guard let value = table[key] else { return nil }
        let items: [String]?
        if let text = value.string {
            items = [text]
        } else if let array = value.array {
            let texts = array.compactMap(\.string)
            items = texts.count == array.count ? texts : nil
        } else {
            items = nil
        }
        guard let items, !items.isEmpty, items.allSatisfy({ !$0.isEmpty }) else {
            throw fail(key, "\(key) takes text or a list of texts, such as [\"a\", \"b\"]")
        }
        if let bad = items.first(where: { UntrustedText.problem($0) != nil }) {
            throw fail(key, "the \(key) '\(UntrustedText.shown(bad))' " + (UntrustedText.problem(bad) ?? ""))
        }
        return items
    }
}

/// Where things are in a rules file's text, for messages: TOMLKit reports lines only for syntax errors.
struct RuleLines {
    /// Per line: its number, and the `[[rule]]` table it belongs to (-1 before the first).
    private var entries: [(number: Int, rule: Int, text: String)] = []

    init(_ text: String) {
        var rule = -1
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[[") && trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces).hasPrefix("rule") {
                rule += 1
            }
            entries.append((offset + 1, rule, trimmed))
        }
    }

    /// The line of `key` in the rule, else of the rule's header.
    func line(ofRule index: Int, key: String?) -> Int {
        let ofRule = entries.filter { $0.rule == index }
        if let key, let entry = ofRule.first(where: { Self.assigns($0.text, key) }) { return entry.number }
        return ofRule.first?.number ?? 1
    }

    /// The line of a top-level key or table.
    func topLevel(_ key: String) -> Int {
        entries.first { Self.assigns($0.text, key) || $0.text.hasPrefix("[" + key) || $0.text.hasPrefix("[[" + key) }?.number ?? 1
    }

    private static func assigns(_ line: String, _ key: String) -> Bool {
        guard line.hasPrefix(key) else { return false }
        return line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
    }
}

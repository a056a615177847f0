import ArgumentParser
import PriceDB

/// `--currency CODE`: every price shown in one currency, each converted at the rate of its own date.
struct CurrencyOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Show prices in this currency (EUR, USD, GBP, …), each converted at the ECB reference rate of the day it was seen (ingest eurofxref-hist.csv first).",
            valueName: "code"))
    var currency: String?

    /// The code as ISO 4217 writes it (`eur` is EUR).
    var code: String? { currency?.uppercased() }

    func validate() throws {
        guard let code else { return }
        guard code.count == 3, code.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else {
            throw ValidationError("--currency takes a three-letter currency code such as EUR, not '\(UntrustedText.shown(currency ?? ""))'")
        }
    }

    /// The converter for the code given, or `nil` to show prices as observed; fails with a message naming the
    /// currencies that have rates when the code has none.
    func converter(for store: PriceStore) throws -> CurrencyConverter? {
        guard let code else { return nil }
        return try reportingFailures { try CurrencyConverter(to: code, store: store) }
    }
}

/// A price as a person or a spreadsheet writes it rather than as a file format wants it: `$2.10`, `1,39`
/// (a decimal comma, as German prices are written), `1,234.50`. Read only to say, when a price is refused,
/// what to write instead.
struct WrittenAmount {
    /// The plain decimal the text stands for, or `nil` when its commas could mean either (`1,390`).
    var plain: String?
    /// What was changed to get `plain`, for the message.
    var changes: [String]
    /// The currency written with it, as a code (`$` is USD), if any.
    var currency: String?

    /// Reads `text`, or `nil` when it is not a number written in one of these ways (`1.5/h`, `abc`).
    init?(_ text: String) {
        var amount = text.filter { $0 != " " }
        changes = []
        let marks = amount.filter { "$€£".contains($0) || ($0.isASCII && $0.isUppercase) }
        switch marks {
        case "": currency = nil
        case "$": currency = "USD"
        case "€": currency = "EUR"
        case "£": currency = "GBP"
        default:
            guard marks.count == 3 else { return nil }
            currency = marks
        }
        if currency != nil {
            amount.removeAll { marks.contains($0) }
            changes.append("without the currency")
        }
        let groups = amount.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count == 2 && !amount.contains(".") && groups[1].count != 3 {
            amount = groups.joined(separator: ".")
            changes.append("with a decimal point")
        } else if groups.count > 1 && (groups.count > 2 || amount.contains("."))
            && groups.dropFirst().allSatisfy({ $0.prefix { $0 != "." }.count == 3 })
        {
            amount = groups.joined()
            changes.append("without thousands separators")
        } else if groups.count > 1 {
            plain = nil
            return
        }
        guard (try? DecimalText.millionths(Substring(amount), rounding: true)) != nil else { return nil }
        plain = amount
    }

    /// The clause to add to a refusal of a price in `expected` currency: what to write instead (`unquoted`
    /// for a JSON string that should be a number), or `otherCurrency` when another currency was written.
    func hint(expecting expected: String, otherCurrency: String, unquoted: Bool = false) -> String {
        if let currency, currency != expected { return "; " + otherCurrency }
        guard let plain else { return "; write it with a decimal point and no thousands separators" }
        let write = "; write \(plain)" + (unquoted ? " without quotes" : "")
        return changes.isEmpty ? write : write + " (\(changes.joined(separator: ", ")))"
    }
}

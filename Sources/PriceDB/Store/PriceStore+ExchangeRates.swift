import GRDB

extension PriceStore {
    /// Stores reference rates in one transaction. A rate already stored for the same currency and day is
    /// left alone when equal and replaced when not (the ECB corrects a rate now and then), so a file ingested
    /// twice changes nothing and a newer file extends the history.
    public func record(_ file: ReferenceRates) throws(StoreError) -> RateImport {
        try write { db in
            let find = try db.cachedStatement(sql: "SELECT per_eur_millionths FROM exchange_rate WHERE currency = ? AND day = ?")
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO exchange_rate (currency, day, per_eur_millionths) VALUES (?, ?, ?)
                    ON CONFLICT (currency, day) DO UPDATE SET per_eur_millionths = excluded.per_eur_millionths
                    """)
            var result = RateImport(
                added: 0, changed: 0, unchanged: 0, missing: file.missing,
                currencies: Array(Set(file.rates.map(\.currency))).sorted(),
                first: file.rates.map(\.day).min() ?? .earliest, last: file.rates.map(\.day).max() ?? .earliest)
            for rate in file.rates {
                let arguments: StatementArguments = [rate.currency, rate.day.description]
                switch try Int64.fetchOne(find, arguments: arguments) {
                case rate.perEUR?:
                    result.unchanged += 1
                    continue
                case nil: result.added += 1
                case _?: result.changed += 1
                }
                try upsert.execute(arguments: arguments + [rate.perEUR])
            }
            return result
        }
    }

    /// The latest rate of `currency` on or before `day`: how many units of it one euro bought, in millionths,
    /// and the day of that rate; `nil` when none is stored that early.
    public func rate(of currency: String, onOrBefore day: Day) throws(StoreError) -> (day: Day, perEUR: Int64)? {
        try read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT day, per_eur_millionths FROM exchange_rate
                    WHERE currency = ? AND day <= ? ORDER BY day DESC LIMIT 1
                    """)
            guard let row = try Row.fetchOne(statement, arguments: [currency, day.description]) else { return nil }
            guard let found = Day(row["day"] as String) else { throw StoreError.damaged("exchange_rate holds a day that is not a date") }
            return (found, row["per_eur_millionths"])
        }
    }

    /// The currencies with stored rates, with the first and last day of each.
    public func rateCurrencies() throws(StoreError) -> [(currency: String, first: Day, last: Day)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT currency, min(day) AS first, max(day) AS last FROM exchange_rate GROUP BY currency ORDER BY currency")
                .compactMap { row in
                    guard let first = Day(row["first"] as String), let last = Day(row["last"] as String) else { return nil }
                    return (row["currency"], first, last)
                }
        }
    }
}

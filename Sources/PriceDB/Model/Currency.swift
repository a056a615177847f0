/// ISO 4217 currency codes in use, so that a typo such as `USS` is caught at ingest instead of becoming a
/// currency of its own.
enum Currency {
    static func isKnown(_ code: String) -> Bool { codes.contains(code) }

    /// The currency that occurs most often, or `nil` for none: the currency that figures are compared in, since
    /// pricedb does not convert. Among equals, USD (the snapshot format's default) comes first, then the
    /// alphabetically first.
    static func mostCommon(_ currencies: some Sequence<String>, weights: some Sequence<Int> = repeatElement(1, count: .max)) -> String? {
        var counts: [String: Int] = [:]
        for (currency, weight) in zip(currencies, weights) { counts[currency, default: 0] += weight }
        func rank(_ entry: (key: String, value: Int)) -> (Int, Bool, String) { (entry.value, entry.key == "USD", entry.key) }
        return counts.max { a, b in
            let (x, y) = (rank(a), rank(b))
            return (x.0, x.1) != (y.0, y.1) ? (x.0, x.1 ? 1 : 0) < (y.0, y.1 ? 1 : 0) : x.2 > y.2
        }?.key
    }

    private static let codes: Set<String> = Set(
        """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF
        CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD
        HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD
        MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN
        PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY
        TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}

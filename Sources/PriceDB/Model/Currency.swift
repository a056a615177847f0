/// ISO 4217 currency codes in use, so that a typo such as `USS` is caught at ingest instead of becoming a
/// currency of its own.
enum Currency {
    static func isKnown(_ code: String) -> Bool { codes.contains(code) }

    /// The currency that occurs most often (the alphabetically first among equals), or `nil` for none: the
    /// currency that figures are compared in, since pricedb does not convert.
    static func mostCommon(_ currencies: some Sequence<String>, weights: some Sequence<Int> = repeatElement(1, count: .max)) -> String? {
        var counts: [String: Int] = [:]
        for (currency, weight) in zip(currencies, weights) { counts[currency, default: 0] += weight }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
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

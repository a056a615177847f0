/// Exact conversion between decimal text and integers scaled by 10^6, the one place where pricedb reads or
/// writes a fractional number. Nothing passes through `Double`, so `0.29` is stored as 290000, not 289999.
enum DecimalText {
    enum Failure: Error, Equatable {
        case notANumber
        case tooPrecise
        case outOfRange
    }

    static let scale: Int64 = 1_000_000
    private static let fractionDigits = 6

    /// Parses JSON-style number text (`-12.5`, `3e-2`) into millionths, refusing digits beyond the sixth
    /// decimal place unless `rounding` allows rounding them half-even.
    static func millionths(_ text: Substring, rounding: Bool = false) throws(Failure) -> Int64 {
        try millionths(bytes: text.utf8, rounding: rounding)
    }

    /// The same, straight from the bytes of a file (a CSV field), with nothing decoded.
    static func millionths<Bytes: Collection>(bytes text: Bytes, rounding: Bool = false) throws(Failure) -> Int64
    where Bytes.Element == UInt8 {
        var digits: [UInt8] = []
        var negative = false
        var fractionCount = 0
        var exponent = 0
        var seenDigit = false
        var seenPoint = false
        var bytes = text[...]
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        while let byte = bytes.first {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                if seenPoint { fractionCount += 1 }
                seenDigit = true
            } else if byte == UInt8(ascii: "."), !seenPoint, seenDigit {
                seenPoint = true
                guard let next = bytes.dropFirst().first, next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") else {
                    throw .notANumber
                }
            } else if byte | 0x20 == UInt8(ascii: "e"), seenDigit {
                exponent = try Self.exponent(bytes.dropFirst())
                bytes = bytes[bytes.endIndex...]
                break
            } else {
                throw .notANumber
            }
            bytes = bytes.dropFirst()
        }
        guard seenDigit else { throw .notANumber }
        // value = digits × 10^(exponent − fractionCount); shift so the integer counts millionths.
        let shift = exponent - fractionCount + fractionDigits
        while digits.count > 1, digits.first == 0 { digits.removeFirst() }
        var kept = digits
        var dropped: [UInt8] = []
        if shift >= 0 {
            kept.append(contentsOf: repeatElement(0, count: shift))
        } else {
            let cut = max(0, kept.count + shift)
            dropped = Array(kept[cut...])
            if -shift > kept.count { dropped = Array(repeating: 0, count: -shift - kept.count) + dropped }
            kept = Array(kept[..<cut])
        }
        let droppedNonZero = dropped.contains { $0 != 0 }
        if droppedNonZero && !rounding { throw .tooPrecise }
        guard kept.count <= 17 else { throw .outOfRange }
        var value = kept.reduce(Int64(0)) { $0 * 10 + Int64($1) }
        if droppedNonZero, let first = dropped.first {
            let restNonZero = dropped.dropFirst().contains { $0 != 0 }
            if first > 5 || (first == 5 && (restNonZero || value % 2 == 1)) { value += 1 }
        }
        return negative ? -value : value
    }

    /// An exponent's digits with an optional sign; any magnitude above 1,000 reads as 1,000.
    private static func exponent<Bytes: Collection>(_ bytes: Bytes) throws(Failure) -> Int where Bytes.Element == UInt8 {
        var rest = bytes[...]
        var negative = false
        if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { throw .notANumber }
        var value = 0
        for byte in rest {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw .notANumber }
            // Beyond 1,000 the outcome no longer changes (too large, too precise, or zero): the count stops there.
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1_000)
        }
        return negative ? -value : value
    }

    /// Writes millionths as the shortest exact decimal text: 290000 → `0.29`, 32770000 → `32.77`, 8000000 → `8`.
    static func text(millionths value: Int64) -> String {
        let magnitude = value.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        fraction = String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        let sign = value < 0 ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Divides two scaled integers, rounding half to even, as `a / b` in the same scale; `nil` when the
    /// quotient does not fit (or `b` is 0).
    static func divide(_ numerator: Int64, by denominator: Int64) -> Int64? {
        scaled(numerator, times: scale, over: denominator)
    }

    /// `value × factor ÷ divisor`, rounded half to even: the one rounding rule pricedb uses. The product is
    /// formed in 128 bits, so only a result beyond `Int64` fails (`nil`), never the arithmetic on the way.
    static func scaled(_ value: Int64, times factor: Int64 = 1, over divisor: Int64) -> Int64? {
        guard divisor != 0 else { return nil }
        return Int64(exactly: rounded(Int128(value) * Int128(factor), over: Int128(divisor)))
    }

    /// `numerator ÷ denominator` (not 0) in 128 bits, rounded half to even.
    static func rounded(_ numerator: Int128, over denominator: Int128) -> Int128 {
        let (truncated, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let twice = 2 * remainder.magnitude
        guard twice > denominator.magnitude || (twice == denominator.magnitude && truncated % 2 != 0) else {
            return truncated
        }
        return truncated + ((numerator < 0) != (denominator < 0) ? -1 : 1)
    }

    /// `numerator / denominator` rounded half to even, for the fixed positive denominators of rounding (cents,
    /// whole units), where the quotient cannot exceed the numerator.
    static func roundedQuotient(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        scaled(numerator, over: max(1, denominator)) ?? (numerator < 0 ? .min : .max)
    }

    /// `value` clamped into `Int64`, for sums and products of amounts that were bounded when they were read.
    static func clamped(_ value: Int128) -> Int64 {
        Int64(exactly: value) ?? (value < 0 ? .min : .max)
    }
}

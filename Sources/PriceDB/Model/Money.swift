/// An exact amount of money in micro-units of its currency (1 USD = 1,000,000).
///
/// Prices are compared, summed and divided as integers; the only rounding is to cents, half to even, when a
/// renderer shows an amount (see docs/guide.md, "As of a date").
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var micros: Int64

    public init(micros: Int64) {
        self.micros = micros
    }

    /// Reads decimal text exactly: `"0.29"` is 290,000 micro-units. Returns `nil` for anything that is not a
    /// plain decimal number or has more than six decimal places.
    public init?(_ text: String) {
        guard let micros = try? DecimalText.millionths(text[...]) else { return nil }
        self.micros = micros
    }

    /// Reads a threshold (`--below`, a rules file's `below`): an amount above 0 and below
    /// `largestHourlyPerGPU`, or why the text is not one, in words that say what to write instead.
    public static func threshold(_ text: String) -> Result<Money, ThresholdError> {
        do {
            let micros = try DecimalText.millionths(text.trimmingCharacters(in: .whitespaces)[...])
            guard micros > 0 else { return .failure(ThresholdError("'\(text)' is not above 0")) }
            guard micros < largestHourlyPerGPU.micros else {
                return .failure(ThresholdError("'\(text)' is 10,000 or more, beyond any hourly price pricedb stores"))
            }
            return .success(Money(micros: micros))
        } catch .tooPrecise {
            return .failure(ThresholdError("'\(text)' has more than 6 decimal places, which pricedb does not keep"))
        } catch .outOfRange {
            return .failure(ThresholdError("'\(text)' is 10,000 or more, beyond any hourly price pricedb stores"))
        } catch {
            return .failure(ThresholdError("'\(text)' is not an amount; write one such as 2.50"))
        }
    }

    /// Why a threshold was refused.
    public struct ThresholdError: Error, Sendable {
        public let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.micros < rhs.micros }

    /// The exact amount as decimal text with no trailing zeros, such as `4.09625`.
    public var description: String { DecimalText.text(millionths: micros) }

    /// The amount rounded half to even to whole cents, as a count of cents.
    public var cents: Int64 {
        DecimalText.roundedQuotient(micros, 10_000)
    }

    /// The price of one GPU of a unit that holds `count` GPUs, rounded half to even to a micro-unit.
    ///
    /// It saturates at the largest amount instead of failing: ingest refuses any per-GPU price of 10,000 or
    /// more, which a saturated figure always is, so stored prices never come near it.
    public func perGPU(of count: GPUCount) -> Money {
        Money(micros: DecimalText.divide(micros, by: count.millionths) ?? .max)
    }

    /// This hourly price for `hours` hours (which may be fractional); `nil` when the total is beyond the
    /// largest amount pricedb can hold (about 9.2 trillion).
    public func times(hours: Hours) -> Money? {
        DecimalText.scaled(micros, times: hours.millionths, over: DecimalText.scale).map(Money.init(micros:))
    }

    /// The bound of a per-GPU hourly price: 10,000 or more is refused at ingest (JSON) or read as a catalog's
    /// "not offered" placeholder (CSV), since no GPU rents for that.
    public static let largestHourlyPerGPU = Money(micros: 10_000 * DecimalText.scale)

    /// The largest amount pricedb can hold, for messages.
    public static let largest = Money(micros: .max)

    /// Sums and differences saturate: they only combine amounts that were bounded when read.
    public static func + (lhs: Money, rhs: Money) -> Money {
        Money(micros: DecimalText.clamped(Int128(lhs.micros) + Int128(rhs.micros)))
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(micros: DecimalText.clamped(Int128(lhs.micros) - Int128(rhs.micros)))
    }
}

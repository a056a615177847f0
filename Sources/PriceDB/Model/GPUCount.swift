/// How many GPUs a priced unit holds, exactly: whole numbers for most instances, fractions such as 0.25 for
/// clouds that sell a share of one GPU. Stored in millionths.
public struct GPUCount: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let millionths: Int64

    public init(millionths: Int64) {
        self.millionths = millionths
    }

    public static let one = GPUCount(millionths: DecimalText.scale)
    /// The largest unit the snapshot contract admits.
    public static let maximum = GPUCount(millionths: 64 * DecimalText.scale)

    public static func < (lhs: GPUCount, rhs: GPUCount) -> Bool { lhs.millionths < rhs.millionths }

    public var description: String { DecimalText.text(millionths: millionths) }
}

/// A number of hours, possibly fractional (`--hours 2.5`), kept exact in millionths.
public struct Hours: Hashable, Sendable, CustomStringConvertible {
    public let millionths: Int64

    public init?(_ text: String) {
        guard let value = try? DecimalText.millionths(text[...]), value > 0 else { return nil }
        millionths = value
    }

    public var description: String { DecimalText.text(millionths: millionths) }
}

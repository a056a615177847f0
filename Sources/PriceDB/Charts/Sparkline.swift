/// A price trend in one line of text (`▁▂▃▅▇`), for the end of a terminal table: each value a block as high as
/// its place between the lowest and highest value, a space where there is none.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func of(_ values: [Money?]) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return String(repeating: " ", count: values.count) }
        let span = Int128(high.micros) - Int128(low.micros)
        return String(values.map { value -> Character in
            guard let value else { return " " }
            // A flat trend sits in the middle rather than looking like the bottom of a fall.
            guard span > 0 else { return blocks[3] }
            let level = (Int128(value.micros) - Int128(low.micros)) * Int128(blocks.count - 1) * 2 / span
            return blocks[Int((level + 1) / 2)]
        })
    }

    /// A series' lowest price on `count` days spaced evenly from the history's first day to its last.
    static func samples(of series: PriceHistory.Series, in history: PriceHistory, count: Int) -> [Money?] {
        let days = max(1, history.end.ordinal - history.start.ordinal)
        let samples = max(1, min(count, days))
        return (0..<samples).map { index in
            let day = history.start.adding(days: samples == 1 ? 0 : index * (days - 1) / (samples - 1))
            return series.steps.first { $0.from <= day && day < $0.to }?.price.low
        }
    }
}

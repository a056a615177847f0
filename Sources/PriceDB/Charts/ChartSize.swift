/// The size a chart is drawn at, in SVG units: its width, and the height of its plot (the title, axis labels
/// and legend add to it). The page scales a chart with its box; `pricedb chart --width --height` chooses how
/// much room the chart lays itself out in, which decides how many labels fit.
public struct ChartSize: Hashable, Sendable {
    public var width: Double
    public var plotHeight: Double

    public static let standard = ChartSize(width: 640, plotHeight: 240)
    /// The sizes `pricedb chart` accepts: narrower and a title no longer fits a line of its own; wider than a
    /// screen and nothing is gained.
    public static let widths = 320.0...4000.0
    public static let plotHeights = 120.0...2000.0

    public init(width: Double, plotHeight: Double) {
        self.width = width
        self.plotHeight = plotHeight
    }

    /// `text` in lines that fit the chart's width at `characterWidth` a character.
    func lines(_ text: String, characterWidth: Double) -> [String] {
        TextTable.wrap(text, to: max(10, Int((width - 20) / characterWidth)))
    }
}

extension Markup {
    /// Lines of text one under the other from `y`, `lineHeight` apart; returns the y after the last.
    mutating func lines(_ lines: [String], x: Double, y: Double, lineHeight: Double, class name: String) -> Double {
        var y = y
        for line in lines {
            element("text", [("class", name), ("x", Markup.number(x)), ("y", Markup.number(y))], text: line)
            y += lineHeight
        }
        return y
    }
}

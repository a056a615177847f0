/// The charts' look, shared by every chart of a page and by a chart written alone: twelve colours, the
/// Okabe–Ito set first and Paul Tol's darker ones after it, chosen to stay apart for the common kinds of colour
/// blindness; the second six are also dashed, so that no two lines depend on colour alone. Lighter variants
/// on a dark background.
enum ChartStyle {
    static let colours = 12

    /// The class of the `index`th series: its colour, and from the seventh a dash pattern too.
    static func seriesClass(_ index: Int) -> String {
        let colour = index % colours
        return "s\(colour)" + (colour >= 6 ? " d1" : "") + (index >= colours ? " d2" : "")
    }

    static let css = """
        .chart{font:13px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a}
        .chart text{fill:currentColor}
        .chart text.title{font-weight:600;font-size:14px}
        .chart text.subtitle{fill:#595959}
        .chart .grid{stroke:#d8d8d8;stroke-width:1}
        .chart .axis{stroke:#6e6e6e;stroke-width:1}
        .chart .asof{stroke:#6e6e6e;stroke-width:1.5;stroke-dasharray:4 3}
        .chart .step,.chart .riser{fill:none;stroke-width:2.25;stroke-linecap:round}
        .chart .band{stroke:none;fill-opacity:.16}
        .chart .bar{stroke:none}
        .chart .dot{stroke:none}
        .chart .d1{stroke-dasharray:7 4}
        .chart .d2{stroke-dasharray:2 3}
        .chart line.leader{stroke-width:1;stroke-dasharray:none}
        .chart .strip .count{fill:#8a8a8a;stroke:none}
        .s0{--c:#0072B2}.s1{--c:#D55E00}.s2{--c:#009E73}.s3{--c:#CC79A7}.s4{--c:#9A6A00}.s5{--c:#3D8FC2}.s6{--c:#4D4D4D}.s7{--c:#882255}.s8{--c:#332288}.s9{--c:#117733}.s10{--c:#AA4499}.s11{--c:#7A7A1F}
        .chart .s0,.chart .s1,.chart .s2,.chart .s3,.chart .s4,.chart .s5,.chart .s6,.chart .s7,.chart .s8,.chart .s9,.chart .s10,.chart .s11{stroke:var(--c);fill:var(--c)}
        .chart .step,.chart .riser{fill:none}
        .chart text.label{stroke:none;fill:var(--c);font-weight:600}
        @media (prefers-color-scheme: dark){
        .chart{color:#e6e6e6}
        .chart text.subtitle{fill:#a6a6a6}
        .chart .grid{stroke:#444}.chart .axis,.chart .asof{stroke:#a0a0a0}
        .s0{--c:#56B4E9}.s1{--c:#FF8C42}.s2{--c:#2BC79A}.s3{--c:#E08FC0}.s4{--c:#F0E442}.s5{--c:#9FD8F5}.s6{--c:#D0D0D0}.s7{--c:#E0709A}.s8{--c:#9C8FE8}.s9{--c:#5CC97A}.s10{--c:#D98AD0}.s11{--c:#C8C864}
        .chart .band{fill-opacity:.28}
        }
        """
}

extension Markup {
    /// Opens a chart's `<svg>` with what every chart carries: its size, an accessible title and description,
    /// and, for a file of its own, the namespace and the style sheet (a page holds the style sheet once).
    mutating func openChart(
        kind: String, width: Double, height: Double, id: String, title: String, description: String, standalone: Bool
    ) {
        var attributes: [(String, String)] = standalone ? [("xmlns", "http://www.w3.org/2000/svg")] : []
        attributes += [
            ("class", "chart " + kind), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"),
            ("aria-labelledby", "\(id)-title \(id)-desc"),
        ]
        open("svg", attributes)
        element("title", [("id", "\(id)-title")], text: title)
        element("desc", [("id", "\(id)-desc")], text: description)
        if standalone { style(ChartStyle.css) }
    }
}

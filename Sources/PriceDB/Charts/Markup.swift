/// Builds XML-well-formed markup (SVG, and HTML written so that an XML parser reads it too): text and
/// attribute values are escaped here, once, so that no name from a snapshot can open a tag or a script.
struct Markup {
    private(set) var text = ""

    /// Text content, escaped, with control characters made visible (a snapshot may carry them).
    static func escaped(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.count)
        for character in UntrustedText.escaped(value) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `<name a="1">`, or `<name a="1" />` when `closed`.
    mutating func open(_ name: String, _ attributes: [(String, String)] = [], closed: Bool = false) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(Self.escaped(value))\"" }
        text += closed ? " />" : ">"
    }

    mutating func close(_ name: String) {
        text += "</\(name)>"
    }

    /// `<name …>text</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        open(name, attributes)
        text += Self.escaped(content)
        close(name)
    }

    /// `<name … />`.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        open(name, attributes, closed: true)
    }

    /// A style sheet, as written: escaping would break its quotes, and it holds no `<` or `&` (checked by a
    /// test), so it is also well-formed XML.
    mutating func style(_ css: String) {
        open("style")
        text += css
        close("style")
    }

    /// Markup written elsewhere (a chart inside a page), or a line break.
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// A coordinate with two decimals at most, so that files stay small and tests can recompute it.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
        return sign + "\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}

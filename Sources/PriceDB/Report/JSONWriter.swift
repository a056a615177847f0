/// A small JSON writer that keeps keys in the order given, so that the report's JSON shape reads the same on
/// every run and diffs cleanly.
indirect enum JSONOutput {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    /// A number written exactly as given (money stays exact).
    case number(String)
    case bool(Bool)
    case null

    static func optional(_ text: String?) -> JSONOutput { text.map(JSONOutput.string) ?? .null }

    func serialized(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + JSONOutput.quote($0.0) + ": " + $0.1.serialized(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + close + "}"
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            return "[\n" + elements.map { pad + $0.serialized(indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case .string(let text): return JSONOutput.quote(text)
        case .number(let literal): return literal
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

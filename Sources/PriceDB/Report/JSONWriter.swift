/// A small JSON writer that keeps keys in the order given, so that the report's JSON shape reads the same on
/// every run and diffs cleanly.
indirect enum JSONOutput {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    /// An array whose elements are made as they are written: a history's rows, tens of thousands of them, are
    /// never all held as JSON at once.
    case generated(count: Int, element: (Int) -> JSONOutput)
    case string(String)
    /// A number written exactly as given (money stays exact).
    case number(String)
    case bool(Bool)
    case null

    static func optional(_ text: String?) -> JSONOutput { text.map(JSONOutput.string) ?? .null }

    /// The value as indented JSON. Written into one growing buffer: joining each level's strings would copy
    /// every nested value once per level, which for a history of tens of thousands of runs cost seconds and
    /// hundreds of megabytes.
    func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (position, (key, value)) in members.enumerated() {
                out += position == 0 ? "\n" : ",\n"
                Self.pad(&out, indent + 1)
                Self.quote(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "}"
        case .array(let elements):
            Self.writeArray(count: elements.count, element: { elements[$0] }, into: &out, indent: indent)
        case .generated(let count, let element):
            Self.writeArray(count: count, element: element, into: &out, indent: indent)
        case .string(let text): Self.quote(text, into: &out)
        case .number(let literal): out += literal
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func writeArray(count: Int, element: (Int) -> JSONOutput, into out: inout String, indent: Int) {
        guard count > 0 else {
            out += "[]"
            return
        }
        out += "["
        for position in 0..<count {
            out += position == 0 ? "\n" : ",\n"
            pad(&out, indent + 1)
            element(position).write(into: &out, indent: indent + 1)
        }
        out += "\n"
        pad(&out, indent)
        out += "]"
    }

    private static func pad(_ out: inout String, _ level: Int) {
        for _ in 0..<level { out += "  " }
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
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
        out += "\""
    }
}

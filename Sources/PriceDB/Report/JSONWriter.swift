/// A small JSON writer that keeps keys in the order given, so that the report's JSON shape reads the same on
/// every run and diffs cleanly. Not `indirect`: the nested values are already behind an array, and boxing every
/// string and number on the heap took a listing of 348,507 offers to 977 MB.
enum JSONOutput {
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

    /// Writes the value as indented JSON, piece by piece: joining each level's strings would copy every nested
    /// value once per level, which for a history of tens of thousands of runs cost seconds and hundreds of
    /// megabytes.
    func write(into out: inout TextSink, indent: Int = 0) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else {
                out.write("{}")
                return
            }
            out.write("{")
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { out.write(",") }
                out.write(Self.lineStart(indent + 1))
                Self.quote(key, into: &out)
                out.write(": ")
                value.write(into: &out, indent: indent + 1)
            }
            out.write(Self.lineStart(indent))
            out.write("}")
        case .array(let elements):
            Self.writeArray(count: elements.count, element: { elements[$0] }, into: &out, indent: indent)
        case .generated(let count, let element):
            Self.writeArray(count: count, element: element, into: &out, indent: indent)
        case .string(let text): Self.quote(text, into: &out)
        case .number(let literal): out.write(literal)
        case .bool(let flag): out.write(flag ? "true" : "false")
        case .null: out.write("null")
        }
    }

    private static func writeArray(count: Int, element: (Int) -> JSONOutput, into out: inout TextSink, indent: Int) {
        guard count > 0 else {
            out.write("[]")
            return
        }
        out.write("[")
        for position in 0..<count {
            if position > 0 { out.write(",") }
            out.write(lineStart(indent + 1))
            element(position).write(into: &out, indent: indent + 1)
        }
        out.write(lineStart(indent))
        out.write("]")
    }

    /// A line break and the indentation of a level, made once for the levels reports use: a history writes
    /// millions of them.
    private static let lineStarts = (0..<12).map { "\n" + String(repeating: "  ", count: $0) }

    private static func lineStart(_ level: Int) -> String {
        level < lineStarts.count ? lineStarts[level] : "\n" + String(repeating: "  ", count: level)
    }

    private static func quote(_ text: String, into out: inout TextSink) {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.write("\"")
            out.write(text)
            out.write("\"")
            return
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        out.write(quoted + "\"")
    }
}

/// Text that files bring in and terminals show. Catalogs are scraped by someone else and read from cron, so
/// names are refused at ingest when they hold control characters (an escape sequence can retitle a window or
/// clear a screen; a NUL cuts stored text short) or run past a sane length, and anything shown on a terminal has
/// such characters made visible (`\e`, `\u{202E}`).
public enum UntrustedText {
    /// The most characters of a name, id, region or instance.
    public static let nameLimit = 200
    /// The most characters of a note, URL or source name.
    public static let longTextLimit = 2_000

    /// Why `text` may not be stored, or `nil` when it may.
    public static func problem(_ text: String, limit: Int = nameLimit) -> String? {
        if let scalar = text.unicodeScalars.first(where: isControl) {
            return "holds the control character \(escape(scalar)); names and notes may not hold NUL, escape "
                + "sequences, line breaks, direction overrides or invisible characters"
        }
        let count = text.count
        if count > limit { return "is \(count) characters long; at most \(limit) are kept" }
        return nil
    }

    /// Control characters (C0, DEL, C1), line and paragraph separators (U+2028, U+2029), and the invisible
    /// format characters (Unicode's category Cf: direction marks and overrides, zero-width spaces and joiners,
    /// the byte-order mark, the soft hyphen), which reorder, hide or break text on screen.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        case 0x20...0x7E: return false
        default: return scalar.properties.generalCategory == .format
        }
    }

    /// The text with control characters made visible, for a terminal or a Markdown file.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { result += escape(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// Several lines of text, each with its control characters made visible; the line breaks between them stay.
    public static func escapedLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && isControl($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: "\n")
    }

    /// The text escaped and cut to `limit` characters, for echoing a value in a message.
    public static func shown(_ text: String, limit: Int = 80) -> String {
        let visible = escaped(text)
        return visible.count > limit ? String(visible.prefix(limit)) + "…" : visible
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}

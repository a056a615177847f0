/// Rows of text in aligned columns for a terminal: the plain form of every listing and report table. Control
/// characters in cells are shown as escapes, so data cannot drive the terminal or break the layout.
public struct TextTable: Sendable {
    public enum Alignment: Sendable {
        case left
        case right
    }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers.map(UntrustedText.escaped)
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    public mutating func append(_ row: [String]) {
        rows.append(row.map(UntrustedText.escaped))
    }

    /// Columns that may be left out to fit a width, the first to go first (a listing's least useful ones).
    public var droppable: [Int] = []

    /// The table with a header line, a rule, and columns padded to their widest cell. Given a `width`, a table
    /// wider than that first wraps long cells at spaces (never narrower than a column's longest word), then
    /// leaves out its `droppable` columns one by one, and then splits into blocks of columns that fit, each
    /// repeating the first column. A line under the table names what was left out (`--wide` shows it).
    public func rendered(width: Int? = nil) -> String {
        let natural = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        guard let width, Self.span(natural) > width else { return block(Array(headers.indices), widths: natural) }
        // A column wraps down to its longest word (at most 16 characters, past which words break too).
        let narrowest = headers.indices.map { column in
            min(natural[column], max(4, min(16, ([headers[column]] + rows.map { $0[column] }).flatMap {
                $0.split(separator: " ").map(\.count)
            }.max() ?? 0)))
        }
        var kept = Array(headers.indices)
        var dropped: [Int] = []
        func shrunk(_ columns: [Int]) -> [Int] {
            var widths = columns.map { natural[$0] }
            while Self.span(widths) > width,
                let widest = widths.indices.filter({ widths[$0] > narrowest[columns[$0]] }).max(by: { widths[$0] < widths[$1] })
            {
                widths[widest] = max(narrowest[columns[widest]], widths[widest] - (Self.span(widths) - width))
            }
            return widths
        }
        var widths = shrunk(kept)
        // A column goes only if no two rows then read alike: a listing never shows the same line twice.
        var distinct = distinctRows(kept)
        for column in droppable where Self.span(widths) > width && kept.count > 1 {
            let remaining = kept.filter { $0 != column }
            let left = distinctRows(remaining)
            guard left == distinct else { continue }
            distinct = left
            kept = remaining
            dropped.append(column)
            widths = shrunk(kept)
        }
        var blocks: [[Int]] = []
        if Self.span(widths) <= width {
            blocks = [kept]
        } else {
            // Blocks of columns that fit side by side, the first column repeated in each.
            let first = kept[0]
            var current = [first]
            for column in kept.dropFirst() {
                if current.count > 1 && Self.span((current + [column]).map { narrowest[$0] }) > width {
                    blocks.append(current)
                    current = [first]
                }
                current.append(column)
            }
            blocks.append(current)
        }
        // Every block gives the repeated first column the same width, the most that each of them can spare.
        let first = blocks.count == 1 ? 0 : blocks.map { columns in
            Self.fit(columns.map { narrowest[$0] }, natural: columns.map { natural[$0] }, to: width)[0]
        }.min() ?? 0
        var output = blocks.map { columns in
            guard blocks.count > 1 else { return block(columns, widths: widths) }
            var least = columns.map { narrowest[$0] }
            var most = columns.map { natural[$0] }
            (least[0], most[0]) = (first, first)
            return block(columns, widths: Self.fit(least, natural: most, to: width))
        }.joined(separator: "\n")
        if !dropped.isEmpty {
            let names = dropped.map { headers[$0] }.joined(separator: ", ")
            output += Self.wrap("(left out to fit the width: \(names); --wide shows every column)", to: width).joined(separator: "\n") + "\n"
        }
        return output
    }

    /// How many different rows the table has when it shows only `columns`.
    private func distinctRows(_ columns: [Int]) -> Int {
        Set(rows.map { row in columns.map { row[$0] } }).count
    }

    /// The width of columns side by side, two spaces apart.
    private static func span(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }

    /// Widths from `narrowest` grown toward `natural` while they fit `width`.
    private static func fit(_ narrowest: [Int], natural: [Int], to width: Int) -> [Int] {
        var widths = narrowest
        var spare = width - span(widths)
        for index in widths.indices where spare > 0 {
            let grow = min(spare, natural[index] - widths[index])
            widths[index] += grow
            spare -= grow
        }
        return widths
    }

    /// The given columns at the given widths, their cells wrapped onto as many lines as they need.
    private func block(_ columns: [Int], widths: [Int]) -> String {
        func lines(_ cells: [String]) -> [String] {
            let wrapped = columns.indices.map { Self.wrap(cells[columns[$0]], to: widths[$0], shortening: true) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                columns.indices.map { index in
                    let text = line < wrapped[index].count ? wrapped[index][line] : ""
                    let padding = String(repeating: " ", count: max(0, widths[index] - text.count))
                    return alignments[columns[index]] == .right ? padding + text : text + padding
                }.joined(separator: "  ").trimmingTrailingSpaces()
            }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return (lines(headers) + [rule] + rows.flatMap(lines)).joined(separator: "\n") + "\n"
    }

    /// `text` in lines of at most `width` characters, broken at spaces where it can and within words where it
    /// must; or, `shortening`, with a word too long for a line (a file name, a URL) shortened in the middle
    /// (`gpu-rental…2026.json`), as a name broken over lines reads as two.
    public static func wrap(_ text: String, to width: Int, shortening: Bool = false) -> [String] {
        guard text.count > width, width > 0 else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        if shortening {
            rest = Substring(rest.split(separator: " ", omittingEmptySubsequences: false).map { word in
                word.count > width ? shortened(word, to: width) : String(word)
            }.joined(separator: " "))
        }
        while rest.count > width {
            let window = rest.prefix(width + 1)
            if let space = window.lastIndex(of: " "), space > rest.startIndex {
                lines.append(String(rest[..<space]).trimmingTrailingSpaces())
                rest = rest[rest.index(after: space)...]
            } else {
                lines.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
        }
        if !rest.isEmpty { lines.append(String(rest)) }
        return lines
    }
}

extension TextTable {
    /// `word` in `width` characters: its start and end around an ellipsis, the end kept a little longer (a file's
    /// extension, a URL's last part tell more than its middle).
    static func shortened(_ word: Substring, to width: Int) -> String {
        guard word.count > width else { return String(word) }
        guard width > 2 else { return String(word.prefix(width)) }
        let tail = (width - 1) / 2 + (width - 1) % 2
        let head = width - 1 - tail
        return word.prefix(head) + "…" + word.suffix(tail)
    }
}

extension String {
    /// The text without line breaks at either end. Foundation's `trimmingCharacters(in: .newlines)` does the
    /// same by way of UTF-16, which for a history of tens of thousands of lines cost a fifth of its time.
    func trimmingLineBreaks() -> String {
        var text = Substring(self)
        while text.first?.isNewline == true { text.removeFirst() }
        while text.last?.isNewline == true { text.removeLast() }
        return String(text)
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

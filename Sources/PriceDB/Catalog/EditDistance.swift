/// Edit distance with transpositions (optimal string alignment), for suggesting the known name a user
/// probably meant: `RTX 4900` is one swap away from `RTX 4090`.
public enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// The candidates closest to `name`, ignoring case.
    public static func closest(to name: String, among candidates: [String]) -> [String] {
        guard name.count <= UntrustedText.nameLimit else { return [] }
        return nearest(candidates.map { ($0, between(name.lowercased(), $0.lowercased())) }, toNameOfLength: name.count)
    }

    /// The names at the smallest distance, if that is small for a name of this length (a third of it, at least
    /// 2), at most three, in order.
    static func nearest(_ scored: [(name: String, distance: Int)], toNameOfLength length: Int) -> [String] {
        let limit = min(max(2, length / 3), scored.map(\.distance).min() ?? 0)
        return scored.filter { $0.distance <= limit }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
            .prefix(3).map(\.name)
    }

    /// `did you mean "a", "b" or "c"?` for the suggestions of a message, or `nil` when there are none.
    public static func question(_ names: [String]) -> String? {
        guard let last = names.last else { return nil }
        let quoted = names.map { "\"\($0)\"" }
        let list = names.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + "\"\(last)\""
        return "did you mean \(list)?"
    }

    /// `did you mean "x"? ` for the names closest to `name`, to go before the list of what is known; empty
    /// when none is close.
    public static func suggestion(for name: String, among names: [String]) -> String {
        question(closest(to: name, among: names)).map { $0 + " " } ?? ""
    }
}

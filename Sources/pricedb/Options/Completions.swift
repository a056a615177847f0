import ArgumentParser
import Foundation
import PriceDB

/// Shell completions of GPU names and provider ids, drawn from the database the command line names (`--db`),
/// else the default one, else the built-in catalog. Used by the scripts of `--generate-completion-script`.
enum Completions {
    /// `(words, index of the word being completed, its text before the cursor)` → candidates.
    static func gpuNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let catalog = (try? store(named: words)?.catalog()) ?? GPUCatalog()
        return matching(typed(prefix), in: catalog.gpus.map(\.name)).map(forRequestingShell)
    }

    static func providerIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let ids = (try? store(named: words)?.providers().map(\.id)) ?? []
        // A comma list completes its last item.
        let done = prefix.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
        let last = String(prefix.split(separator: ",", omittingEmptySubsequences: false).last ?? "")
        return matching(last, in: ids).map { forRequestingShell(done.isEmpty ? $0 : done + "," + $0) }
    }

    /// The text of the word being completed as the user means it: bash hands it over as typed, with the
    /// backslashes of a name completed before (`A100\ \(`) or an opening quote (`"A100 (8`).
    private static func typed(_ prefix: String) -> String {
        guard CompletionShell.requesting == .bash else { return prefix }
        var text = ""
        var escaping = false
        for character in prefix {
            if !escaping && character == "\\" {
                escaping = true
                continue
            }
            if !escaping && (character == "\"" || character == "'") { continue }
            escaping = false
            text.append(character)
        }
        return text
    }

    /// A candidate as the requesting shell's script takes it. A GPU's name comes from whatever snapshot declared
    /// it, and bash's `compgen -W` expands each candidate as the shell expands a word: a name holding `$(…)`
    /// would run it when the user presses Tab. So for bash every ASCII character but letters and digits gets a
    /// backslash, which that expansion removes again (readline then quotes what it inserts). zsh's `_describe`
    /// reads a `:` as the start of a description.
    private static func forRequestingShell(_ candidate: String) -> String {
        switch CompletionShell.requesting {
        case .bash?:
            return escapedForBash(candidate)
        case .zsh?:
            return candidate.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        default:
            return candidate
        }
    }

    /// `text` with a backslash before every ASCII character but letters and digits.
    private static func escapedForBash(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            let plain = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if scalar.isASCII && !plain { escaped += "\\" }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }

    /// The bash script, mended so that a name holding spaces or parentheses completes to its end: the script
    /// compares candidates with the word as typed, backslashes and quotes and all (`A100\ \(` after a first
    /// Tab, `"A100 (8`), while the candidates are the names themselves, so it compares with the word unquoted.
    static func bashScript() -> String {
        let unquote = #"""
            __pricedb_unquoted() {
                printf %s "${1}" | tr -d "\\\\\"'"
            }

            __pricedb_add_completions() {
            """#
        return PriceDBCommand.completionScript(for: .bash)
            .replacingOccurrences(of: "__pricedb_add_completions() {", with: unquote)
            .replacingOccurrences(of: #"compgen "${@}" -- "${cur}""#, with: #"compgen "${@}" -- "$(__pricedb_unquoted "${cur}")""#)
    }

    /// The database to complete from, opened read-only; `nil` when there is none (nothing is created).
    private static func store(named words: [String]) throws -> PriceStore? {
        let path = words.firstIndex(of: "--db").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
            ?? DatabaseLocation.defaultPath()
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try PriceStore.openForReading(at: path)
    }

    private static func matching(_ prefix: String, in candidates: [String]) -> [String] {
        let key = prefix.lowercased()
        return candidates.filter { $0.lowercased().hasPrefix(key) }.sorted()
    }
}

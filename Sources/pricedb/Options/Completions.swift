import ArgumentParser
import Foundation
import PriceDB

/// Shell completions of GPU names and provider ids, drawn from the database the command line names (`--db`),
/// else the default one, else the built-in catalog. Used by the scripts of `--generate-completion-script`.
enum Completions {
    /// `(words, index of the word being completed, its text before the cursor)` → candidates.
    static func gpuNames(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let catalog = (try? store(named: words)?.catalog()) ?? GPUCatalog()
        return matching(prefix, in: catalog.gpus.map(\.name)).map(forRequestingShell)
    }

    static func providerIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let ids = (try? store(named: words)?.providers().map(\.id)) ?? []
        // A comma list completes its last item.
        let done = prefix.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
        let last = String(prefix.split(separator: ",", omittingEmptySubsequences: false).last ?? "")
        return matching(last, in: ids).map { forRequestingShell(done.isEmpty ? $0 : done + "," + $0) }
    }

    /// A candidate as the requesting shell's script takes it. A GPU's name comes from whatever snapshot declared
    /// it, and bash's `compgen -W` expands each candidate as the shell expands a word: a name holding `$(…)`
    /// would run it when the user presses Tab. So for bash every ASCII character but letters and digits gets a
    /// backslash, which that expansion removes again. zsh's `_describe` reads a `:` as the start of a description.
    private static func forRequestingShell(_ candidate: String) -> String {
        switch CompletionShell.requesting {
        case .bash?:
            var escaped = ""
            for scalar in candidate.unicodeScalars {
                let plain = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                if scalar.isASCII && !plain { escaped += "\\" }
                escaped.unicodeScalars.append(scalar)
            }
            return escaped
        case .zsh?:
            return candidate.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        default:
            return candidate
        }
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

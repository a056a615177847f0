import Foundation

/// Why a question about prices cannot be answered.
public enum QueryError: Error, LocalizedError, Sendable {
    case emptyDatabase
    case beforeFirstObservation(asOf: Day, earliest: Day)
    case unknownGPU(String, suggestions: [String])
    /// A family name (`A100`) where the command takes one GPU: the family's GPUs to choose from.
    case ambiguousGPU(String, choices: [String])
    case unknownProvider(String, known: [String])
    case nothingMatches(String)
    /// A figure computed from the options is beyond the range pricedb can hold.
    case outOfRange(String)
    case store(StoreError)

    public var errorDescription: String? {
        switch self {
        case .emptyDatabase:
            return "the database holds no observations yet; add some with `pricedb ingest FILE`"
        case .beforeFirstObservation(let asOf, let earliest):
            return "there is no data on or before \(asOf); the earliest observation is from \(earliest). "
                + "Ask for --as-of \(earliest) or later"
        case .unknownGPU(let name, let suggestions):
            let hint = EditDistance.question(suggestions).map { "; " + $0 } ?? ""
            return "unknown GPU \"\(UntrustedText.shown(name))\"\(hint) (`pricedb gpus` lists the catalog)"
        case .ambiguousGPU(let name, let choices):
            return "\"\(UntrustedText.shown(name))\" names several GPUs: "
                + choices.map { "\"\($0)\"" }.joined(separator: ", ") + "; give one of them"
        case .unknownProvider(let id, let known) where known.isEmpty:
            return "unknown provider \"\(UntrustedText.shown(id))\"; the database knows no providers yet (`pricedb ingest FILE` adds them)"
        case .unknownProvider(let id, let known):
            let hint = EditDistance.suggestion(for: id, among: known)
            return "unknown provider \"\(UntrustedText.shown(id))\"; \(hint)known: \(known.joined(separator: ", "))"
        case .nothingMatches(let what):
            return "nothing to show: \(what)"
        case .outOfRange(let what):
            return what
        case .store(let error):
            return error.localizedDescription
        }
    }

    /// 64 (EX_USAGE) for names that do not exist, the store's status for the database or missing exchange rates, 1 when there is simply nothing to show.
    public var exitCode: Int32 {
        switch self {
        case .unknownGPU, .ambiguousGPU, .unknownProvider, .outOfRange: return 64
        case .store(let error): return error.exitCode
        case .emptyDatabase, .beforeFirstObservation, .nothingMatches: return 1
        }
    }
}

import ArgumentParser
import Foundation

/// `--gpu`, the one GPU that `quarters`, `history`, `cost` and `breakeven` are about.
struct GPUOption: ParsableArguments {
    @Option(
        name: .customLong("gpu"), help: ArgumentHelp("The GPU, by name or alias (`pricedb gpus` lists them).", valueName: "name"),
        completion: .custom(Completions.gpuNames))
    var name: String

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--gpu takes a GPU name or alias, such as \"A100 (80GB)\" (`pricedb gpus` lists them)")
        }
    }
}

/// The GPUs a file may name, and how a written name becomes one of them.
///
/// Names are compared by a *key*: lower case, with spaces, hyphens, underscores, dots, slashes and brackets
/// removed, and vendor and memory-technology words (`NVIDIA`, `GeForce`, `Tesla`, `AMD`, `HBM3`) dropped, so `A100 (80GB)`, `A100-80GB` and
/// `a100 80gb` are one GPU. Variant words (`SXM`, `PCIe`, `NVL`, `Mega`) are kept as the observation's variant
/// unless the whole name is itself a GPU (`H100 NVL`).
public struct GPUCatalog: Sendable {
    public private(set) var gpus: [GPU] = []
    private var idByKey: [String: String] = [:]
    private var indexByID: [String: Int] = [:]

    /// What a written name resolved to.
    public struct Resolution: Hashable, Sendable {
        public let gpu: GPU
        /// The variant words found in the name, in a canonical spelling (`SXM4`, `PCIe`); empty if none.
        public let variant: String
    }

    /// A catalog of `gpus`, the built-in ones unless told otherwise.
    public init(_ gpus: [GPU] = BuiltinCatalog.gpus) {
        for gpu in gpus { add(gpu) }
    }

    /// Adds a GPU, or replaces the one with the same id, together with its aliases.
    public mutating func add(_ gpu: GPU) {
        if let index = indexByID[gpu.id] {
            gpus[index] = gpu
        } else {
            indexByID[gpu.id] = gpus.count
            gpus.append(gpu)
        }
        for name in [gpu.id, gpu.name] + gpu.aliases {
            idByKey[Self.key(name)] = gpu.id
        }
    }

    /// The GPU with this slug, if known.
    public func gpu(id: String) -> GPU? {
        indexByID[id].map { gpus[$0] }
    }

    /// The GPU that already answers to `name`, if any (used to refuse a declared GPU that shadows another).
    public func owner(of name: String) -> GPU? {
        idByKey[Self.key(name)].flatMap(gpu(id:))
    }

    /// The GPUs whose name, id or an alias holds `text`, compared as names are (ignoring case, spaces, hyphens
    /// and brackets).
    public func matching(_ text: String) -> GPUCatalog {
        let key = Self.key(text)
        return GPUCatalog(gpus.filter { gpu in ([gpu.id, gpu.name] + gpu.aliases).contains { Self.key($0).contains(key) } })
    }

    /// The GPUs of a family when `name` is its bare name and the family has several memory sizes (`A100` →
    /// the 40 GB and the 80 GB models); empty otherwise. Catalog files use `A100` for the 40 GB model, but a
    /// person asking about "the A100" means both.
    public func family(named name: String) -> [GPU] {
        let key = Self.key(name)
        let members = gpus.filter { gpu in
            gpu.memoryGB != nil && Self.key(String(gpu.name.prefix { $0 != "(" })) == key && gpu.name.contains("(")
        }
        return members.count > 1 ? members : []
    }

    /// Resolves a written name such as `A100-80GB-SXM` to the A100 (80GB), variant `SXM`.
    public func resolve(_ name: String) -> Resolution? {
        let words = Self.words(name)
        if let id = idByKey[words.joined()], let gpu = gpu(id: id) {
            return Resolution(gpu: gpu, variant: "")
        }
        var variants: [String] = []
        var rest: [String] = []
        var memory: Int?
        for word in words {
            if let size = Self.memorySize(word) {
                memory = size
                rest.append(word)
                continue
            }
            if let variant = Self.variantSpelling[word] {
                variants.append(variant)
            } else if let (stem, variant) = Self.splitVariantSuffix(word) {
                rest.append(stem)
                variants.append(variant)
            } else {
                rest.append(word)
            }
        }
        let variant = variants.joined(separator: " ")
        if !variants.isEmpty, !rest.isEmpty, let id = idByKey[rest.joined()], let gpu = gpu(id: id) {
            return Resolution(gpu: gpu, variant: variant)
        }
        // A memory size the catalog name leaves out (`L4 (24GB)`) is accepted when it is the GPU's own.
        let model = rest.filter { Self.memorySize($0) == nil }
        if let memory, !model.isEmpty, let id = idByKey[model.joined()], let gpu = gpu(id: id), gpu.memoryGB == memory {
            return Resolution(gpu: gpu, variant: variant)
        }
        return nil
    }

    /// Whether `name` is an accelerator that is not a GPU (AWS Inferentia and Trainium, Google TPUs, Intel
    /// Gaudi and the like), which catalogs list beside GPUs.
    public static func isNonGPUAccelerator(_ name: String) -> Bool {
        let key = key(name)
        return BuiltinCatalog.nonGPUKeyPrefixes.contains { key.hasPrefix($0) }
    }

    /// `24gb` or `24g` → 24.
    private static func memorySize(_ word: String) -> Int? {
        var digits = Substring(word)
        if digits.hasSuffix("gb") {
            digits = digits.dropLast(2)
        } else if digits.hasSuffix("g") {
            digits = digits.dropLast()
        } else {
            return nil
        }
        return digits.isEmpty || !digits.allSatisfy(\.isASCIIDigit) ? nil : Int(digits)
    }

    /// Up to three known GPU names closest to an unknown one (those at the smallest distance), for "did you
    /// mean" messages.
    public func suggestions(for name: String) -> [String] {
        // Edit distance grows with the name's length; a name no GPU's could be near gets no suggestion.
        guard name.count <= UntrustedText.nameLimit else { return [] }
        var stripped = Self.words(name).filter { Self.variantSpelling[$0] == nil }.joined()
        if stripped.isEmpty { stripped = Self.key(name) }
        var best: [String: Int] = [:]
        for gpu in gpus {
            for candidate in [gpu.name] + gpu.aliases {
                let distance = EditDistance.between(stripped, Self.key(candidate))
                best[gpu.name] = min(best[gpu.name] ?? .max, distance)
            }
        }
        return EditDistance.nearest(best.map { ($0.key, $0.value) }, toNameOfLength: stripped.count)
    }

    /// The comparison key of a name: `A100 (80GB)` → `a10080gb`.
    public static func key(_ name: String) -> String {
        words(name).joined()
    }

    private static func words(_ name: String) -> [String] {
        name.lowercased()
            .split(whereSeparator: isSeparator)
            .map(String.init)
            .filter { !vendorWords.contains($0) }
    }

    /// What separates the words of a GPU's name. A `switch`, not `" -_…".contains`: that walks the string's
    /// characters for every character of every name, and the catalog keys a thousand names on each run.
    private static func isSeparator(_ character: Character) -> Bool {
        switch character {
        case " ", "-", "_", "(", ")", ".", "[", "]", "{", "}", "/", ",": return true
        default: return character.isWhitespace
        }
    }

    /// Words that name a vendor, product line or memory technology, never a different GPU.
    private static let vendorWords: Set<String> = [
        "nvidia", "geforce", "tesla", "amd", "instinct", "intel", "hbm2", "hbm2e", "hbm3", "hbm3e", "gddr6", "gddr6x",
        "gddr7",
    ]

    private static let variantSpelling: [String: String] = [
        "sxm": "SXM", "sxm2": "SXM2", "sxm4": "SXM4", "sxm5": "SXM5", "pcie": "PCIe", "nvl": "NVL",
        "nvlink": "NVLink", "mega": "Mega", "hgx": "HGX", "baremetal": "bare metal",
    ]

    /// `h100sxm5` → (`h100`, `SXM5`): a variant written without a separator.
    private static func splitVariantSuffix(_ word: String) -> (String, String)? {
        for (suffix, spelling) in variantSpelling where word.count > suffix.count && word.hasSuffix(suffix) {
            return (String(word.dropLast(suffix.count)), spelling)
        }
        return nil
    }
}

/// A GPU model, such as the A100 with 80 GB. Variants of one model (SXM, PCIe) are the same GPU; they are
/// kept on each observation instead.
public struct GPU: Hashable, Sendable {
    /// A stable slug (`a100-80gb`).
    public var id: String
    /// The display name used in reports (`A100 (80GB)`).
    public var name: String
    public var memoryGB: Int?
    public var gpuClass: GPUClass
    /// Other names that resolve to this GPU; the display name and id always do.
    public var aliases: [String]

    public init(id: String, name: String, memoryGB: Int?, gpuClass: GPUClass, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.memoryGB = memoryGB
        self.gpuClass = gpuClass
        self.aliases = aliases
    }
}

/// Whether a GPU is sold for desktops (RTX 4090) or data centres (A100); reports show the two in separate tables.
public enum GPUClass: String, CaseIterable, Sendable {
    case consumer
    case datacenter
}

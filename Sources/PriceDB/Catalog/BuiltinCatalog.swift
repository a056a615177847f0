/// The GPUs pricedb knows without being told: every GPU of the seed article and the common ones that public
/// cloud catalogs list. A snapshot's `gpus` field adds more.
///
/// Memory is the model's usual size in GB. Where one model ships with two memory sizes that price differently
/// (A100, V100), each size is its own GPU and the bare name resolves to the smaller, as SkyPilot's catalogs use it.
public enum BuiltinCatalog {
    public static let gpus: [GPU] = [
        // Consumer and workstation cards.
        GPU(id: "rtx-5090", name: "RTX 5090", memoryGB: 32, gpuClass: .consumer, aliases: ["GeForce RTX 5090", "5090"]),
        GPU(id: "rtx-5080", name: "RTX 5080", memoryGB: 16, gpuClass: .consumer, aliases: ["GeForce RTX 5080"]),
        GPU(id: "rtx-4090", name: "RTX 4090", memoryGB: 24, gpuClass: .consumer, aliases: ["GeForce RTX 4090", "4090"]),
        GPU(id: "rtx-4080", name: "RTX 4080", memoryGB: 16, gpuClass: .consumer, aliases: ["GeForce RTX 4080"]),
        GPU(id: "rtx-4070-ti", name: "RTX 4070 Ti", memoryGB: 12, gpuClass: .consumer),
        GPU(id: "rtx-3090", name: "RTX 3090", memoryGB: 24, gpuClass: .consumer, aliases: ["GeForce RTX 3090", "3090"]),
        GPU(id: "rtx-3090-ti", name: "RTX 3090 Ti", memoryGB: 24, gpuClass: .consumer),
        GPU(id: "rtx-3080", name: "RTX 3080", memoryGB: 10, gpuClass: .consumer),
        GPU(id: "rtx-3070", name: "RTX 3070", memoryGB: 8, gpuClass: .consumer),
        GPU(id: "rtx-a6000", name: "RTX A6000", memoryGB: 48, gpuClass: .consumer, aliases: ["A6000"]),
        GPU(id: "rtx-a5000", name: "RTX A5000", memoryGB: 24, gpuClass: .consumer, aliases: ["A5000"]),
        GPU(id: "rtx-a4000", name: "RTX A4000", memoryGB: 16, gpuClass: .consumer, aliases: ["A4000"]),
        GPU(id: "quadro-rtx-6000", name: "Quadro RTX 6000", memoryGB: 24, gpuClass: .consumer, aliases: ["RTX 6000", "RTX6000"]),
        GPU(id: "rtx-6000-ada", name: "RTX 6000 Ada", memoryGB: 48, gpuClass: .consumer,
            aliases: ["RTX 6000 Ada Generation", "RTX6000Ada", "6000 Ada"]),
        GPU(id: "rtx-4000-ada", name: "RTX 4000 Ada", memoryGB: 20, gpuClass: .consumer,
            aliases: ["RTX 4000 Ada Generation", "RTX4000Ada"]),
        GPU(id: "rtx-pro-6000", name: "RTX PRO 6000", memoryGB: 96, gpuClass: .consumer,
            aliases: ["RTX PRO 6000 Blackwell", "RTXPRO6000"]),
        // Data-centre cards.
        GPU(id: "a100-40gb", name: "A100 (40GB)", memoryGB: 40, gpuClass: .datacenter, aliases: ["A100", "A100 40G"]),
        GPU(id: "a100-80gb", name: "A100 (80GB)", memoryGB: 80, gpuClass: .datacenter, aliases: ["A100 80G"]),
        GPU(id: "h100-80gb", name: "H100 (80GB)", memoryGB: 80, gpuClass: .datacenter, aliases: ["H100"]),
        GPU(id: "h100-nvl", name: "H100 NVL", memoryGB: 94, gpuClass: .datacenter, aliases: ["H100 NVL 94GB"]),
        GPU(id: "h200", name: "H200", memoryGB: 141, gpuClass: .datacenter, aliases: ["H200 141GB", "H200 140GB"]),
        GPU(id: "gh200", name: "GH200", memoryGB: 96, gpuClass: .datacenter, aliases: ["GH200 480GB"]),
        GPU(id: "b200", name: "B200", memoryGB: 180, gpuClass: .datacenter, aliases: ["B200 180GB", "B200 192GB"]),
        GPU(id: "gb200", name: "GB200", memoryGB: 186, gpuClass: .datacenter),
        GPU(id: "v100-16gb", name: "V100 (16GB)", memoryGB: 16, gpuClass: .datacenter, aliases: ["V100"]),
        GPU(id: "v100-32gb", name: "V100 (32GB)", memoryGB: 32, gpuClass: .datacenter, aliases: ["V100 32G"]),
        GPU(id: "p100", name: "P100", memoryGB: 16, gpuClass: .datacenter),
        GPU(id: "p40", name: "P40", memoryGB: 24, gpuClass: .datacenter),
        GPU(id: "p4", name: "P4", memoryGB: 8, gpuClass: .datacenter),
        GPU(id: "k80", name: "K80", memoryGB: 12, gpuClass: .datacenter),
        GPU(id: "m60", name: "M60", memoryGB: 8, gpuClass: .datacenter),
        GPU(id: "t4", name: "T4", memoryGB: 16, gpuClass: .datacenter, aliases: ["T4g"]),
        GPU(id: "l4", name: "L4", memoryGB: 24, gpuClass: .datacenter),
        GPU(id: "a10", name: "A10", memoryGB: 24, gpuClass: .datacenter),
        GPU(id: "a10g", name: "A10G", memoryGB: 24, gpuClass: .datacenter),
        GPU(id: "a16", name: "A16", memoryGB: 16, gpuClass: .datacenter),
        GPU(id: "a30", name: "A30", memoryGB: 24, gpuClass: .datacenter),
        GPU(id: "a40", name: "A40", memoryGB: 48, gpuClass: .datacenter),
        GPU(id: "l40", name: "L40", memoryGB: 48, gpuClass: .datacenter),
        GPU(id: "l40s", name: "L40S", memoryGB: 48, gpuClass: .datacenter),
        GPU(id: "mi300x", name: "MI300X", memoryGB: 192, gpuClass: .datacenter, aliases: ["Instinct MI300X"]),
        GPU(id: "mi325x", name: "MI325X", memoryGB: 256, gpuClass: .datacenter, aliases: ["Instinct MI325X"]),
        GPU(id: "mi250x", name: "MI250X", memoryGB: 128, gpuClass: .datacenter, aliases: ["Instinct MI250X"]),
        GPU(id: "gaudi2", name: "Gaudi 2", memoryGB: 96, gpuClass: .datacenter, aliases: ["Gaudi2", "HL-225"]),
    ]
}

/// The GPUs pricedb knows without being told: every GPU of the seed article and what public cloud catalogs and
/// marketplaces rent out. NVIDIA data-centre GPUs since Kepler (with the export variants A800, H800, H20, L20),
/// GeForce from the 10 to the 50 series, the workstation lines (Quadro, RTX A, RTX Ada, RTX PRO Blackwell), AMD
/// Instinct MI25 to MI355X and the Radeon cards that are rented. A snapshot's `gpus` field adds more.
///
/// Memory is the model's size as sold, in GB. Where one model ships with two memory sizes that price
/// differently (A100, V100, A800, P100), each size is its own GPU and the bare name resolves to the smaller, as
/// SkyPilot's catalogs use it. Workstation and Radeon cards count as `consumer`: they rent like desktop cards.
public enum BuiltinCatalog {
    public static let gpus: [GPU] = geforce + workstation + radeon + nvidiaDataCentre + instinct

    private static func consumer(_ id: String, _ name: String, _ memory: Int, _ aliases: [String] = []) -> GPU {
        GPU(id: id, name: name, memoryGB: memory, gpuClass: .consumer, aliases: aliases)
    }

    private static func datacenter(_ id: String, _ name: String, _ memory: Int, _ aliases: [String] = []) -> GPU {
        GPU(id: id, name: name, memoryGB: memory, gpuClass: .datacenter, aliases: aliases)
    }

    /// GeForce, 10 series to 50 series, with the Titans of those generations.
    static let geforce: [GPU] = [
        consumer("rtx-5090", "RTX 5090", 32, ["GeForce RTX 5090", "5090"]),
        consumer("rtx-5080", "RTX 5080", 16, ["GeForce RTX 5080"]),
        consumer("rtx-5070-ti", "RTX 5070 Ti", 16),
        consumer("rtx-5070", "RTX 5070", 12),
        consumer("rtx-5060-ti", "RTX 5060 Ti", 16),
        consumer("rtx-5060", "RTX 5060", 8),
        consumer("rtx-5050", "RTX 5050", 8),
        consumer("rtx-4090", "RTX 4090", 24, ["GeForce RTX 4090", "4090"]),
        consumer("rtx-4090-d", "RTX 4090 D", 24, ["RTX 4090D"]),
        consumer("rtx-4080-super", "RTX 4080 Super", 16, ["RTX 4080S"]),
        consumer("rtx-4080", "RTX 4080", 16, ["GeForce RTX 4080"]),
        consumer("rtx-4070-ti-super", "RTX 4070 Ti Super", 16),
        consumer("rtx-4070-ti", "RTX 4070 Ti", 12),
        consumer("rtx-4070-super", "RTX 4070 Super", 12, ["RTX 4070S"]),
        consumer("rtx-4070", "RTX 4070", 12),
        consumer("rtx-4060-ti", "RTX 4060 Ti", 16),
        consumer("rtx-4060", "RTX 4060", 8),
        consumer("rtx-3090-ti", "RTX 3090 Ti", 24),
        consumer("rtx-3090", "RTX 3090", 24, ["GeForce RTX 3090", "3090"]),
        consumer("rtx-3080-ti", "RTX 3080 Ti", 12),
        consumer("rtx-3080", "RTX 3080", 10),
        consumer("rtx-3070-ti", "RTX 3070 Ti", 8),
        consumer("rtx-3070", "RTX 3070", 8),
        consumer("rtx-3060-ti", "RTX 3060 Ti", 8),
        consumer("rtx-3060", "RTX 3060", 12),
        consumer("rtx-3050", "RTX 3050", 8),
        consumer("titan-rtx", "Titan RTX", 24),
        consumer("rtx-2080-ti", "RTX 2080 Ti", 11),
        consumer("rtx-2080-super", "RTX 2080 Super", 8),
        consumer("rtx-2080", "RTX 2080", 8),
        consumer("rtx-2070-super", "RTX 2070 Super", 8),
        consumer("rtx-2070", "RTX 2070", 8),
        consumer("rtx-2060-super", "RTX 2060 Super", 8),
        consumer("rtx-2060", "RTX 2060", 6),
        consumer("gtx-1660-ti", "GTX 1660 Ti", 6),
        consumer("gtx-1660-super", "GTX 1660 Super", 6, ["GTX 1660S"]),
        consumer("gtx-1660", "GTX 1660", 6),
        consumer("gtx-1650-super", "GTX 1650 Super", 4),
        consumer("gtx-1650", "GTX 1650", 4),
        consumer("titan-v", "Titan V", 12),
        consumer("titan-xp", "Titan Xp", 12),
        consumer("titan-x-pascal", "Titan X (Pascal)", 12, ["Titan X"]),
        consumer("gtx-1080-ti", "GTX 1080 Ti", 11),
        consumer("gtx-1080", "GTX 1080", 8),
        consumer("gtx-1070-ti", "GTX 1070 Ti", 8),
        consumer("gtx-1070", "GTX 1070", 8),
        consumer("gtx-1060", "GTX 1060", 6),
        consumer("gtx-1050-ti", "GTX 1050 Ti", 4),
        consumer("gtx-1050", "GTX 1050", 2),
    ]

    /// Quadro, RTX A, RTX Ada and RTX PRO Blackwell workstation cards.
    static let workstation: [GPU] = [
        consumer("rtx-pro-6000", "RTX PRO 6000", 96, [
            "RTX PRO 6000 Blackwell", "RTXPRO6000", "RTX PRO 6000 Server Edition", "RTXPRO6000S",
            "RTX PRO 6000 Workstation Edition", "RTXPRO6000WS", "RTXPRO6000WK",
        ]),
        consumer("rtx-pro-5000", "RTX PRO 5000", 48, ["RTX PRO 5000 Blackwell"]),
        consumer("rtx-pro-4500", "RTX PRO 4500", 32, ["RTX PRO 4500 Blackwell"]),
        consumer("rtx-pro-4000", "RTX PRO 4000", 24, ["RTX PRO 4000 Blackwell"]),
        consumer("rtx-6000-ada", "RTX 6000 Ada", 48, ["RTX 6000 Ada Generation", "RTX6000Ada", "6000 Ada"]),
        consumer("rtx-5000-ada", "RTX 5000 Ada", 32, ["RTX 5000 Ada Generation", "RTX5000Ada"]),
        consumer("rtx-4500-ada", "RTX 4500 Ada", 24, ["RTX 4500 Ada Generation", "RTX4500Ada"]),
        consumer("rtx-4000-ada", "RTX 4000 Ada", 20, ["RTX 4000 Ada Generation", "RTX4000Ada"]),
        consumer("rtx-4000-sff-ada", "RTX 4000 SFF Ada", 20, ["RTX 4000 SFF Ada Generation", "RTX4000SFFAda"]),
        consumer("rtx-2000-ada", "RTX 2000 Ada", 16, ["RTX 2000 Ada Generation", "RTX2000Ada"]),
        consumer("rtx-a6000", "RTX A6000", 48, ["A6000"]),
        consumer("rtx-a5500", "RTX A5500", 24, ["A5500"]),
        consumer("rtx-a5000", "RTX A5000", 24, ["A5000"]),
        consumer("rtx-a4500", "RTX A4500", 20, ["A4500"]),
        consumer("rtx-a4000", "RTX A4000", 16, ["A4000"]),
        consumer("rtx-a2000", "RTX A2000", 12, ["A2000"]),
        consumer("quadro-rtx-8000", "Quadro RTX 8000", 48, ["Q RTX 8000", "RTX 8000"]),
        consumer("quadro-rtx-6000", "Quadro RTX 6000", 24, ["RTX 6000", "RTX6000"]),
        consumer("quadro-rtx-5000", "Quadro RTX 5000", 16, ["RTX 5000"]),
        consumer("quadro-rtx-4000", "Quadro RTX 4000", 8, ["RTX 4000"]),
        consumer("quadro-gv100", "Quadro GV100", 32),
        consumer("quadro-p6000", "Quadro P6000", 24, ["P6000"]),
        consumer("quadro-p5000", "Quadro P5000", 16, ["P5000"]),
        consumer("quadro-p4000", "Quadro P4000", 8, ["P4000"]),
        consumer("quadro-m4000", "Quadro M4000", 8, ["M4000"]),
    ]

    /// AMD Radeon cards that marketplaces and clouds rent.
    static let radeon: [GPU] = [
        consumer("radeon-rx-7900-xtx", "Radeon RX 7900 XTX", 24, ["RX 7900 XTX"]),
        consumer("radeon-rx-7900-xt", "Radeon RX 7900 XT", 20, ["RX 7900 XT"]),
        consumer("radeon-rx-6900-xt", "Radeon RX 6900 XT", 16, ["RX 6900 XT"]),
        consumer("radeon-rx-6800-xt", "Radeon RX 6800 XT", 16, ["RX 6800 XT"]),
        consumer("radeon-pro-w7900", "Radeon Pro W7900", 48, ["W7900"]),
        consumer("radeon-pro-w7800", "Radeon Pro W7800", 32, ["W7800"]),
        consumer("radeon-pro-w6800", "Radeon Pro W6800", 32, ["W6800"]),
        consumer("radeon-pro-v620", "Radeon Pro V620", 32, ["V620"]),
        consumer("radeon-pro-v520", "Radeon Pro V520", 8, ["V520"]),
    ]

    /// NVIDIA data-centre GPUs from Kepler to Blackwell.
    static let nvidiaDataCentre: [GPU] = [
        datacenter("gb300", "GB300", 288),
        datacenter("b300", "B300", 288, ["B300 288GB"]),
        datacenter("gb200", "GB200", 186),
        datacenter("b200", "B200", 180, ["B200 180GB", "B200 192GB"]),
        datacenter("b100", "B100", 192),
        datacenter("gh200", "GH200", 96, ["GH200 480GB"]),
        datacenter("h200", "H200", 141, ["H200 141GB", "H200 140GB"]),
        datacenter("h200-nvl", "H200 NVL", 141),
        datacenter("h100-80gb", "H100 (80GB)", 80, ["H100"]),
        datacenter("h100-nvl", "H100 NVL", 94, ["H100 NVL 94GB"]),
        datacenter("h800", "H800", 80),
        datacenter("h20", "H20", 96),
        datacenter("l40s", "L40S", 48),
        datacenter("l40", "L40", 48),
        datacenter("l20", "L20", 48),
        datacenter("l4", "L4", 24),
        datacenter("l2", "L2", 24),
        datacenter("a100-40gb", "A100 (40GB)", 40, ["A100", "A100 40G"]),
        datacenter("a100-80gb", "A100 (80GB)", 80, ["A100 80G"]),
        datacenter("a800-40gb", "A800 (40GB)", 40, ["A800", "A800 40G"]),
        datacenter("a800-80gb", "A800 (80GB)", 80, ["A800 80G"]),
        datacenter("a40", "A40", 48),
        datacenter("a30", "A30", 24),
        datacenter("a16", "A16", 16),
        datacenter("a10", "A10", 24),
        datacenter("a10g", "A10G", 24),
        datacenter("a2", "A2", 16),
        datacenter("t4", "T4", 16, ["T4g"]),
        datacenter("v100s", "V100S", 32, ["V100S 32GB"]),
        datacenter("v100-16gb", "V100 (16GB)", 16, ["V100"]),
        datacenter("v100-32gb", "V100 (32GB)", 32, ["V100 32G"]),
        datacenter("p100", "P100", 16, ["P100 16GB"]),
        datacenter("p100-12gb", "P100 (12GB)", 12, ["P100 12G"]),
        datacenter("p40", "P40", 24),
        datacenter("p6", "P6", 16),
        datacenter("p4", "P4", 8),
        datacenter("m60", "M60", 8),
        datacenter("m40", "M40", 12, ["M40 12GB"]),
        datacenter("m40-24gb", "M40 (24GB)", 24, ["M40 24G"]),
        datacenter("m10", "M10", 32),
        datacenter("m6", "M6", 8),
        datacenter("m4", "M4", 4),
        datacenter("k80", "K80", 12),
        datacenter("k40", "K40", 12, ["K40m", "K40c"]),
        datacenter("k20", "K20", 5, ["K20m", "K20c", "K20X"]),
        datacenter("k10", "K10", 4),
        datacenter("k520", "K520", 4, ["GRID K520"]),
    ]

    /// AMD Instinct accelerators, MI25 to MI355X.
    static let instinct: [GPU] = [
        datacenter("mi355x", "MI355X", 288, ["Instinct MI355X"]),
        datacenter("mi350x", "MI350X", 288, ["Instinct MI350X"]),
        datacenter("mi325x", "MI325X", 256, ["Instinct MI325X"]),
        datacenter("mi300x", "MI300X", 192, ["Instinct MI300X"]),
        datacenter("mi300a", "MI300A", 128, ["Instinct MI300A"]),
        datacenter("mi250x", "MI250X", 128, ["Instinct MI250X"]),
        datacenter("mi250", "MI250", 128, ["Instinct MI250"]),
        datacenter("mi210", "MI210", 64, ["Instinct MI210"]),
        datacenter("mi100", "MI100", 32, ["Instinct MI100"]),
        datacenter("mi60", "MI60", 32, ["Instinct MI60"]),
        datacenter("mi50", "MI50", 16, ["Instinct MI50", "MI50 16GB"]),
        datacenter("mi50-32gb", "MI50 (32GB)", 32, ["MI50 32G"]),
        // Azure's NVv4 machines rent an eighth to a whole of one.
        datacenter("mi25", "MI25", 16, ["Instinct MI25", "Radeon Instinct MI25", "Radeon MI25"]),
    ]

    /// Accelerators that are not GPUs (Inferentia, Trainium, TPUs, Gaudi and the like), by the start of their
    /// resolution key. Catalogs list them beside GPUs; ingest skips and counts their rows.
    static let nonGPUKeyPrefixes: [String] = [
        "inferentia", "trainium", "tpu", "gaudi", "habana", "hl205", "hl225", "hl325", "qualcomm", "ai100", "cloudai100",
        "vu9p", "xilinx", "fpga", "alveo", "maia", "mtia", "groq", "cerebras", "sambanova", "graphcore", "ipu",
    ]
}

import Testing

@testable import PriceDB

@Suite struct CatalogTests {
    let catalog = GPUCatalog()

    @Test(arguments: [
        ("A100 (80GB)", "a100-80gb", ""), ("A100-80GB", "a100-80gb", ""), ("a100 80gb", "a100-80gb", ""),
        ("A100-80GB-SXM", "a100-80gb", "SXM"), ("A100 SXM (80GB)", "a100-80gb", "SXM"),
        ("A100 PCIe (80GB)", "a100-80gb", "PCIe"), ("A100", "a100-40gb", ""), ("H100", "h100-80gb", ""),
        ("H100-SXM", "h100-80gb", "SXM"), ("H100-MEGA", "h100-80gb", "Mega"), ("H100 NVL", "h100-nvl", ""),
        ("RTX4090", "rtx-4090", ""), ("RTXA6000", "rtx-a6000", ""), ("RTX A6000", "rtx-a6000", ""),
        ("A10G", "a10g", ""), ("L40S", "l40s", ""), ("V100-32GB", "v100-32gb", ""), ("GH200", "gh200", ""),
        ("B200", "b200", ""), ("MI300X", "mi300x", ""), ("NVIDIA T4", "t4", ""), ("T4 (16GB)", "t4", ""),
        ("L4 (24GB)", "l4", ""), ("RTX 4090 (24GB)", "rtx-4090", ""), ("H200 (140GB)", "h200", ""),
        ("RTX 6000 Ada", "rtx-6000-ada", ""), ("RTX5090", "rtx-5090", ""), ("A100SXM4", "a100-40gb", "SXM4"),
        ("H100 PCIe (80GB)", "h100-80gb", "PCIe"), ("Tesla V100", "v100-16gb", ""),
        // As nvidia-smi and marketplaces write them.
        ("NVIDIA H100 80GB HBM3", "h100-80gb", ""), ("NVIDIA A100-SXM4-80GB", "a100-80gb", "SXM4"),
        ("NVIDIA A100-PCIE-40GB", "a100-40gb", "PCIe"), ("NVIDIA GeForce RTX 4090", "rtx-4090", ""),
        ("Tesla V100-SXM2-16GB", "v100-16gb", "SXM2"), ("Tesla V100-SXM2-32GB", "v100-32gb", "SXM2"),
        ("NVIDIA RTX A6000", "rtx-a6000", ""), ("RTX 6000Ada", "rtx-6000-ada", ""), ("Q RTX 8000", "quadro-rtx-8000", ""),
        ("A100 SXM4", "a100-40gb", "SXM4"), ("H100 NVL", "h100-nvl", ""), ("AMD Instinct MI300X", "mi300x", ""),
        ("RTX 4080 SUPER", "rtx-4080-super", ""),
        // As SkyPilot's v8 catalogs spell them (Spheron, Lium, Vast, Hyperstack, Paperspace, Verda).
        ("H100_PCIE_BAREMETAL", "h100-80gb", "PCIe bare metal"), ("L40S_PCIE_BAREMETAL", "l40s", "PCIe bare metal"),
        ("RTX5090_PCIE", "rtx-5090", "PCIe"), ("A100_80G_SXM4", "a100-80gb", "SXM4"), ("H100_SXM5", "h100-80gb", "SXM5"),
        ("H100_NVL", "h100-nvl", ""), ("H100-80G-PCIe-NVLink", "h100-80gb", "PCIe NVLink"),
        ("RTXPRO6000S", "rtx-pro-6000", ""), ("RTXPRO6000WS", "rtx-pro-6000", ""), ("RTXPRO6000-WK", "rtx-pro-6000", ""),
        ("RTX-PRO-6000", "rtx-pro-6000", ""), ("GTX1660S", "gtx-1660-super", ""), ("M4000", "quadro-m4000", ""),
        ("P4000", "quadro-p4000", ""), ("RTX-A4000", "rtx-a4000", ""),
    ])
    func realWorldNamesResolve(name: String, id: String, variant: String) throws {
        let resolution = try #require(catalog.resolve(name), "\(name) did not resolve")
        #expect(resolution.gpu.id == id)
        #expect(resolution.variant == variant)
    }

    @Test(arguments: ["RTX 4900", "A200", "L4 (48GB)", "SXM", "", "H1000"])
    func unknownNamesDoNotResolve(name: String) {
        #expect(catalog.resolve(name) == nil)
    }

    @Test func nearMissesSuggestTheClosestGPU() {
        #expect(catalog.suggestions(for: "RTX 4900").contains("RTX 4090"))
        #expect(catalog.suggestions(for: "A100-80B-SXM").first == "A100 (80GB)")
        #expect(catalog.suggestions(for: "H10").contains("H100 (80GB)"))
    }

    @Test func everySeedGPUAndCommonCatalogGPUIsBuiltIn() {
        for name in [
            "RTX 4090", "RTX 3090", "RTX 5090", "RTX A6000", "A100 (40GB)", "A100 (80GB)", "H100 (80GB)",
            "H200", "V100 (16GB)", "L4", "T4", "P100", "A10G", "A10", "A40", "L40S", "RTX 6000 Ada", "H100 NVL",
            "GH200", "B200", "MI300X",
        ] {
            #expect(catalog.resolve(name) != nil, "\(name) is not in the built-in catalog")
        }
        #expect(Set(catalog.gpus.map(\.id)).count == catalog.gpus.count)
    }
}

@Suite struct ProviderDeclarationTests {
    let known = Provider(id: "vast", name: "Vast.ai", shortName: "Vast", kind: .p2pMarketplace, url: "https://vast.ai")

    @Test func givenFieldsReplaceKnownOnes() {
        let kindOnly = Provider.declared(id: "vast", name: nil, shortName: nil, kind: .other, url: nil, known: known)
        #expect(kindOnly == Provider(id: "vast", name: "Vast.ai", shortName: "Vast", kind: .other, url: "https://vast.ai"))
        let renamed = Provider.declared(id: "vast", name: "Vast", shortName: nil, kind: nil, url: nil, known: known)
        #expect(renamed?.shortName == "Vast")
        #expect(renamed?.kind == .p2pMarketplace)
    }

    @Test func aNewProviderNeedsAName() {
        #expect(Provider.declared(id: "x", name: nil, shortName: nil, kind: .other, url: nil, known: nil) == nil)
        let new = Provider.declared(id: "x", name: "X Cloud", shortName: nil, kind: nil, url: nil, known: nil)
        #expect(new == Provider(id: "x", name: "X Cloud", shortName: "X Cloud", kind: .other, url: nil))
    }
}

/// The catalog covers what public catalogs list (issue: "the GPU catalog covers what public catalogs list"):
/// each name here must resolve to a GPU of that memory size as sold.
@Suite struct CatalogCoverageTests {
    let catalog = GPUCatalog()

    static let expected: [(name: String, memoryGB: Int)] = [
        // NVIDIA data-centre, Kepler to Blackwell, with the export variants.
        ("K10", 4), ("K20", 5), ("K40", 12), ("K80", 12), ("GRID K520", 4), ("M4", 4), ("M6", 8), ("M10", 32),
        ("M40", 12), ("M40 24GB", 24), ("M60", 8), ("P4", 8), ("P6", 16), ("P40", 24), ("P100", 16), ("P100 12GB", 12),
        ("V100", 16), ("V100 32GB", 32), ("V100S", 32), ("T4", 16), ("A2", 16), ("A10", 24), ("A10G", 24), ("A16", 16),
        ("A30", 24), ("A40", 48), ("A100", 40), ("A100 80GB", 80), ("A800", 40), ("A800 80GB", 80), ("L2", 24), ("L4", 24),
        ("L20", 48), ("L40", 48), ("L40S", 48), ("H100", 80), ("H100 NVL", 94), ("H800", 80), ("H20", 96), ("H200", 141),
        ("H200 NVL", 141), ("GH200", 96), ("B100", 192), ("B200", 180), ("GB200", 186), ("B300", 288), ("GB300", 288),
        // GeForce, 10 to 50 series, Ti and Super.
        ("GTX 1050", 2), ("GTX 1050 Ti", 4), ("GTX 1060", 6), ("GTX 1070", 8), ("GTX 1070 Ti", 8), ("GTX 1080", 8),
        ("GTX 1080 Ti", 11), ("Titan Xp", 12), ("Titan V", 12), ("GTX 1650", 4), ("GTX 1650 Super", 4), ("GTX 1660", 6),
        ("GTX 1660 Super", 6), ("GTX 1660 Ti", 6), ("RTX 2060", 6), ("RTX 2060 Super", 8), ("RTX 2070", 8),
        ("RTX 2070 Super", 8), ("RTX 2080", 8), ("RTX 2080 Super", 8), ("RTX 2080 Ti", 11), ("Titan RTX", 24),
        ("RTX 3050", 8), ("RTX 3060", 12), ("RTX 3060 Ti", 8), ("RTX 3070", 8), ("RTX 3070 Ti", 8), ("RTX 3080", 10),
        ("RTX 3080 Ti", 12), ("RTX 3090", 24), ("RTX 3090 Ti", 24), ("RTX 4060", 8), ("RTX 4060 Ti", 16),
        ("RTX 4070", 12), ("RTX 4070 Super", 12), ("RTX 4070 Ti", 12), ("RTX 4070 Ti Super", 16), ("RTX 4080", 16),
        ("RTX 4080 Super", 16), ("RTX 4090", 24), ("RTX 4090 D", 24), ("RTX 5050", 8), ("RTX 5060", 8),
        ("RTX 5060 Ti", 16), ("RTX 5070", 12), ("RTX 5070 Ti", 16), ("RTX 5080", 16), ("RTX 5090", 32),
        // Workstation: Quadro, RTX A, RTX Ada, RTX PRO Blackwell.
        ("Quadro M4000", 8), ("Quadro P4000", 8), ("Quadro P5000", 16), ("Quadro P6000", 24), ("Quadro GV100", 32), ("Quadro RTX 4000", 8),
        ("Quadro RTX 5000", 16), ("Quadro RTX 6000", 24), ("Quadro RTX 8000", 48), ("RTX A2000", 12), ("RTX A4000", 16),
        ("RTX A4500", 20), ("RTX A5000", 24), ("RTX A5500", 24), ("RTX A6000", 48), ("RTX 2000 Ada", 16),
        ("RTX 4000 SFF Ada", 20), ("RTX 4000 Ada", 20), ("RTX 4500 Ada", 24), ("RTX 5000 Ada", 32), ("RTX 6000 Ada", 48),
        ("RTX PRO 4000 Blackwell", 24), ("RTX PRO 4500", 32), ("RTX PRO 5000", 48), ("RTX PRO 6000 Blackwell", 96),
        // AMD Instinct MI25 to MI355X, and Radeon cards that are rented.
        ("MI25", 16), ("MI50", 16), ("MI50 32GB", 32), ("MI60", 32), ("MI100", 32), ("MI210", 64), ("MI250", 128), ("MI250X", 128),
        ("MI300A", 128), ("MI300X", 192), ("MI325X", 256), ("MI350X", 288), ("MI355X", 288), ("Radeon Pro V520", 8),
        ("Radeon Pro V620", 32), ("Radeon Pro W6800", 32), ("Radeon Pro W7800", 32), ("Radeon Pro W7900", 48),
        ("Radeon RX 7900 XTX", 24), ("Radeon RX 7900 XT", 20), ("AMD Radeon RX 6800 XT", 16),
    ]

    @Test func everyListedGPUResolvesWithItsMemory() throws {
        for (name, memory) in Self.expected {
            let resolution = try #require(catalog.resolve(name), "\(name) is not in the catalog")
            #expect(resolution.gpu.memoryGB == memory, "\(name)")
        }
        #expect(Set(Self.expected.map { catalog.resolve($0.name)?.gpu.id }).count == Self.expected.count)
    }

    /// Every id, name and alias of the catalog answers to its own GPU: no entry shadows another.
    @Test func noNameMeansTwoGPUs() {
        for gpu in catalog.gpus {
            for name in [gpu.id, gpu.name] + gpu.aliases {
                #expect(catalog.resolve(name)?.gpu.id == gpu.id, "\(name) does not resolve to \(gpu.id)")
            }
        }
    }

    @Test(arguments: ["Inferentia2", "Trainium", "Trainium2", "tpu-v5-lite-podslice", "TPU v4", "Gaudi HL-205", "Intel Gaudi2"])
    func acceleratorsThatAreNotGPUsAreRecognised(name: String) {
        #expect(GPUCatalog.isNonGPUAccelerator(name))
        #expect(catalog.resolve(name) == nil)
    }

    @Test(arguments: ["H100", "A10G", "RTX 4090", "MI300X", "T4", "L4"])
    func gpusAreNotTakenForOtherAccelerators(name: String) {
        #expect(!GPUCatalog.isNonGPUAccelerator(name))
    }
}

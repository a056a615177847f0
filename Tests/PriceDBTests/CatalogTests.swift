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

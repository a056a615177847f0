/// The providers pricedb knows without being told: the clouds SkyPilot publishes catalogs for (the folders of
/// its `catalogs/v7/` tree), each with its display name, column label and kind. A catalog of one of them needs
/// no `--provider-name` or `--provider-kind`, and a snapshot may name one without declaring it; what a snapshot
/// or a flag says still overrides. (SkyPilot publishes some clouds in its newest layouts only, and retires
/// others; `fetch` reads those a sources file names, `backfill` those the repository holds.)
public enum ProviderRegistry {
    /// A known provider, and whether SkyPilot's catalog of it lists GPUs (`fetch` reads those by default).
    public struct Entry: Sendable {
        public let provider: Provider
        public let listsGPUs: Bool
    }

    public static let entries: [Entry] = [
        entry("aws", "Amazon Web Services", "AWS", .hyperscaler, "https://aws.amazon.com/ec2/pricing/on-demand/"),
        entry("gcp", "Google Cloud Platform", "GCP", .hyperscaler, "https://cloud.google.com/compute/gpus-pricing"),
        entry("azure", "Microsoft Azure", "Azure", .hyperscaler, "https://azure.microsoft.com/en-us/pricing/details/virtual-machines/linux/"),
        entry("oci", "Oracle Cloud Infrastructure", "OCI", .hyperscaler, "https://www.oracle.com/cloud/compute/gpu/pricing/"),
        entry("ibm", "IBM Cloud", "IBM", .hyperscaler, "https://www.ibm.com/cloud/gpu"),
        entry("lambda", "Lambda", "Lambda", .managedCloud, "https://lambda.ai/pricing"),
        entry("runpod", "RunPod", "RunPod", .managedCloud, "https://www.runpod.io/gpu-instance/pricing"),
        entry("vast", "Vast.ai", "Vast.ai", .p2pMarketplace, "https://cloud.vast.ai/"),
        entry("fluidstack", "Fluidstack", "Fluidstack", .managedCloud, "https://www.fluidstack.io/pricing"),
        entry("cudo", "CUDO Compute", "CUDO", .managedCloud, "https://www.cudocompute.com/pricing"),
        entry("paperspace", "Paperspace", "Paperspace", .managedCloud, "https://www.paperspace.com/pricing"),
        entry("do", "DigitalOcean", "DO", .managedCloud, "https://www.digitalocean.com/pricing/gpu-droplets"),
        entry("nebius", "Nebius", "Nebius", .managedCloud, "https://nebius.com/prices"),
        entry("hyperbolic", "Hyperbolic", "Hyperbolic", .managedCloud, "https://hyperbolic.ai/pricing"),
        entry("primeintellect", "Prime Intellect", "Prime", .managedCloud, "https://www.primeintellect.ai/"),
        entry("seeweb", "Seeweb", "Seeweb", .managedCloud, "https://www.seeweb.it/en/products/cloud-server-gpu"),
        entry("shadeform", "Shadeform", "Shadeform", .p2pMarketplace, "https://www.shadeform.ai/"),
        entry("simplepod", "SimplePod", "SimplePod", .p2pMarketplace, "https://simplepod.ai/"),
        entry("mithril", "Mithril", "Mithril", .managedCloud, "https://mithril.ai/"),
        entry("verda", "Verda (DataCrunch)", "Verda", .managedCloud, "https://verda.com/"),
        entry("jarvislabs", "Jarvis Labs", "Jarvis", .managedCloud, "https://jarvislabs.ai/pricing"),
        entry("lium", "Lium", "Lium", .p2pMarketplace, "https://lium.io/"),
        entry("scaleway", "Scaleway", "Scaleway", .managedCloud, "https://www.scaleway.com/en/pricing/gpu/"),
        entry("ovhcloud", "OVHcloud", "OVH", .managedCloud, "https://www.ovhcloud.com/en/public-cloud/prices/"),
        entry("scp", "Samsung Cloud Platform", "SCP", .hyperscaler, "https://cloud.samsungsds.com/", listsGPUs: false),
    ]

    private static func entry(
        _ id: String, _ name: String, _ short: String, _ kind: Provider.Kind, _ url: String, listsGPUs: Bool = true
    ) -> Entry {
        Entry(provider: Provider(id: id, name: name, shortName: short, kind: kind, url: url), listsGPUs: listsGPUs)
    }

    /// The built-in provider with this id.
    public static func provider(id: String) -> Provider? {
        entries.first { $0.provider.id == id }?.provider
    }

    /// The clouds `fetch` reads by default: every registry cloud whose catalog lists GPUs.
    public static var gpuClouds: [String] { entries.filter(\.listsGPUs).map(\.provider.id) }

    /// `known` with every built-in provider it lacks added: what the database knows comes first.
    public static func adding(to known: [Provider]) -> [Provider] {
        let ids = Set(known.map(\.id))
        return known + entries.map(\.provider).filter { !ids.contains($0.id) }
    }

    /// The cloud a catalog's path names: the folder holding `vms.csv` (`…/catalogs/v7/aws/vms.csv` is `aws`), if
    /// the file is a `vms.csv` and the folder is a provider id.
    public static func cloud(ofCatalogAt path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, parts.last == "vms.csv" else { return nil }
        let folder = String(parts[parts.count - 2])
        return SnapshotDecoder.isSlug(folder) ? folder : nil
    }
}

/// Turns the names a user typed (`--gpus`, `--providers`) into catalog GPUs and known providers, in the
/// user's order, with errors that suggest the closest known names.
public struct Selection: Sendable {
    public let catalog: GPUCatalog
    public let providers: [Provider]

    public init(store: PriceStore) throws(QueryError) {
        do {
            catalog = try store.catalog()
            providers = try store.providersInReportOrder()
        } catch {
            throw .store(error)
        }
    }

    /// The one GPU `name` stands for; a family name (`A100`) is refused with its GPUs to choose from.
    public func gpu(named name: String) throws(QueryError) -> GPU {
        let family = catalog.family(named: name)
        if !family.isEmpty { throw .ambiguousGPU(name, choices: family.map(\.name)) }
        return try resolved(name)
    }

    private func resolved(_ name: String) throws(QueryError) -> GPU {
        guard let resolution = catalog.resolve(name) else {
            throw .unknownGPU(name, suggestions: catalog.suggestions(for: name))
        }
        return resolution.gpu
    }

    public func provider(id: String) throws(QueryError) -> Provider {
        let key = id.lowercased()
        guard let provider = providers.first(where: { $0.id == key || $0.shortName.lowercased() == key }) else {
            throw .unknownProvider(id, known: providers.map(\.id))
        }
        return provider
    }

    /// The GPUs `names` stand for, in order; a family name (`A100`) stands for each of its GPUs.
    public func gpus(named names: [String]) throws(QueryError) -> [GPU] {
        var gpus: [GPU] = []
        for name in names {
            let family = catalog.family(named: name)
            for gpu in family.isEmpty ? [try resolved(name)] : family where !gpus.contains(gpu) { gpus.append(gpu) }
        }
        return gpus
    }

    public func providers(ids: [String]) throws(QueryError) -> [Provider] {
        var chosen: [Provider] = []
        for id in ids {
            let provider = try provider(id: id)
            if !chosen.contains(provider) { chosen.append(provider) }
        }
        return chosen
    }
}

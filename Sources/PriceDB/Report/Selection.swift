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

    public func gpu(named name: String) throws(QueryError) -> GPU {
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

    public func gpus(named names: [String]) throws(QueryError) -> [GPU] {
        var gpus: [GPU] = []
        for name in names {
            let gpu = try gpu(named: name)
            if !gpus.contains(gpu) { gpus.append(gpu) }
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

/// A company or marketplace that rents GPUs, identified by a short lower-case id such as `aws` or `vast`.
public struct Provider: Hashable, Sendable {
    public var id: String
    public var name: String
    /// The column header in comparison tables (`AWS`, `Vast.ai`).
    public var shortName: String
    public var kind: Kind
    public var url: String?

    public init(id: String, name: String, shortName: String, kind: Kind, url: String?) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.url = url
    }

    /// A provider as a file declares it, on top of what the database knew (`known`): fields given replace
    /// known ones; a new name also becomes the short name unless one is given; a new provider without a name
    /// is `nil`.
    public static func declared(
        id: String, name: String?, shortName: String?, kind: Kind?, url: String?, known: Provider?
    ) -> Provider? {
        guard let fullName = name ?? known?.name else { return nil }
        return Provider(
            id: id, name: fullName, shortName: shortName ?? (name == nil ? known?.shortName : nil) ?? fullName,
            kind: kind ?? known?.kind ?? .other, url: url ?? known?.url)
    }

    /// The business model, which the reports group providers by.
    public enum Kind: String, CaseIterable, Sendable {
        case hyperscaler
        case managedCloud = "managed-cloud"
        case p2pMarketplace = "p2p-marketplace"
        case other
    }
}

/// One entry of a provider's feature table (`uptime_sla: "99.99%"`), as a snapshot reported it.
public struct ProviderFeature: Hashable, Sendable {
    public var name: String
    public var value: Value

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    public enum Value: Hashable, Sendable {
        case string(String)
        /// A number as written in the file, kept as exact text.
        case number(String)
        case boolean(Bool)
    }
}

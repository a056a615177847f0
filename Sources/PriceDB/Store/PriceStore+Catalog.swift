import GRDB

extension PriceStore {
    /// Every provider the database knows, by id.
    public func providers() throws(StoreError) -> [Provider] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM provider ORDER BY id").map { row in
                Provider(
                    id: row["id"], name: row["name"], shortName: row["short_name"],
                    kind: Provider.Kind(rawValue: row["kind"]) ?? .other, url: row["url"])
            }
        }
    }

    /// The built-in catalog together with the GPUs that ingested files declared.
    public func catalog() throws(StoreError) -> GPUCatalog {
        var catalog = GPUCatalog()
        let stored: [GPU] = try read { db in
            let aliases = Dictionary(
                grouping: try Row.fetchAll(db, sql: "SELECT gpu_id, alias FROM gpu_alias ORDER BY alias"),
                by: { $0["gpu_id"] as String })
            return try Row.fetchAll(db, sql: "SELECT * FROM gpu ORDER BY id").map { row in
                let id: String = row["id"]
                return GPU(
                    id: id, name: row["name"], memoryGB: row["memory_gb"],
                    gpuClass: GPUClass(rawValue: row["class"]) ?? .datacenter,
                    aliases: (aliases[id] ?? []).map { $0["alias"] })
            }
        }
        for gpu in stored where catalog.gpu(id: gpu.id) == nil {
            catalog.add(gpu)
        }
        return catalog
    }

    /// The features each provider reported in its newest snapshot on or before `day`, in the order the file gave
    /// them.
    public func features(asOf day: Day) throws(StoreError) -> [String: [ProviderFeature]] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.provider_id, f.name, f.value_type, f.value
                    FROM provider_feature f JOIN snapshot s ON s.id = f.snapshot_id
                    WHERE s.id = (
                        SELECT s2.id FROM provider_feature f2 JOIN snapshot s2 ON s2.id = f2.snapshot_id
                        WHERE f2.provider_id = f.provider_id AND s2.observed_on <= ?
                        ORDER BY s2.observed_on DESC, s2.id DESC LIMIT 1)
                    ORDER BY f.provider_id, f.position
                    """,
                arguments: [day.description])
            return Dictionary(grouping: rows, by: { $0["provider_id"] as String }).mapValues { rows in
                rows.map { ProviderFeature(name: $0["name"], value: Self.featureValue(type: $0["value_type"], value: $0["value"])) }
            }
        }
    }
}

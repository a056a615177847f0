/// The history as one row per offer and observed day, as schema 3 stored it: a run stands for its offer on every
/// day of its feed that it covers. Tests read stored prices through it.
enum StoredObservations {
    static let table = """
        (SELECT o.id, o.provider_id, o.gpu_id, o.gpu_label, o.variant, o.gpu_count_millionths, o.instance, o.region,
            o.tier, o.currency, r.price_low_micros, r.price_high_micros, r.status, r.approximate, r.note,
            d.snapshot_id, d.observed_on
         FROM offer o JOIN price_run r ON r.offer_id = o.id
         JOIN feed_day d ON d.feed_id = o.feed_id AND d.observed_on BETWEEN r.first_seen AND r.last_seen)
        """
}

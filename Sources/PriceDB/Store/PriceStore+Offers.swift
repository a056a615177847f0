import GRDB

extension PriceStore {
    /// An offer as of a day: the run that gives its price then, and the day it was last seen on or before it.
    public struct OfferSighting: Sendable {
        public var offer: Offer
        public var day: Day
        public var price: PriceRange?
        public var status: Status
        public var approximate: Bool
        public var note: String?
    }

    /// Every offer of the filter with a sighting on or before `day`, with the day of that sighting: per offer,
    /// the run that covers its feed's latest day on or before `day`, else the run before (as the grid finds
    /// them, one seek each).
    public func offerSightings(asOf day: Day, _ filter: SeriesFilter) throws(StoreError) -> [OfferSighting] {
        try read { db in
            let rows = try SQLRequest<Row>(
                literal: """
                    WITH latest_day AS MATERIALIZED (
                        SELECT f.id AS feed_id, (
                            SELECT max(d.observed_on) FROM feed_day d WHERE d.feed_id = f.id AND d.observed_on <= \(day.description)
                        ) AS day,
                        (SELECT max(d.observed_on) FROM feed_day d WHERE d.feed_id = f.id) AS latest
                        FROM feed f WHERE f.provider_id IN \(filter.providers)
                    )
                    SELECT o.*,
                        CASE WHEN a.first_seen <= l.day THEN l.day ELSE b.last_seen END AS seen_on,
                        CASE WHEN a.first_seen <= l.day THEN a.status ELSE b.status END AS status,
                        CASE WHEN a.first_seen <= l.day THEN a.price_low_micros ELSE b.price_low_micros END AS low,
                        CASE WHEN a.first_seen <= l.day THEN a.price_high_micros ELSE b.price_high_micros END AS high,
                        CASE WHEN a.first_seen <= l.day THEN a.approximate ELSE b.approximate END AS approximate,
                        CASE WHEN a.first_seen <= l.day THEN a.note ELSE b.note END AS note
                    FROM offer o JOIN latest_day l ON l.feed_id = o.feed_id
                    LEFT JOIN price_run a ON a.offer_id = o.id
                        AND a.last_seen = CASE WHEN l.day = l.latest THEN \(Self.openEnd)
                            ELSE (SELECT min(x.last_seen) FROM price_run x WHERE x.offer_id = o.id AND x.last_seen >= l.day) END
                    LEFT JOIN price_run b ON b.offer_id = o.id
                        AND b.last_seen = CASE WHEN a.first_seen <= l.day THEN NULL
                            ELSE (SELECT max(x.last_seen) FROM price_run x WHERE x.offer_id = o.id AND x.last_seen < l.day) END
                    WHERE l.day IS NOT NULL AND \(filter.condition)
                    ORDER BY o.id
                    """
            ).fetchAll(db)
            return try rows.compactMap { row throws -> OfferSighting? in
                guard let text = row["seen_on"] as String? else { return nil }
                guard let seen = Day(text) else { throw StoreError.damaged("a run has the day \(text)") }
                return OfferSighting(
                    offer: try Self.offer(row), day: seen, price: Self.priceRange(low: row["low"], high: row["high"]),
                    status: Status(rawValue: row["status"]) ?? .available, approximate: row["approximate"], note: row["note"])
            }
        }
    }
}

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
        /// The feed (the provider as one source reports it) that saw the offer, and that source's name.
        public var feedID: Int64
        public var source: String
    }

    /// The statement of `offerSightings`; a test checks that SQLite answers it with seeks of `price_run`'s key.
    static func offerSightingsQuery(asOf day: Day, _ filter: SeriesFilter) -> SQL {
        """
        \(latestDays(day, filter))
        SELECT \(sql: offerColumns("o")), \(current("day")), \(current("status")),
            \(current("price_low_micros")), \(current("price_high_micros")),
            \(current("approximate")), \(current("note")),
            o.feed_id, (SELECT f.source FROM feed f WHERE f.id = o.feed_id)
        \(runsAsOfLatestDay(filter))
        ORDER BY o.id
        """
    }

    /// Every offer of the filter with a sighting on or before `day`, with the day of that sighting: per offer,
    /// the run that covers its feed's latest day on or before `day`, else the run before (one seek each).
    public func offerSightings(asOf day: Day, _ filter: SeriesFilter) throws(StoreError) -> [OfferSighting] {
        try read { db in
            let rows = try SQLRequest<Row>(literal: Self.offerSightingsQuery(asOf: day, filter)).fetchCursor(db)
            let at = Self.offerColumnCount
            var sightings: [OfferSighting] = []
            while let row = try rows.next() {
                guard let text = row[at] as String? else { continue }
                guard let seen = Day(text) else { throw StoreError.damaged("a run has the day \(text)") }
                sightings.append(
                    OfferSighting(
                        offer: try Self.offer(row), day: seen, price: Self.priceRange(low: row[at + 2], high: row[at + 3]),
                        status: Status(rawValue: row[at + 1]) ?? .available, approximate: row[at + 4], note: row[at + 5],
                        feedID: row[at + 6], source: row[at + 7]))
            }
            return sightings
        }
    }
}

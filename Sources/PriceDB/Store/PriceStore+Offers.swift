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
                    \(Self.latestDays(day, filter))
                    SELECT o.*, \(Self.current("day")) AS seen_on, \(Self.current("status")) AS status,
                        \(Self.current("price_low_micros")) AS low, \(Self.current("price_high_micros")) AS high,
                        \(Self.current("approximate")) AS approximate, \(Self.current("note")) AS note
                    \(Self.runsAsOfLatestDay(filter))
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

-- A summary of the runs, kept by every write that changes them: for each day a feed was observed, its offers of
-- each GPU and tier grouped by status, unit size and currency, with the lowest and highest price and how many
-- offers there were. What a cell, a spread or a chart needs is then a few rows per series and day, however many
-- instances and regions a catalog lists; the runs stay the record (and the only source for a question about
-- regions). `pricedb check` compares this table with the runs. Kept small, since it has a row per series and
-- day: the feed's id rather than its provider's, and the day as a count of days since 1970-01-01
-- (`date(day * 86400, 'unixepoch')` is the date).
CREATE TABLE series_day (
    feed_id              INTEGER NOT NULL REFERENCES feed(id),
    gpu_id               TEXT NOT NULL,
    tier                 TEXT NOT NULL,
    day                  INTEGER NOT NULL,
    status               TEXT NOT NULL,
    gpu_count_millionths INTEGER NOT NULL,
    currency             TEXT NOT NULL,
    price_low_micros     INTEGER,
    price_high_micros    INTEGER,
    approximate          INTEGER NOT NULL,
    offers               INTEGER NOT NULL CHECK (offers > 0),
    PRIMARY KEY (feed_id, gpu_id, tier, day, status, gpu_count_millionths, currency)
) STRICT, WITHOUT ROWID;

-- Each observed day's offers are those whose run covers it (runs of one offer never overlap).
INSERT INTO series_day
SELECT o.feed_id, o.gpu_id, o.tier, CAST(julianday(d.observed_on) - 2440587.5 AS INTEGER), r.status,
    o.gpu_count_millionths, o.currency, min(r.price_low_micros), max(r.price_high_micros), max(r.approximate), count(*)
FROM (SELECT DISTINCT feed_id, observed_on FROM feed_day) d
JOIN offer o ON o.feed_id = d.feed_id
JOIN price_run r ON r.offer_id = o.id
    AND r.last_seen = (SELECT min(x.last_seen) FROM price_run x WHERE x.offer_id = o.id AND x.last_seen >= d.observed_on)
    AND r.first_seen <= d.observed_on
GROUP BY o.feed_id, o.gpu_id, o.tier, d.observed_on, r.status, o.gpu_count_millionths, o.currency;

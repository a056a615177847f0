-- pricedb schema, version 4: the history is stored as price runs instead of one row per observation.
--
-- Prices change rarely and catalogs are re-observed daily, so storing every observed row made a database grow
-- with days, not with price changes. Now:
--   feed       one provider as one source reports it (the snapshot's source name, else its format);
--   feed_day   the days each feed was observed, and by which snapshot: an offer missing from a later day of its
--              feed is known to be gone, and "the latest observation on or before D" stays a seek;
--   offer      what is sold: provider, GPU as written, variant, unit size, instance, region, tier, currency;
--   price_run  an offer's price (or status) from the first to the last day it was seen at that price, on
--              every day of its feed in between, with the snapshots that first and last saw it. A run the feed's
--              latest day still saw is open: its last day reads 9999-12-31 and it has no last snapshot yet.
-- A re-observation at an unchanged price writes nothing but the day; a change closes a run and opens another.
-- Snapshots are now told apart by content, provider(s) and observation day, so an unchanged catalog ingested
-- under a new date is recorded. Existing observations convert losslessly: consecutive days of a feed with the
-- same offer and price become one run. (Foreign keys are off while a migration runs, and checked before it
-- commits.)

CREATE TABLE snapshot_v4 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256              TEXT NOT NULL CHECK (length(sha256) = 64),
    format              TEXT NOT NULL,
    observed_on         TEXT NOT NULL CHECK (date(observed_on) IS observed_on),
    -- The providers the snapshot observed, sorted and comma-separated: with the content and the day, what
    -- makes a snapshot the same as one ingested before.
    provider_ids        TEXT NOT NULL,
    source_name         TEXT,
    source_url          TEXT,
    source_published    TEXT CHECK (source_published IS NULL OR date(source_published) IS source_published),
    file_name           TEXT NOT NULL,
    ingested_at         TEXT NOT NULL,
    observation_count   INTEGER NOT NULL CHECK (observation_count >= 0),
    provider_count      INTEGER NOT NULL CHECK (provider_count >= 0),
    gpu_count           INTEGER NOT NULL CHECK (gpu_count >= 0),
    skipped_count       INTEGER NOT NULL DEFAULT 0 CHECK (skipped_count >= 0),
    UNIQUE (sha256, observed_on, provider_ids)
) STRICT;

INSERT INTO snapshot_v4 (id, sha256, format, observed_on, provider_ids, source_name, source_url, source_published,
    file_name, ingested_at, observation_count, provider_count, gpu_count, skipped_count)
SELECT s.id, s.sha256, s.format, s.observed_on,
    coalesce((SELECT group_concat(provider_id, ',') FROM (
        SELECT DISTINCT provider_id FROM observation o WHERE o.snapshot_id = s.id ORDER BY provider_id)), ''),
    s.source_name, s.source_url, s.source_published, s.file_name, s.ingested_at, s.observation_count,
    s.provider_count, s.gpu_count, s.skipped_count
FROM snapshot s;

CREATE TABLE feed (
    id          INTEGER PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES provider(id),
    source      TEXT NOT NULL,
    UNIQUE (provider_id, source)
) STRICT;

CREATE TABLE feed_day (
    feed_id     INTEGER NOT NULL REFERENCES feed(id),
    observed_on TEXT NOT NULL CHECK (date(observed_on) IS observed_on),
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    PRIMARY KEY (feed_id, observed_on, snapshot_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX feed_day_snapshot ON feed_day(snapshot_id);
-- The first and last observation days of the database are two seeks.
CREATE INDEX feed_day_observed_on ON feed_day(observed_on);

CREATE TABLE offer (
    id                   INTEGER PRIMARY KEY,
    feed_id              INTEGER NOT NULL REFERENCES feed(id),
    provider_id          TEXT NOT NULL REFERENCES provider(id),
    gpu_id               TEXT NOT NULL REFERENCES gpu(id),
    gpu_label            TEXT NOT NULL,  -- the GPU's name as the source wrote it, for provenance
    variant              TEXT NOT NULL DEFAULT '',
    gpu_count_millionths INTEGER NOT NULL CHECK (gpu_count_millionths > 0 AND gpu_count_millionths <= 64000000),
    instance             TEXT NOT NULL DEFAULT '',
    region               TEXT NOT NULL DEFAULT '',
    tier                 TEXT NOT NULL CHECK (tier IN ('on-demand', 'spot', 'reserved', 'community', 'secure', 'marketplace')),
    currency             TEXT NOT NULL CHECK (length(currency) = 3),
    UNIQUE (feed_id, gpu_id, gpu_label, variant, gpu_count_millionths, instance, region, tier, currency)
) STRICT;
-- A series (provider, GPU, tier) is an index range of offers, which holds what a report's grid needs of them.
CREATE INDEX offer_series ON offer(provider_id, gpu_id, tier, feed_id, gpu_count_millionths, currency, region);
CREATE INDEX offer_gpu ON offer(gpu_id);

CREATE TABLE price_run (
    offer_id            INTEGER NOT NULL REFERENCES offer(id),
    last_seen           TEXT NOT NULL CHECK (date(last_seen) IS last_seen),
    first_seen          TEXT NOT NULL CHECK (date(first_seen) IS first_seen AND first_seen <= last_seen),
    price_low_micros    INTEGER CHECK (price_low_micros >= 0),
    price_high_micros   INTEGER CHECK (price_high_micros >= price_low_micros),
    status              TEXT NOT NULL CHECK (status IN ('available', 'unavailable', 'coming-soon')),
    approximate         INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    note                TEXT,
    first_snapshot_id   INTEGER NOT NULL REFERENCES snapshot(id),
    last_snapshot_id    INTEGER REFERENCES snapshot(id),
    CHECK ((last_seen = '9999-12-31') = (last_snapshot_id IS NULL)),
    CHECK ((status = 'available') = (price_low_micros IS NOT NULL AND price_high_micros IS NOT NULL)),
    CHECK ((price_low_micros IS NULL) = (price_high_micros IS NULL)),
    -- Runs of one offer never overlap, so the day a run ends names it. Kept in that order, an offer's run on or
    -- after a day is one seek, and the row is the index entry (no second lookup).
    PRIMARY KEY (offer_id, last_seen)
) STRICT, WITHOUT ROWID;

INSERT INTO feed (provider_id, source)
SELECT o.provider_id, coalesce(s.source_name, s.format)
FROM observation o JOIN snapshot s ON s.id = o.snapshot_id
GROUP BY o.provider_id, coalesce(s.source_name, s.format)
ORDER BY min(o.id);

INSERT INTO feed_day (feed_id, observed_on, snapshot_id)
SELECT DISTINCT f.id, o.observed_on, o.snapshot_id
FROM observation o JOIN snapshot s ON s.id = o.snapshot_id
JOIN feed f ON f.provider_id = o.provider_id AND f.source = coalesce(s.source_name, s.format);

INSERT INTO offer (feed_id, provider_id, gpu_id, gpu_label, variant, gpu_count_millionths, instance, region, tier, currency)
SELECT f.id, o.provider_id, o.gpu_id, o.gpu_label, o.variant, o.gpu_count_millionths, o.instance, o.region, o.tier,
    o.currency
FROM observation o JOIN snapshot s ON s.id = o.snapshot_id
JOIN feed f ON f.provider_id = o.provider_id AND f.source = coalesce(s.source_name, s.format)
GROUP BY f.id, o.gpu_id, o.gpu_label, o.variant, o.gpu_count_millionths, o.instance, o.region, o.tier, o.currency
ORDER BY min(o.id);

-- Each offer's value on each day it was seen (two snapshots of one feed and day fold into one range), then
-- consecutive days of its feed with the same value become one run (the gaps-and-islands method: within one
-- value, the day's position in the feed minus the sighting's position is constant along a run).
INSERT INTO price_run (offer_id, first_seen, last_seen, price_low_micros, price_high_micros, status, approximate,
    note, first_snapshot_id, last_snapshot_id)
WITH sighting AS (
    SELECT f.id AS feed_id, ofr.id AS offer_id, o.observed_on AS day,
        min(o.price_low_micros) AS low, max(o.price_high_micros) AS high, min(o.status) AS status,
        max(o.approximate) AS approximate, min(o.note) AS note,
        min(o.snapshot_id) AS first_snapshot, max(o.snapshot_id) AS last_snapshot
    FROM observation o JOIN snapshot s ON s.id = o.snapshot_id
    JOIN feed f ON f.provider_id = o.provider_id AND f.source = coalesce(s.source_name, s.format)
    JOIN offer ofr ON ofr.feed_id = f.id AND ofr.gpu_id = o.gpu_id AND ofr.gpu_label = o.gpu_label
        AND ofr.variant = o.variant AND ofr.gpu_count_millionths = o.gpu_count_millionths
        AND ofr.instance = o.instance AND ofr.region = o.region AND ofr.tier = o.tier AND ofr.currency = o.currency
    GROUP BY ofr.id, o.observed_on
),
feed_position AS (
    SELECT feed_id, observed_on AS day, dense_rank() OVER (PARTITION BY feed_id ORDER BY observed_on) AS position
    FROM (SELECT DISTINCT feed_id, observed_on FROM feed_day)
),
island AS (
    SELECT g.*, p.position - row_number() OVER (
            PARTITION BY g.offer_id, g.low, g.high, g.status, g.approximate, g.note ORDER BY p.position) AS island
    FROM sighting g JOIN feed_position p ON p.feed_id = g.feed_id AND p.day = g.day
)
SELECT offer_id, min(day), max(day), low, high, status, approximate, note, min(first_snapshot), max(last_snapshot)
FROM island
GROUP BY offer_id, low, high, status, approximate, note, island
ORDER BY offer_id, min(day);

-- Runs that reach their feed's latest day are open.
UPDATE price_run SET last_seen = '9999-12-31', last_snapshot_id = NULL
WHERE last_seen = (SELECT max(d.observed_on) FROM feed_day d JOIN offer o ON o.feed_id = d.feed_id WHERE o.id = price_run.offer_id);

DROP VIEW observation_decimal;
DROP TABLE observation;
DROP TABLE snapshot;
ALTER TABLE snapshot_v4 RENAME TO snapshot;
CREATE INDEX snapshot_observed_on ON snapshot(observed_on);

-- For people reading the database with `sqlite3`, with exact decimal prices built from the integers.
-- One row per run: what an offer cost from when to when (an open run's last day is its feed's latest).
CREATE VIEW price_run_decimal AS
SELECT
    r.offer_id, o.provider_id, o.gpu_id, o.gpu_label, o.variant,
    (o.gpu_count_millionths / 1000000) || '.' || substr('000000' || (o.gpu_count_millionths % 1000000), -6) AS gpu_count,
    o.instance, o.region, o.tier, o.currency, r.first_seen,
    CASE WHEN r.last_seen = '9999-12-31'
        THEN (SELECT max(d.observed_on) FROM feed_day d WHERE d.feed_id = o.feed_id) ELSE r.last_seen END AS last_seen,
    (r.price_low_micros / 1000000) || '.' || substr('000000' || (r.price_low_micros % 1000000), -6) AS price_low,
    (r.price_high_micros / 1000000) || '.' || substr('000000' || (r.price_high_micros % 1000000), -6) AS price_high,
    r.status, r.approximate, r.note, r.first_snapshot_id, r.last_snapshot_id
FROM price_run r JOIN offer o ON o.id = r.offer_id;

-- The columns of schema 3's view, one row per offer and day of its feed that a run covers (the snapshot is the
-- one that observed the feed that day; `id` is the offer's).
CREATE VIEW observation_decimal AS
SELECT
    o.id, d.snapshot_id, d.observed_on, o.provider_id, o.gpu_id, o.gpu_label, o.variant,
    (o.gpu_count_millionths / 1000000) || '.' || substr('000000' || (o.gpu_count_millionths % 1000000), -6) AS gpu_count,
    o.instance, o.region, o.tier, o.currency,
    (r.price_low_micros / 1000000) || '.' || substr('000000' || (r.price_low_micros % 1000000), -6) AS price_low,
    (r.price_high_micros / 1000000) || '.' || substr('000000' || (r.price_high_micros % 1000000), -6) AS price_high,
    r.status, r.approximate, r.note
FROM price_run r JOIN offer o ON o.id = r.offer_id
JOIN feed_day d ON d.feed_id = o.feed_id AND d.observed_on BETWEEN r.first_seen AND r.last_seen;

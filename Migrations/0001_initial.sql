-- pricedb schema, version 1.
-- Money is stored exactly as integer micro-units (1 USD = 1000000); GPU counts as integer millionths
-- (a quarter of a shared GPU is 250000), so no column ever holds a floating-point price.
-- Dates are ISO 8601 text (YYYY-MM-DD), which sorts and compares correctly as text.

CREATE TABLE provider (
    id          TEXT PRIMARY KEY NOT NULL CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('hyperscaler', 'managed-cloud', 'p2p-marketplace', 'other')),
    url         TEXT
) STRICT;

CREATE TABLE gpu (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL UNIQUE,
    memory_gb   INTEGER CHECK (memory_gb > 0),
    class       TEXT NOT NULL CHECK (class IN ('consumer', 'datacenter'))
) STRICT;

-- Aliases are stored by their resolution key: lower case, without spaces, hyphens, underscores and brackets.
CREATE TABLE gpu_alias (
    key         TEXT PRIMARY KEY NOT NULL,
    gpu_id      TEXT NOT NULL REFERENCES gpu(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL
) STRICT;
CREATE INDEX gpu_alias_gpu ON gpu_alias(gpu_id);

CREATE TABLE snapshot (
    id                  INTEGER PRIMARY KEY,
    sha256              TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    format              TEXT NOT NULL,
    observed_on         TEXT NOT NULL CHECK (observed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    source_name         TEXT,
    source_url          TEXT,
    source_published    TEXT,
    file_name           TEXT NOT NULL,
    ingested_at         TEXT NOT NULL,
    observation_count   INTEGER NOT NULL CHECK (observation_count >= 0),
    provider_count      INTEGER NOT NULL CHECK (provider_count >= 0),
    gpu_count           INTEGER NOT NULL CHECK (gpu_count >= 0),
    skipped_count       INTEGER NOT NULL DEFAULT 0 CHECK (skipped_count >= 0)
) STRICT;
CREATE INDEX snapshot_observed_on ON snapshot(observed_on);

-- Features are kept per snapshot, so that a report as of a date shows them as they were then.
CREATE TABLE provider_feature (
    provider_id TEXT NOT NULL REFERENCES provider(id) ON DELETE CASCADE,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    value_type  TEXT NOT NULL CHECK (value_type IN ('string', 'number', 'boolean')),
    value       TEXT NOT NULL,
    PRIMARY KEY (provider_id, snapshot_id, name)
) STRICT, WITHOUT ROWID;
CREATE INDEX provider_feature_snapshot ON provider_feature(snapshot_id);

CREATE TABLE observation (
    id                  INTEGER PRIMARY KEY,
    snapshot_id         INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
    provider_id         TEXT NOT NULL REFERENCES provider(id),
    gpu_id              TEXT NOT NULL REFERENCES gpu(id),
    gpu_label           TEXT NOT NULL,  -- the GPU's name as the source wrote it (`A100 PCIe (80GB)`), for provenance
    variant             TEXT NOT NULL DEFAULT '',
    gpu_count_millionths INTEGER NOT NULL CHECK (gpu_count_millionths > 0 AND gpu_count_millionths <= 64000000),
    instance            TEXT NOT NULL DEFAULT '',
    region              TEXT NOT NULL DEFAULT '',
    tier                TEXT NOT NULL CHECK (tier IN ('on-demand', 'spot', 'reserved', 'community', 'secure', 'marketplace')),
    currency            TEXT NOT NULL CHECK (length(currency) = 3),
    price_low_micros    INTEGER CHECK (price_low_micros >= 0),
    price_high_micros   INTEGER CHECK (price_high_micros >= price_low_micros),
    status              TEXT NOT NULL CHECK (status IN ('available', 'unavailable', 'coming-soon')),
    approximate         INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    observed_on         TEXT NOT NULL CHECK (observed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    note                TEXT,
    CHECK ((status = 'available') = (price_low_micros IS NOT NULL AND price_high_micros IS NOT NULL)),
    CHECK ((price_low_micros IS NULL) = (price_high_micros IS NULL))
) STRICT;
-- "The newest observation date of each series on or before D" is a seek on this index.
CREATE INDEX observation_series ON observation(provider_id, gpu_id, tier, observed_on);
CREATE INDEX observation_gpu_date ON observation(gpu_id, observed_on);
CREATE INDEX observation_snapshot ON observation(snapshot_id);

-- Observations with exact decimal prices for people reading the database with `sqlite3`: the text is built
-- from the integers, so it never shows floating-point residue (0.29 reads 0.290000, never 0.28999…).
CREATE VIEW observation_decimal AS
SELECT
    o.id, o.snapshot_id, o.observed_on, o.provider_id, o.gpu_id, o.gpu_label, o.variant,
    (o.gpu_count_millionths / 1000000) || '.' || substr('000000' || (o.gpu_count_millionths % 1000000), -6) AS gpu_count,
    o.instance, o.region, o.tier, o.currency,
    (o.price_low_micros / 1000000) || '.' || substr('000000' || (o.price_low_micros % 1000000), -6) AS price_low,
    (o.price_high_micros / 1000000) || '.' || substr('000000' || (o.price_high_micros % 1000000), -6) AS price_high,
    o.status, o.approximate, o.note
FROM observation o;

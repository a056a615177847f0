-- pricedb schema, version 3: a snapshot id is never given out twice. Snapshots can now be removed
-- (`pricedb snapshots remove`, `pricedb ingest --replace`), and an id that once named a removed snapshot must not
-- come to name another one in a log or a script. The dates must also be real days, not only look like them.
-- SQLite adds AUTOINCREMENT only to a new table, so the table is rebuilt (foreign keys are off while a
-- migration runs, and checked before it commits).

CREATE TABLE snapshot_v3 (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256              TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    format              TEXT NOT NULL,
    observed_on         TEXT NOT NULL CHECK (date(observed_on) IS observed_on),
    source_name         TEXT,
    source_url          TEXT,
    source_published    TEXT CHECK (source_published IS NULL OR date(source_published) IS source_published),
    file_name           TEXT NOT NULL,
    ingested_at         TEXT NOT NULL,
    observation_count   INTEGER NOT NULL CHECK (observation_count >= 0),
    provider_count      INTEGER NOT NULL CHECK (provider_count >= 0),
    gpu_count           INTEGER NOT NULL CHECK (gpu_count >= 0),
    skipped_count       INTEGER NOT NULL DEFAULT 0 CHECK (skipped_count >= 0)
) STRICT;

INSERT INTO snapshot_v3 (id, sha256, format, observed_on, source_name, source_url, source_published, file_name,
    ingested_at, observation_count, provider_count, gpu_count, skipped_count)
SELECT id, sha256, format, observed_on, source_name, source_url, source_published, file_name,
    ingested_at, observation_count, provider_count, gpu_count, skipped_count
FROM snapshot;

DROP TABLE snapshot;
ALTER TABLE snapshot_v3 RENAME TO snapshot;
CREATE INDEX snapshot_observed_on ON snapshot(observed_on);

-- pricedb schema, version 10: what `pricedb fetch` remembers of each source it reads.
--
-- A source is a URL that `fetch` downloads (a cloud's SkyPilot catalog, the ECB's rates, a user's own file), by
-- the name `fetch` gives it (`aws`, `ecb`). Its validators (ETag, Last-Modified) make the next request
-- conditional; the hash of the last body names its copy in the cache, which an unchanged source (`304 Not
-- Modified`) is re-observed from; and its last fetch, last change and last error are what `fetch --list` shows.
CREATE TABLE fetch_source (
    name          TEXT PRIMARY KEY NOT NULL,
    url           TEXT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    sha256        TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
    last_fetched  TEXT,
    last_changed  TEXT,
    last_error    TEXT,
    last_error_at TEXT
) STRICT;

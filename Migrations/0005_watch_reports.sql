-- What `pricedb watch` has reported, so that each crossing of a rule is reported once: a rule (its own text),
-- an offer (its identity as text, which outlives the removal and re-ingest of a snapshot), and the first day of
-- the price run that fired it. A later run that crosses again is a new crossing.
CREATE TABLE watch_report (
    rule TEXT NOT NULL,
    offer TEXT NOT NULL,
    since TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    reported_at TEXT NOT NULL,
    PRIMARY KEY (rule, offer, since)
) WITHOUT ROWID;

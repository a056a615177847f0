-- pricedb schema, version 9: every table is STRICT, and the file says it is pricedb's.
--
-- The exchange rates and the watch reports were the two tables that took any value of any type: a rate written
-- as text or as 1e30 with `sqlite3` passed the schema and stopped every command that converts. As STRICT tables,
-- a value of the wrong type is refused by SQLite when it is written. Rows that already break the types (which
-- no pricedb ever wrote) are not carried over.
--
-- `PRAGMA application_id` marks the file as pricedb's (0x50524442, "PRDB"; `file` and `sqlite3` show it), so
-- that pricedb recognises its own databases and never migrates or writes another program's.

CREATE TABLE exchange_rate_strict (
    currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
    day TEXT NOT NULL CHECK (date(day) IS day),
    per_eur_millionths INTEGER NOT NULL CHECK (per_eur_millionths > 0 AND per_eur_millionths <= 1000000000000000),
    PRIMARY KEY (currency, day)
) STRICT, WITHOUT ROWID;
INSERT INTO exchange_rate_strict
SELECT currency, day, per_eur_millionths FROM exchange_rate
WHERE typeof(currency) = 'text' AND typeof(day) = 'text' AND date(day) IS day
  AND typeof(per_eur_millionths) = 'integer' AND per_eur_millionths BETWEEN 1 AND 1000000000000000;
DROP TABLE exchange_rate;
ALTER TABLE exchange_rate_strict RENAME TO exchange_rate;

CREATE TABLE watch_report_strict (
    rule TEXT NOT NULL,
    offer TEXT NOT NULL,
    since TEXT NOT NULL CHECK (date(since) IS since),
    reported_at TEXT NOT NULL,
    PRIMARY KEY (rule, offer, since)
) STRICT, WITHOUT ROWID;
INSERT INTO watch_report_strict
SELECT rule, offer, since, reported_at FROM watch_report
WHERE typeof(rule) = 'text' AND typeof(offer) = 'text' AND date(since) IS since AND typeof(reported_at) = 'text';
DROP TABLE watch_report;
ALTER TABLE watch_report_strict RENAME TO watch_report;

PRAGMA application_id = 1347568706;

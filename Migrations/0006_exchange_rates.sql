-- Reference exchange rates by day, as the European Central Bank publishes them (eurofxref-hist.csv): how many
-- units of a currency one euro bought that day, in millionths (1.0823 USD per EUR is 1082300). A price is
-- converted at the latest rate on or before its own observation date, a seek on the primary key.
CREATE TABLE exchange_rate (
    currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    per_eur_millionths INTEGER NOT NULL CHECK (per_eur_millionths > 0),
    PRIMARY KEY (currency, day)
) WITHOUT ROWID;

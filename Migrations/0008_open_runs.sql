-- The runs still open, that is those seen on their feed's latest day, with what a price list shows of them. A
-- report as of a feed's latest day (the usual one) lists each offer's open run: through this index that is a
-- read of about 40 bytes per offer, where a seek of `price_run`'s key lands on a page of the offer's whole
-- history, so that a provider's list read most of the table. Partial: one entry per offer whose run is open.
CREATE INDEX price_run_open ON price_run(offer_id, status, price_low_micros, price_high_micros, approximate, note)
    WHERE last_seen = '9999-12-31';

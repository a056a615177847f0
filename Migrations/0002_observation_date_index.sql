-- pricedb schema, version 2: the first and last observation dates (which `report` checks before answering)
-- become two index seeks instead of a scan of every observation.
CREATE INDEX observation_observed_on ON observation(observed_on);

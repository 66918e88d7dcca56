-- The police pull feed: every registration, by region, in journal order. Derived from the
-- events journal by the police_feed consumer; can be rebuilt from it.
CREATE TABLE police_feed (
  seq INTEGER PRIMARY KEY,
  occurred_at INTEGER NOT NULL,
  region_code TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  outlet_id TEXT NOT NULL,
  acquisition_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX police_feed_region ON police_feed (region_code, seq);

-- Screenings whose signals fired below the alert threshold (near misses), for the police of the
-- outlet's jurisdiction; and the daily register reports `serve` has delivered to report_dir.
CREATE TABLE screening_near_misses (
  id TEXT PRIMARY KEY,
  acquisition_id TEXT NOT NULL REFERENCES acquisitions (id),
  item_id TEXT NOT NULL REFERENCES items (id),
  region_code TEXT NOT NULL,
  score INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX screening_near_misses_region ON screening_near_misses (region_code, created_at);
CREATE INDEX screening_near_misses_acquisition ON screening_near_misses (acquisition_id);
CREATE TRIGGER screening_near_misses_no_update BEFORE UPDATE ON screening_near_misses
BEGIN SELECT RAISE(ABORT, 'near misses are append-only'); END;

CREATE TABLE report_deliveries (
  day TEXT PRIMARY KEY,
  outlets INTEGER NOT NULL,
  delivered_at INTEGER NOT NULL
);

-- Screenings whose signals fired below the alert threshold (near misses), for the police of the
-- outlet's jurisdiction; and the daily register reports `serve` has delivered to report_dir.
CREATE TABLE screening_near_misses (
  id TEXT PRIMARY KEY,
  acquisition_id TEXT NOT NULL REFERENCES acquisitions (id),
  item_id TEXT NOT NULL REFERENCES items (id),
  region_code TEXT NOT NULL,
  score BIGINT NOT NULL,
  reasons TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX screening_near_misses_region ON screening_near_misses (region_code, created_at);
CREATE INDEX screening_near_misses_acquisition ON screening_near_misses (acquisition_id);
CREATE FUNCTION screening_near_misses_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'near misses are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER screening_near_misses_no_update BEFORE UPDATE ON screening_near_misses
FOR EACH ROW EXECUTE FUNCTION screening_near_misses_append_only();

CREATE TABLE report_deliveries (
  day TEXT PRIMARY KEY,
  outlets BIGINT NOT NULL,
  delivered_at BIGINT NOT NULL
);

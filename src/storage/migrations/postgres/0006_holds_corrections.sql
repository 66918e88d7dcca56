-- Statutory hold periods (a hold with an end), corrections as records that name the registration
-- they correct, and the shop's own list of registrations by organisation and time.
ALTER TABLE holds ADD COLUMN until_at BIGINT;

CREATE TABLE acquisition_corrections (
  id TEXT PRIMARY KEY,
  acquisition_id TEXT NOT NULL REFERENCES acquisitions (id),
  position BIGINT NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  staff_id TEXT NOT NULL,
  changes TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (acquisition_id, position)
);
CREATE FUNCTION acquisition_corrections_immutable() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'corrections are never edited'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER acquisition_corrections_no_update BEFORE UPDATE ON acquisition_corrections
FOR EACH ROW EXECUTE FUNCTION acquisition_corrections_immutable();

CREATE INDEX acquisitions_organisation_time ON acquisitions (organisation_id, created_at, id);

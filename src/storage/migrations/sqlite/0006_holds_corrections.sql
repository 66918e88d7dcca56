-- Statutory hold periods (a hold with an end), corrections as records that name the registration
-- they correct, and the shop's own list of registrations by organisation and time.
ALTER TABLE holds ADD COLUMN until_at INTEGER;

CREATE TABLE acquisition_corrections (
  id TEXT PRIMARY KEY,
  acquisition_id TEXT NOT NULL REFERENCES acquisitions (id),
  position INTEGER NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  staff_id TEXT NOT NULL,
  changes TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (acquisition_id, position)
);
CREATE TRIGGER acquisition_corrections_no_update BEFORE UPDATE ON acquisition_corrections
BEGIN SELECT RAISE(ABORT, 'corrections are never edited'); END;

CREATE INDEX acquisitions_organisation_time ON acquisitions (organisation_id, created_at, id);

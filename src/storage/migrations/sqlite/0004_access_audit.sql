-- Every full view of a person's data: who, when, why. Append-only like the journal.
CREATE TABLE access_audit (
  id TEXT PRIMARY KEY,
  viewer_id TEXT NOT NULL,
  viewer_organisation_id TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES parties (id),
  acquisition_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  viewed_at INTEGER NOT NULL
);
CREATE INDEX access_audit_party ON access_audit (party_id, viewed_at);
CREATE TRIGGER access_audit_no_update BEFORE UPDATE ON access_audit
BEGIN SELECT RAISE(ABORT, 'the access audit is append-only'); END;
CREATE TRIGGER access_audit_no_delete BEFORE DELETE ON access_audit
BEGIN SELECT RAISE(ABORT, 'the access audit is append-only'); END;

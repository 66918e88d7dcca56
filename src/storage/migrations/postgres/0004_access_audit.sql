-- Every full view of a person's data: who, when, why. Append-only like the journal.
CREATE TABLE access_audit (
  id TEXT PRIMARY KEY,
  viewer_id TEXT NOT NULL,
  viewer_organisation_id TEXT NOT NULL,
  party_id TEXT NOT NULL REFERENCES parties (id),
  acquisition_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  viewed_at BIGINT NOT NULL
);
CREATE INDEX access_audit_party ON access_audit (party_id, viewed_at);
CREATE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the access audit is append-only'; END $$;
CREATE TRIGGER access_audit_no_change BEFORE UPDATE OR DELETE ON access_audit
FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();

-- Inspection: the signing key of each inspection body, signed inspection reports, data
-- sanitization certificates and repair records. Each report's signed bytes are kept exactly as
-- signed (canonical JSON), so verification never depends on re-serialising stored columns.

-- One Ed25519 key per inspection-body organisation, made on its first report. The private key
-- (a signed-note private key string) is encrypted with the node's data key.
CREATE TABLE inspection_keys (
  organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
  verifier_key TEXT NOT NULL UNIQUE,
  private_key_enc TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE inspection_reports (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  inspector_id TEXT NOT NULL,
  category TEXT NOT NULL,
  checklist_version INTEGER NOT NULL,
  document TEXT NOT NULL,
  signature TEXT NOT NULL,
  verifier_key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX inspection_reports_item ON inspection_reports (item_id, id);

-- Certificates hold staff names and titles (sanitizer, verifier) in details; events do not.
CREATE TABLE sanitization_certificates (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  recorded_by TEXT NOT NULL,
  level TEXT NOT NULL,
  method TEXT NOT NULL,
  passed INTEGER NOT NULL,
  details TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX sanitization_certificates_item ON sanitization_certificates (item_id, id);

CREATE TABLE repairs (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  recorded_by TEXT NOT NULL,
  details TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX repairs_item ON repairs (item_id, id);

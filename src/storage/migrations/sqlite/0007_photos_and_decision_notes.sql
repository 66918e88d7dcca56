-- Photos of an acquisition (the item, the seller's ID document). The bytes live in
-- <data_dir>/photos/, named by the SHA-256 of the image; ID document images are encrypted there.
CREATE TABLE acquisition_photos (
  acquisition_id TEXT NOT NULL REFERENCES acquisitions (id),
  sha256 TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('item', 'id_document')),
  media_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  encrypted INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (acquisition_id, sha256)
);

-- The officer's note with a decision on an alert (release, seize, request_info).
ALTER TABLE alerts ADD COLUMN decision_note TEXT;

-- The keys this database was made with (docs/security.md "Keys belong to the database"),
-- recorded when a node first starts on an empty database. On every start the key files of the
-- data dir must match them, or the node refuses to start. kind: 'log' (key_id: the log key's
-- name, fingerprint: its public verifier key), 'data' (key_id: the data.key id, "k1"...) and
-- 'index' (key_id: 'index'); for the secret keys the fingerprint is a keyed hash of the key,
-- never the key itself (crypto::FieldCipher::Fingerprints, crypto::BlindIndex::Fingerprint).
CREATE TABLE node_keys (
  kind TEXT NOT NULL,
  key_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (kind, key_id)
);

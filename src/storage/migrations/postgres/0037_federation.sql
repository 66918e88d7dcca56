-- Federation between nodes (docs/federation.md). On a city node: every journal event a shop
-- pushed, once per (origin, seq) so a batch sent twice applies once; the registrations among them
-- with their identifiers (the seller's data sealed to the city's key, never plaintext); and the
-- cross-operator signals raised from them. A shop keeps its cursors in consumer_cursors.
CREATE TABLE federation_inbox (
  origin TEXT NOT NULL,           -- the shop node's key name
  seq BIGINT NOT NULL,            -- the event's seq in the shop's journal
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  aggregate_type TEXT NOT NULL,
  aggregate_id TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  payload TEXT NOT NULL,          -- the event's own payload (no personal data)
  received_at BIGINT NOT NULL,
  PRIMARY KEY (origin, seq)
);
CREATE TABLE federated_registrations (
  origin TEXT NOT NULL,
  acquisition_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  outlet_id TEXT NOT NULL,
  outlet_name TEXT NOT NULL,
  region_code TEXT NOT NULL,
  number BIGINT NOT NULL,
  kind TEXT NOT NULL,
  item_id TEXT NOT NULL,
  category TEXT NOT NULL,
  brand TEXT NOT NULL,
  model TEXT NOT NULL,
  status TEXT NOT NULL,           -- registered or held_for_verification at the shop
  identifiers TEXT NOT NULL,      -- JSON array of {kind, value}
  seller_sealed TEXT NOT NULL,    -- the seller's details sealed to the city's log key
  registered_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (origin, acquisition_id)
);
CREATE INDEX federated_registrations_region ON federated_registrations (region_code, registered_at);
CREATE TABLE federated_identifiers (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  origin TEXT NOT NULL,
  acquisition_id TEXT NOT NULL,
  region_code TEXT NOT NULL,
  registered_at BIGINT NOT NULL,
  PRIMARY KEY (kind, value, origin, acquisition_id)
);
CREATE TABLE federation_signals (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,             -- same_identifier_two_operators
  region_code TEXT NOT NULL,      -- of the later registration: whose police are told
  identifier_kind TEXT NOT NULL,
  identifier_value TEXT NOT NULL,
  first_origin TEXT NOT NULL,
  first_acquisition_id TEXT NOT NULL,
  second_origin TEXT NOT NULL,
  second_acquisition_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (first_origin, first_acquisition_id, second_origin, second_acquisition_id,
          identifier_kind)
);
CREATE INDEX federation_signals_region ON federation_signals (region_code, created_at);

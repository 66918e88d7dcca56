-- Registry: parties (personal fields encrypted, blind indexes for look-ups), items and their
-- identifiers, acquisition registrations, watchlists, alerts and holds.

CREATE TABLE parties (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  kind TEXT NOT NULL,
  name_enc TEXT NOT NULL,
  id_type TEXT,
  id_number_enc TEXT,
  id_number_index TEXT,
  credit_code TEXT,
  phone_enc TEXT,
  phone_index TEXT,
  address_enc TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX parties_id_number ON parties (id_number_index);
CREATE INDEX parties_phone ON parties (phone_index);

CREATE TABLE items (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  brand TEXT NOT NULL,
  model TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE item_identifiers (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  item_id TEXT NOT NULL REFERENCES items (id),
  PRIMARY KEY (kind, value)
);
CREATE INDEX item_identifiers_item ON item_identifiers (item_id);

CREATE TABLE acquisitions (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  outlet_id TEXT NOT NULL REFERENCES outlets (id),
  number BIGINT NOT NULL,
  staff_id TEXT NOT NULL,
  item_id TEXT NOT NULL REFERENCES items (id),
  seller_id TEXT NOT NULL REFERENCES parties (id),
  kind TEXT NOT NULL,
  channel TEXT NOT NULL,
  price_fen BIGINT NOT NULL,
  payment_method TEXT NOT NULL,
  person_matches_id BIGINT NOT NULL,
  origin_statement_enc TEXT NOT NULL,
  details TEXT NOT NULL,
  region_code TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (outlet_id, number)
);
CREATE INDEX acquisitions_item ON acquisitions (item_id);
CREATE INDEX acquisitions_seller ON acquisitions (seller_id);
CREATE INDEX acquisitions_outlet_time ON acquisitions (outlet_id, created_at);

CREATE TABLE watchlist_entries (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  identifier_kind TEXT NOT NULL,
  identifier_value TEXT NOT NULL,
  status TEXT NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  note TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX watchlist_identifier ON watchlist_entries (identifier_kind, identifier_value);

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,
  acquisition_id TEXT NOT NULL REFERENCES acquisitions (id),
  item_id TEXT NOT NULL REFERENCES items (id),
  region_code TEXT NOT NULL,
  score BIGINT NOT NULL,
  reasons TEXT NOT NULL,
  status TEXT NOT NULL,
  decided_by TEXT,
  decided_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX alerts_region ON alerts (region_code, status);

CREATE TABLE holds (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id),
  acquisition_id TEXT NOT NULL REFERENCES acquisitions (id),
  kind TEXT NOT NULL,
  released_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX holds_item ON holds (item_id);

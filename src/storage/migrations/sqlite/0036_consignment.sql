-- Consignment (docs/consignment.md): consignors, one agreement per consigned item, and the payout
-- ledger in double entry. A consignor's personal fields are sealed by the node's field cipher
-- (…_enc, the context naming the consignor) with blind indexes for look-up, as sellers' parties
-- are; nothing personal leaves these tables in events.

CREATE TABLE consignors (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('individual', 'business')),
  name_enc TEXT NOT NULL,
  id_type TEXT,
  id_number_enc TEXT,
  id_number_index TEXT,
  credit_code TEXT,
  phone_enc TEXT,
  phone_index TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX consignors_organisation ON consignors (organisation_id, created_at);
CREATE INDEX consignors_id_number ON consignors (organisation_id, id_number_index);

-- terms: the agreement as JSON (split, period, grace, expiry action, markdowns, flags).
-- status: active, sold, returned, donated, converted.
CREATE TABLE consignment_agreements (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  consignor_id TEXT NOT NULL REFERENCES consignors (id),
  item_id TEXT NOT NULL UNIQUE,
  acquisition_id TEXT NOT NULL,
  terms TEXT NOT NULL,
  list_price_fen INTEGER NOT NULL CHECK (list_price_fen >= 0),
  markdown_percent INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  intake_at INTEGER NOT NULL,
  closed_at INTEGER
);
CREATE INDEX consignment_agreements_consignor ON consignment_agreements (consignor_id, intake_at);
CREATE INDEX consignment_agreements_active ON consignment_agreements (status, intake_at);

-- One row per entry; its postings sum to zero (checked by the service before writing).
CREATE TABLE consignment_entries (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  consignor_id TEXT NOT NULL REFERENCES consignors (id),
  kind TEXT NOT NULL,
  agreement_id TEXT,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX consignment_entries_consignor ON consignment_entries (consignor_id, created_at);

CREATE TABLE consignment_postings (
  entry_id TEXT NOT NULL REFERENCES consignment_entries (id),
  consignor_id TEXT NOT NULL,
  account TEXT NOT NULL,
  amount_fen INTEGER NOT NULL
);
CREATE INDEX consignment_postings_consignor ON consignment_postings (consignor_id, account);

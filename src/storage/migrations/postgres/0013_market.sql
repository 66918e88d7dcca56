-- Marketplace: offers (a sale mode with its own terms beside the common ones), best offers,
-- prohibited-listing blocks with appeals, orders held in escrow-style states and after-sales
-- requests. Money is integer fen; the CHECKs make negative amounts and over-refunds impossible
-- even if a service had a bug.

CREATE TABLE offers (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id),
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  sale_mode TEXT NOT NULL,
  channel TEXT NOT NULL,
  outlet_id TEXT,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  price_fen BIGINT NOT NULL CHECK (price_fen > 0),
  warranty_months BIGINT NOT NULL CHECK (warranty_months >= 0),
  return_days BIGINT NOT NULL CHECK (return_days >= 0),
  best_offer BIGINT NOT NULL,
  auto_accept_fen BIGINT,
  auto_decline_fen BIGINT,
  mode_terms TEXT NOT NULL,
  status TEXT NOT NULL,
  disclosure_version BIGINT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  published_at BIGINT
);
CREATE INDEX offers_item ON offers (item_id, id);
CREATE INDEX offers_organisation ON offers (organisation_id, id);

CREATE TABLE best_offers (
  id TEXT PRIMARY KEY,
  offer_id TEXT NOT NULL REFERENCES offers (id),
  buyer_ref TEXT NOT NULL,
  amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
  counter_fen BIGINT CHECK (counter_fen IS NULL OR counter_fen > 0),
  status TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX best_offers_offer ON best_offers (offer_id, id);

CREATE TABLE listing_blocks (
  id TEXT PRIMARY KEY,
  offer_id TEXT NOT NULL REFERENCES offers (id),
  item_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  region_code TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  appeal TEXT,
  appealed_at BIGINT,
  decided_by TEXT,
  decision_note TEXT,
  decided_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX listing_blocks_status ON listing_blocks (status, id);
CREATE INDEX listing_blocks_offer ON listing_blocks (offer_id);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  offer_id TEXT NOT NULL REFERENCES offers (id),
  item_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  buyer_ref TEXT NOT NULL,
  price_fen BIGINT NOT NULL CHECK (price_fen > 0),
  disclosure_version BIGINT NOT NULL,
  disclosure_accepted_at BIGINT NOT NULL,
  provider TEXT NOT NULL,
  payment_ref TEXT,
  state TEXT NOT NULL,
  paid_fen BIGINT NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
  refunded_fen BIGINT NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0 AND refunded_fen <= paid_fen),
  dispatch TEXT,
  received_at BIGINT,
  inspection_window_ms BIGINT NOT NULL,
  warranty_months BIGINT NOT NULL,
  return_days BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- One live order per offer: a backstop under the service's row lock.
CREATE UNIQUE INDEX orders_one_live_per_offer ON orders (offer_id)
  WHERE state NOT IN ('cancelled', 'refunded');
CREATE INDEX orders_organisation ON orders (organisation_id, id);

CREATE TABLE after_sales (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  details TEXT NOT NULL,
  flagged BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX after_sales_order ON after_sales (order_id, id);

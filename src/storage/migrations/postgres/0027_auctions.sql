-- English auctions (sale_mode english_auction): the offer's mode_terms hold the terms; this row
-- keeps what the close job and the one-writer rule need, and `bids` every bid as committed, in
-- `seq` order (the order the database serialised them under the offer's row lock). Retractions
-- are recorded on the bid (with the stated reason), never deleted.

CREATE TABLE auctions (
  offer_id TEXT PRIMARY KEY REFERENCES offers (id),
  ends_at BIGINT NOT NULL,
  closed_at BIGINT,
  outcome TEXT,
  order_id TEXT
);
CREATE INDEX auctions_due ON auctions (closed_at, ends_at);

CREATE TABLE bids (
  offer_id TEXT NOT NULL REFERENCES offers (id),
  seq BIGINT NOT NULL CHECK (seq > 0),
  bidder_ref TEXT NOT NULL,
  max_fen BIGINT NOT NULL CHECK (max_fen > 0),
  kind TEXT NOT NULL,
  placed_at BIGINT NOT NULL,
  retracted_at BIGINT,
  retraction_reason TEXT,
  PRIMARY KEY (offer_id, seq)
);

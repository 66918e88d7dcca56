-- Rentals (sale_mode rental): the offer's mode_terms hold the period prices, deposit, length
-- limits and damage rule; this table holds the bookings. Days are days since 1970-01-01 in China
-- Standard Time; a booking is [start_day, end_day). No double booking is enforced by the service
-- under the offer's row lock (the same lock orders and bids take), the same way on both
-- databases (SQLite has no exclusion constraint). renter_ref is the buyer (user:<id>) or the
-- counter's reference and never leaves this table (events carry no renter).

CREATE TABLE rental_bookings (
  id TEXT PRIMARY KEY,
  offer_id TEXT NOT NULL REFERENCES offers (id),
  item_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  renter_ref TEXT NOT NULL,
  start_day INTEGER NOT NULL,
  end_day INTEGER NOT NULL CHECK (end_day > start_day),
  status TEXT NOT NULL,
  price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
  deposit_fen INTEGER NOT NULL CHECK (deposit_fen >= 0),
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER,
  picked_up_at INTEGER,
  pickup_grades TEXT,
  pickup_notes TEXT,
  returned_at INTEGER,
  return_grades TEXT,
  return_notes TEXT,
  late_days INTEGER,
  late_fen INTEGER,
  damage_steps INTEGER,
  damage_fen INTEGER,
  deposit_released_fen INTEGER,
  owed_fen INTEGER
);
CREATE INDEX rental_bookings_offer ON rental_bookings (offer_id, status, start_day);

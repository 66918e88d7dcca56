-- The authorities' statistics (docs/statistics.md), derived only from the journal by the
-- statistics consumer (domain/statistics/rollups.hpp) and rebuilt from it on demand.
-- stat_rollups: transactions counted and valued per month (Asia/Shanghai, 'YYYY-MM'), district
-- (GB/T 2260, the outlet's region), category, flow (acquisition, sale), format (the acquisition
-- kind or the sale mode) and channel. A sale reversed by a full refund or a cancellation after
-- payment is taken off in the month of the reversal, so a month's figure never changes later.
CREATE TABLE stat_rollups (
  month TEXT NOT NULL,
  region_code TEXT NOT NULL,
  category TEXT NOT NULL,
  flow TEXT NOT NULL,
  format TEXT NOT NULL,
  channel TEXT NOT NULL,
  count BIGINT NOT NULL,
  value_fen BIGINT NOT NULL,
  PRIMARY KEY (month, region_code, category, flow, format, channel)
);
-- What the consumer needs to know of an offer when its order is paid or refunded, from the
-- offer's latest listing.published event; no price, no people.
CREATE TABLE stat_offers (
  offer_id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  category TEXT NOT NULL,
  sale_mode TEXT NOT NULL,
  channel TEXT NOT NULL
);
-- The paid orders counted, so that a reversal takes off exactly what was added, once.
CREATE TABLE stat_sales (
  order_id TEXT PRIMARY KEY,
  offer_id TEXT NOT NULL,
  value_fen BIGINT NOT NULL,
  reversed BIGINT NOT NULL DEFAULT 0
);
-- The city's baseline (the pilot plan measures growth against 2024), imported by the commerce
-- authority as CSV: transactions (sales) per month, district and category.
CREATE TABLE stat_baseline (
  month TEXT NOT NULL,
  region_code TEXT NOT NULL,
  category TEXT NOT NULL,
  count BIGINT NOT NULL,
  value_fen BIGINT NOT NULL,
  PRIMARY KEY (month, region_code, category)
);

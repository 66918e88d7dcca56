-- A buyer's own best offers (GET /api/v1/best-offers/mine) are read by buyer_ref in id order,
-- newest first, a page at a time.
CREATE INDEX best_offers_buyer ON best_offers (buyer_ref, id);

-- A buyer's own orders (GET /api/v1/orders/mine) are read by created_by in id order; 0009, which
-- made buyer accounts, runs before 0013 creates orders, so the index comes here.
CREATE INDEX orders_by_creator ON orders (created_by, id);

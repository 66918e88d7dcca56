-- Orders placed but not paid are cancelled by serve's market job once the payment window has
-- passed (OrderService::ExpireUnpaid); the job reads them by placing time.
CREATE INDEX orders_unpaid ON orders (created_at) WHERE state = 'placed';

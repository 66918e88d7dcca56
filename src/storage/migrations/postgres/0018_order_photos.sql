-- Photos of an order's dispatch (the seller, before the item leaves) and of a return (the buyer,
-- of the item sent back), compared by the operator in after-sales. The bytes live in
-- <data_dir>/photos/ like acquisition photos, named by the SHA-256 of the image; a dispatch or
-- return names its photos as sha256:<hex> and each must be a row here for that order and stage.
CREATE TABLE order_photos (
  order_id TEXT NOT NULL REFERENCES orders (id),
  stage TEXT NOT NULL CHECK (stage IN ('dispatch', 'return')),
  sha256 TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
  uploaded_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (order_id, stage, sha256)
);

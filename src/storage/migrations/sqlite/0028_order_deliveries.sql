-- How an order reaches its buyer, chosen at checkout: delivery to an address, or pick-up at the
-- selling outlet. The recipient, phone and address are personal data, sealed with the data key
-- like sellers' (FieldCipher, bound to "order.<field>:<order id>"); the region code stays plain
-- for dispatch planning. The retention job erases the sealed fields (erased_at set) with the
-- registry's personal data; the row and its mode stay.
CREATE TABLE order_deliveries (
  order_id TEXT PRIMARY KEY REFERENCES orders (id),
  mode TEXT NOT NULL CHECK (mode IN ('delivery', 'pickup')),
  recipient_enc TEXT,
  phone_enc TEXT,
  address_enc TEXT,
  region_code TEXT,
  created_at INTEGER NOT NULL,
  erased_at INTEGER
);
CREATE INDEX order_deliveries_unerased ON order_deliveries (created_at) WHERE erased_at IS NULL;

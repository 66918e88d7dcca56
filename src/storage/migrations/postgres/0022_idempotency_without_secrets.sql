-- The Idempotency-Key cache keeps no secrets (docs/security.md): body_hash now holds a keyed MAC
-- of the request body and response an answer sealed with the field cipher (or NULL for a route
-- whose answer carries a secret). Rows written before held plain SHA-256 hashes and answers in
-- clear (API key secrets, revealed seller data): they are dropped, not converted. A client
-- retrying within the 24 hours such a row would have lived runs its request again.
DELETE FROM idempotency_keys;

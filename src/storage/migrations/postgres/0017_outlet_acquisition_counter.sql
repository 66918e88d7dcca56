-- The outlet's sequential acquisition number is kept in the outlet row: one UPDATE ... RETURNING
-- takes the next number and locks the row in the same statement (on PostgreSQL a row lock and a
-- MAX() over the outlet's acquisitions were two round trips per registration).
ALTER TABLE outlets ADD COLUMN last_acquisition_number BIGINT NOT NULL DEFAULT 0;
UPDATE outlets SET last_acquisition_number =
  (SELECT COALESCE(MAX(a.number), 0) FROM acquisitions a WHERE a.outlet_id = outlets.id);

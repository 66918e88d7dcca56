-- The item-history transparency log (docs/tlog.md): its entries (leaves), hash tiles and every
-- checkpoint it published. Written only by the tlog sequencer (a journal consumer), each batch
-- in the same transaction as its cursor. Tiles are stored at their latest width and served
-- truncated for narrower partial requests (the first hashes of a tile never change).
CREATE TABLE tlog_entries (
  idx INTEGER PRIMARY KEY,
  item_id TEXT NOT NULL,
  journal_seq INTEGER NOT NULL UNIQUE,
  data BLOB NOT NULL
);
CREATE INDEX tlog_entries_item ON tlog_entries (item_id, idx);

CREATE TABLE tlog_tiles (
  level INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  width INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (level, idx)
);

CREATE TABLE tlog_checkpoints (
  size INTEGER PRIMARY KEY,
  root BLOB NOT NULL,
  note TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

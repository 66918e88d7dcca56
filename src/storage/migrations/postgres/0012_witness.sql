-- Witnesses (docs/tlog.md). tlog_cosignatures: the cosignatures this node's log received from
-- its configured witnesses, one line per (checkpoint size, witness), appended to the checkpoint
-- when it is served. witness_checkpoints: as a witness of other logs, the latest checkpoint this
-- node cosigned per origin (C2SP tlog-witness); replaced only by compare-and-swap on its size.
CREATE TABLE tlog_cosignatures (
  size BIGINT NOT NULL,
  witness TEXT NOT NULL,
  line TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (size, witness)
);

CREATE TABLE witness_checkpoints (
  origin TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  root TEXT NOT NULL,
  note TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Reference facts per model (a typical second-hand price and the year the model came out) for
-- the "price far below" and "story does not fit" signals; agents acting for a seller; operators'
-- own watchlists listed by organisation; when the retention job erased a registration's personal
-- data.
CREATE TABLE reference_models (
  category TEXT NOT NULL,
  brand TEXT NOT NULL,
  model TEXT NOT NULL,
  reference_price_fen BIGINT,
  release_year BIGINT,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (category, brand, model)
);

ALTER TABLE acquisitions ADD COLUMN agent_id TEXT REFERENCES parties (id);
ALTER TABLE acquisitions ADD COLUMN agent_authority_enc TEXT;
ALTER TABLE acquisitions ADD COLUMN erased_at BIGINT;
CREATE INDEX acquisitions_retention ON acquisitions (created_at) WHERE erased_at IS NULL;

CREATE INDEX watchlist_organisation ON watchlist_entries (organisation_id, created_at);

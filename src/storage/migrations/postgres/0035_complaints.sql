-- Consumer complaints (docs/complaints.md): a buyer's complaint about an order, a listing or an
-- operator; the operator's answer; market supervision's assignment, questions and decision. The
-- complainant's contact details are personal data, sealed with the field cipher like sellers'.
CREATE TABLE complaints (
  id TEXT PRIMARY KEY,
  subject_kind TEXT NOT NULL,          -- order, offer, organisation
  subject_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,       -- the operator complained about
  region_code TEXT NOT NULL,           -- that operator's region: market supervision's jurisdiction
  category TEXT NOT NULL,
  demand TEXT NOT NULL,
  facts TEXT NOT NULL,
  complainant_id TEXT NOT NULL,        -- the buyer account that filed it
  contact_name TEXT,                   -- sealed (FieldCipher), or NULL
  contact_phone TEXT,                  -- sealed (FieldCipher), or NULL
  state TEXT NOT NULL,
  answer_due_at BIGINT NOT NULL,       -- filed + [complaints] answer_days
  answered_at BIGINT,
  assigned_to TEXT,                    -- a market supervisor's user id
  info_party TEXT,                     -- operator or complainant, while info is requested
  outcome TEXT,
  decided_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX complaints_organisation ON complaints (organisation_id, created_at);
CREATE INDEX complaints_region ON complaints (region_code, created_at);
CREATE INDEX complaints_complainant ON complaints (complainant_id, created_at);
-- Every step, in order: who did what and why (the answer, the question, the reason).
CREATE TABLE complaint_steps (
  id TEXT PRIMARY KEY,
  complaint_id TEXT NOT NULL,
  n BIGINT NOT NULL,                    -- 1, 2, …: the step's place in the complaint's history
  action TEXT NOT NULL,                -- file, answer, assign, request_info, provide_info, decide
  actor_id TEXT NOT NULL,
  party TEXT NOT NULL,                 -- complainant, operator, supervision
  text TEXT NOT NULL,
  detail TEXT NOT NULL,                -- the outcome, the party asked, the assignee; or ''
  at BIGINT NOT NULL
);
CREATE UNIQUE INDEX complaint_steps_complaint ON complaint_steps (complaint_id, n);

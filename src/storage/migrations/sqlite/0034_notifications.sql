-- The in-app notification centre (docs/notifications.md): what the notifications consumer derived
-- from the journal. A notification is addressed to one audience: a user (a buyer), an
-- organisation (its market staff) or a region (the police whose jurisdiction covers it). It
-- carries a message id and parameters for the web app's catalogues, never personal data.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,            -- the id of the journal event it came from
  seq BIGINT NOT NULL,            -- that event's sequence number (newest first)
  audience_kind TEXT NOT NULL,    -- user, organisation, region
  audience_id TEXT NOT NULL,
  message_id TEXT NOT NULL,       -- e.g. notification.order_placed
  params TEXT NOT NULL,           -- a JSON object of ids, states, amounts
  link_kind TEXT NOT NULL,        -- order, offer, alert, after_sale
  link_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX notifications_audience ON notifications (audience_kind, audience_id, seq);
-- Who has read which notification (an organisation's or a region's is read per user).
CREATE TABLE notification_reads (
  notification_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  read_at BIGINT NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
-- The buyer account behind an order or a best offer, remembered from order.placed and
-- best_offer.made so that order.dispatched and best_offer.decided reach them.
CREATE TABLE notification_subjects (
  subject_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL
);

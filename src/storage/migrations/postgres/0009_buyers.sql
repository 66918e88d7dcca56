-- Buyer accounts: every individual buyer is a user (role buyer) of one node-wide organisation of
-- kind 'buyers', created on first need. This index keeps it one even when two first
-- registrations race (the loser's insert fails and it reads the winner's row).
CREATE UNIQUE INDEX organisations_one_buyers ON organisations (kind) WHERE kind = 'buyers';

-- Account administration (docs/security.md "Account administration"): organisations and outlets
-- are active or suspended (identity/statuses.hpp); a user whose password an administrator reset
-- must change it before doing anything else (0/1).
ALTER TABLE organisations ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE outlets ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;

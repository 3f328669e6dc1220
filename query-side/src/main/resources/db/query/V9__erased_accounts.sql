-- When an administrator erased the account's personal data (PersonalDataErased); null until then.
-- An erased account has no names and no email address any more, here as in its events.
ALTER TABLE query_side.account_view ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE query_side.account_view ALTER COLUMN first_name DROP NOT NULL;
ALTER TABLE query_side.account_view ALTER COLUMN last_name DROP NOT NULL;
ALTER TABLE query_side.account_view ALTER COLUMN email DROP NOT NULL;

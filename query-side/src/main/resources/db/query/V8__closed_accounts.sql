-- When an administrator closed the account (AccountClosed); null while it is open. No account was
-- closed before this column existed, so existing rows need nothing: a replay writes the same.
ALTER TABLE query_side.account_view ADD COLUMN closed_at TIMESTAMPTZ;

-- The account view shows the account's login (the identity provider's subject of its owner).
-- Accounts projected before logins existed were all registered without one: their login is
-- their id, as the command side's back-fill of credentials.account_login makes it too.
ALTER TABLE query_side.account_view ADD COLUMN subject VARCHAR(255);
UPDATE query_side.account_view SET subject = account_id::text;
ALTER TABLE query_side.account_view ALTER COLUMN subject SET NOT NULL;

-- The warning view judges a token by its lifetime too (a short-lived token warns from its
-- half-life on), so it keeps when each token was made. Tokens already known take it from the
-- account view; one it does not know is judged by the warning days alone (null).
ALTER TABLE query_side.current_token ADD COLUMN created_at TIMESTAMPTZ;
UPDATE query_side.current_token c SET created_at = v.token_created_at
  FROM query_side.account_view v
 WHERE v.token_id = c.token_id;

-- The near-expiry warning view is derived from the account view's token columns (decision 0008): its refresh job reads
-- the tokens expiring within the warning period through this index, and the warning view's own copy of each account's
-- token goes, with the processor that kept it. Accounts without a token (null) are left out of the index.
CREATE INDEX account_view_token_expires_at ON query_side.account_view (token_expires_at)
    WHERE token_expires_at IS NOT NULL;

DROP TABLE query_side.current_token;

-- that processor's positions, parked events and node records: nothing reads them any more
DELETE FROM query_side.token_entry WHERE processor_name = 'token-expiry-warnings';
DELETE FROM query_side.dead_letter_entry WHERE processing_group = 'token-expiry-warnings';
DELETE FROM query_side.event_processor_node WHERE processor_name = 'token-expiry-warnings';

-- The warnings already in the view stay: those whose token is no longer its account's are not shown, and the refresh
-- job drops them at its first run.

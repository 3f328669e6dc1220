-- The near-expiry warning view (package expirywarnings): written by the "token-expiry-warnings" projection on token
-- events and by the scheduled refresh job, which moves tokens into the view as they cross the warning threshold.

-- Each account's current API token, as the token events leave it. The row outlives a deletion, with the token columns
-- null and the sequence number of the deletion, so that a redelivered older TokenGenerated cannot bring a deleted
-- token back. An expired token stays until it is replaced or deleted: the refresh job's range on expires_at passes
-- over it. Never holds the token or its hash.
CREATE TABLE query_side.current_token (
    account_id    UUID        NOT NULL PRIMARY KEY,
    token_id      UUID,
    hint          VARCHAR(16),
    expires_at    TIMESTAMPTZ,
    -- the aggregate's sequence number of the last token event applied
    last_sequence BIGINT      NOT NULL,
    CONSTRAINT current_token_all_or_nothing
        CHECK ((token_id IS NULL) = (hint IS NULL) AND (token_id IS NULL) = (expires_at IS NULL))
);

-- The refresh job's one range scan: the tokens expiring within the warning period. Deleted tokens (null) are left out.
CREATE INDEX current_token_expires_at ON query_side.current_token (expires_at) WHERE expires_at IS NOT NULL;

-- The view itself: the tokens that expire within the warning period, one row per token (and so at most one per
-- account). The primary key is what keeps two refresh jobs running at the same moment from adding a token twice.
CREATE TABLE query_side.token_expiry_warning (
    token_id   UUID        NOT NULL PRIMARY KEY,
    account_id UUID        NOT NULL,
    hint       VARCHAR(16) NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

-- soonest first, and the refresh job's removal of expired tokens
CREATE INDEX token_expiry_warning_expires_at ON query_side.token_expiry_warning (expires_at);

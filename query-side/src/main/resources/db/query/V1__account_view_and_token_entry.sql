-- The query side's own schema, query_side (Flyway creates it). It only reads the event tables (schema eventstore), which the
-- command side's migrations create; nothing here touches them.

-- Where each event processor has got to, one row per segment. Written in the same transaction
-- as the views it feeds, so that a crash neither loses nor double-applies an event. The token is
-- bytea, never an oid large object (those are orphaned on update and break pg_dump/restore);
-- timestamp is text because that is how Axon's JdbcTokenStore writes it.
CREATE TABLE query_side.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- One row per account, as dashboards and the settings screen read it. Never holds the API token
-- or its hash: only what a user may see again (id, last four characters, dates).
CREATE TABLE query_side.account_view (
    account_id          UUID         NOT NULL PRIMARY KEY,
    first_name          VARCHAR(100) NOT NULL,
    last_name           VARCHAR(100) NOT NULL,
    email               VARCHAR(254) NOT NULL,
    avatar_digest       VARCHAR(64),
    avatar_content_type VARCHAR(64),
    avatar_width        INTEGER,
    avatar_height       INTEGER,
    avatar_size_bytes   BIGINT,
    token_id            UUID,
    token_hint          VARCHAR(16),
    token_created_at    TIMESTAMPTZ,
    token_expires_at    TIMESTAMPTZ,
    -- the aggregate's version: sequence number of the last event applied (0 after registration)
    version             BIGINT       NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);

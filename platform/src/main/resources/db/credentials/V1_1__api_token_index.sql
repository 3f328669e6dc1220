-- The API tokens that may authenticate: one row per account with a token, with the token's
-- SHA-256 (never the token itself). A token is looked up by its hint (its last 4 characters, not
-- secret), then its hash is compared in constant time. The command side inserts and deletes a
-- row in the same transaction as the TokenGenerated / TokenDeleted event, so a deleted token is
-- refused by the very next request; both applications look tokens up here and note when one was
-- last used.
CREATE SCHEMA IF NOT EXISTS credentials;

CREATE TABLE credentials.api_token (
    account_id   UUID        NOT NULL PRIMARY KEY,
    token_id     UUID        NOT NULL UNIQUE,
    -- hex SHA-256 of the whole token
    token_hash   CHAR(64)    NOT NULL UNIQUE,
    hint         VARCHAR(4)  NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    -- written at most every few minutes per token, never as an event
    last_used_at TIMESTAMPTZ
);
CREATE INDEX api_token_hint ON credentials.api_token (hint);

-- Tokens generated before this index existed: each account's last token event, when it is a
-- TokenGenerated (revision 1 payload, JSON in bytea).
INSERT INTO credentials.api_token (account_id, token_id, token_hash, hint, created_at, expires_at)
SELECT (payload ->> 'accountId')::uuid,
       (payload ->> 'tokenId')::uuid,
       payload ->> 'tokenHash',
       payload ->> 'hint',
       (payload ->> 'createdAt')::timestamptz,
       (payload ->> 'expiresAt')::timestamptz
FROM (SELECT DISTINCT ON (aggregate_identifier)
             payload_type,
             convert_from(payload, 'UTF8')::jsonb AS payload
      FROM eventstore.domain_event_entry
      WHERE payload_type IN ('com.eoc.accounts.events.TokenGenerated', 'com.eoc.accounts.events.TokenDeleted')
      ORDER BY aggregate_identifier, sequence_number DESC) last_token_event
WHERE payload_type = 'com.eoc.accounts.events.TokenGenerated';

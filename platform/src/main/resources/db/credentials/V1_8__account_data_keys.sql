-- Each account's data key: its personal fields (names, email address) are stored encrypted with it
-- (AES-256-GCM) in the events, and read as erased once it is deleted. Never in an event, never in a
-- log. Written by the command side with the account's first event.
CREATE TABLE credentials.account_data_key (
    account_id UUID        NOT NULL PRIMARY KEY,
    data_key   BYTEA       NOT NULL CHECK (octet_length(data_key) = 32),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The accounts whose personal data was erased (ids only, no personal data): no key is ever made
-- for them again, and an operator who restores a backup older than an erasure deletes their keys
-- again (docs/operations.md, decision 0015).
CREATE TABLE credentials.erased_account (
    account_id UUID        NOT NULL PRIMARY KEY,
    erased_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Email addresses in use, kept in the same transaction as the events that claim or release
-- them: the unique key makes the second of two concurrent claims fail.
CREATE TABLE command_side.email_index (
    email_key  VARCHAR(254) NOT NULL PRIMARY KEY,
    account_id UUID         NOT NULL
);
CREATE INDEX email_index_account ON command_side.email_index (account_id);

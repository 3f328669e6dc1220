-- The event store: Axon's JDBC layout, with PostgreSQL types that dump and restore cleanly
-- (bytea, never oid large objects) and a global index handed out by a sequence of step 1,
-- so that streaming readers see events in the order of their index.
CREATE SCHEMA IF NOT EXISTS eventstore;
CREATE SCHEMA IF NOT EXISTS command_side;

CREATE TABLE eventstore.domain_event_entry (
    global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    -- two writers of one aggregate: exactly one of them gets this sequence number
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE eventstore.snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- Email addresses in use, kept in the same transaction as the events that claim or release
-- them: the unique key makes the second of two concurrent claims fail.
CREATE TABLE command_side.email_index (
    email_key  VARCHAR(254) NOT NULL PRIMARY KEY,
    account_id UUID         NOT NULL
);
CREATE INDEX email_index_account ON command_side.email_index (account_id);

-- Avatar images, content-addressed: the key is the hex SHA-256 of the stored PNG.
CREATE TABLE command_side.avatar_image (
    digest       CHAR(64)    NOT NULL PRIMARY KEY,
    content_type VARCHAR(64) NOT NULL,
    width        INT         NOT NULL,
    height       INT         NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    content      BYTEA       NOT NULL,
    stored_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

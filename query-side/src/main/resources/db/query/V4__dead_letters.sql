-- Events that a projection could not handle, parked per processing group by Axon's
-- JdbcSequencedDeadLetterQueue (config/DeadLetterConfig names the columns). Sequenced per
-- aggregate: while an account has a dead letter, its later events queue up behind it here, and
-- other accounts flow on. Written in the transaction of the batch that failed, so a dead letter
-- and the processor's token move together. Serialized data is bytea, never an oid large object.
-- The time columns are text because Axon binds them as ISO-8601 strings (a timestamptz column
-- would refuse them).
CREATE TABLE query_side.dead_letter_entry (
    dead_letter_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    processing_group    VARCHAR(255) NOT NULL,
    sequence_identifier VARCHAR(255) NOT NULL,
    sequence_index      BIGINT       NOT NULL,
    message_type        VARCHAR(255) NOT NULL,
    event_identifier    VARCHAR(255) NOT NULL,
    time_stamp          VARCHAR(255) NOT NULL,
    payload_type        VARCHAR(255) NOT NULL,
    payload_revision    VARCHAR(255),
    payload             BYTEA        NOT NULL,
    meta_data           BYTEA,
    aggregate_type      VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number     BIGINT,
    token_type          VARCHAR(255),
    token               BYTEA,
    enqueued_at         VARCHAR(255) NOT NULL,
    last_touched        VARCHAR(255),
    processing_started  VARCHAR(255),
    cause_type          VARCHAR(255),
    -- text: an over-long message must never make the enqueue, and so the whole batch, fail
    cause_message       TEXT,
    diagnostics         BYTEA,
    CONSTRAINT dead_letter_entry_sequence_uk UNIQUE (processing_group, sequence_identifier, sequence_index)
);

-- the unique key above serves the look-ups by group and sequence; counting a group's letters and
-- finding the claimable ones start from the group
CREATE INDEX dead_letter_entry_group_idx ON query_side.dead_letter_entry (processing_group, last_touched);

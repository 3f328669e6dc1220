-- The query-side nodes that run each event processor, as each node says again every second or so
-- (accounts.processors.balance-interval). Live nodes share a processor's segments: a node that
-- holds more than its fair share of them releases the surplus for another to claim. The time is
-- the database's, so nodes with unequal clocks agree on who is live.
CREATE TABLE query_side.event_processor_node (
    processor_name VARCHAR(255) NOT NULL,
    node           VARCHAR(255) NOT NULL,
    seen_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (processor_name, node)
);

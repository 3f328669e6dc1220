-- Tamper evidence (docs/decisions/0014). Each event's link in its account's hash chain, written
-- with the event by the command side; the events from before the chain are linked once by the
-- command side's recorded migration 1.4 (ChainExistingEvents). Numbered after the command side's
-- own and the credentials' migrations, which installations have applied already. Left nullable:
-- an event inserted by other means than the service has none, and the auditor's verifier names it.
ALTER TABLE eventstore.domain_event_entry ADD COLUMN chain_hash BYTEA;

-- Signed statements of the whole log: every event up to a global index, as the root of their
-- Merkle tree (RFC 9162), signed with the service's Ed25519 key. Only ever added to.
CREATE TABLE eventstore.checkpoint (
    position  BIGINT      NOT NULL PRIMARY KEY,
    tree_size BIGINT      NOT NULL,
    root      BYTEA       NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    key_id    TEXT        NOT NULL,
    signature BYTEA       NOT NULL
);

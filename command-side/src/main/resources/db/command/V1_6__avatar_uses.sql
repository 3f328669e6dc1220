-- Which image each account shows, kept by the command side in the transaction of the event that
-- changes it, so that an image no account uses any more can be deleted from the image store.
CREATE TABLE command_side.avatar_use (
    account_id UUID     NOT NULL PRIMARY KEY,
    digest     CHAR(64) NOT NULL
);
CREATE INDEX avatar_use_digest ON command_side.avatar_use (digest);

-- The accounts that had an image before this table existed: the last one each uploaded (no image
-- was ever removed before). Payloads are JSON in bytea.
INSERT INTO command_side.avatar_use (account_id, digest)
SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier::uuid,
       convert_from(payload, 'UTF8')::jsonb ->> 'digest'
  FROM eventstore.domain_event_entry
 WHERE payload_type = 'com.eoc.accounts.events.AvatarChanged'
 ORDER BY aggregate_identifier, sequence_number DESC;

-- Who issued each event's command (its metadata's actor), in a column of its own, so that auditors
-- can read everything one actor did, a page at a time, through an index. The command side writes
-- it with the event; the events from before this column take it from their metadata (JSON in
-- bytea). The hash chain covers the metadata's actor, not this copy of it.
ALTER TABLE eventstore.domain_event_entry ADD COLUMN actor TEXT;

UPDATE eventstore.domain_event_entry
   SET actor = CASE WHEN jsonb_typeof(convert_from(meta_data, 'UTF8')::jsonb -> 'actor') = 'string'
                    THEN convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' END
 -- a row whose metadata is not a JSON object (damaged by hand) keeps no actor, as the chain reads it
 WHERE convert_from(meta_data, 'UTF8') IS JSON OBJECT;

CREATE INDEX domain_event_entry_actor ON eventstore.domain_event_entry (actor, global_index);

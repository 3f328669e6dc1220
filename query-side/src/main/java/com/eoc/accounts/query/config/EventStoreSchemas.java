package com.eoc.accounts.query.config;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The tables Axon works on. The event tables belong to the command side (its Flyway migration
 * {@code db/command/V1}); this side only reads them, so the names must match that migration.
 * The token table is this side's own ({@code db/query/V1}).
 */
final class EventStoreSchemas {

    static final EventSchema EVENTS = EventSchema.builder()
            .eventTable("eventstore.domain_event_entry")
            .snapshotTable("eventstore.snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKENS = TokenSchema.builder()
            .setTokenTable("query_side.token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    private EventStoreSchemas() {
    }
}

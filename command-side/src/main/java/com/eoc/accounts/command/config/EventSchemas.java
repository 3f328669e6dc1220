package com.eoc.accounts.command.config;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/** Where Flyway ({@code db/command/V1}) puts the event store. */
final class EventSchemas {

    static final EventSchema POSTGRES = EventSchema.builder()
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

    private EventSchemas() {
    }
}

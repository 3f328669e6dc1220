package com.eoc.accounts.platform.eventstore;

import com.eoc.accounts.auditproof.ChainedEvent;
import com.eoc.accounts.auditproof.Sha256;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's insert of new events, with each event's link in its account's hash chain
 * ({@link ChainedEvent}) in the same row, so in the same transaction, and its actor in a column of
 * its own (what auditors look events up by). The link before the first
 * new event of an account is read from its previous event's row, on the command's connection,
 * unless the command's unit of work read that row already ({@link StreamHeads}).
 *
 * <p>An account whose previous event has no link (written outside the service after the chain
 * began, or deleted) is chained on from nothing, with a warning: refusing would lock its owner
 * out for good, and the auditor's verifier names the break either way.
 */
final class ChainedAppend implements AppendEventsStatementBuilder {

    static final String LINK_COLUMN = "chain_hash";
    static final String ACTOR_COLUMN = "actor";
    private static final Logger log = LoggerFactory.getLogger(ChainedAppend.class);

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ", " + LINK_COLUMN + ", " + ACTOR_COLUMN
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        Map<String, byte[]> links = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            byte[] previous = links.get(event.getAggregateIdentifier());
            if (previous == null) {
                previous = previousLink(connection, schema, event);
            }
            AuditedMetaData audited = AuditedMetaData.of(event.getMetaData());
            byte[] link = ChainedEvent.of(event.getAggregateIdentifier(), event.getSequenceNumber(),
                    payload.getType().getName(), payload.getType().getRevision(), (byte[]) payload.getData(),
                    timestamp, audited.actor(), audited.correlationId()).link(previous);
            links.put(event.getAggregateIdentifier(), link);

            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            insert.setString(5, timestamp);
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setObject(8, payload.getData());
            insert.setObject(9, metaData.getData());
            insert.setBytes(10, link);
            insert.setString(11, audited.actor());
            insert.addBatch();
        }
        return insert;
    }

    /** As Axon stores an event of no aggregate: an aggregate of its own, named by the event's id. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domainEvent ? domainEvent
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private static byte[] previousLink(Connection connection, EventSchema schema, DomainEventMessage<?> event)
            throws SQLException {
        if (event.getSequenceNumber() == 0) {
            return Sha256.none();
        }
        byte[] kept = StreamHeads.keptLink(event.getAggregateIdentifier(), event.getSequenceNumber() - 1);
        if (kept != null) {
            return kept;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + LINK_COLUMN + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            select.setString(1, event.getAggregateIdentifier());
            select.setLong(2, event.getSequenceNumber() - 1);
            try (ResultSet row = select.executeQuery()) {
                byte[] link = row.next() ? row.getBytes(1) : null;
                if (link == null || link.length != Sha256.LENGTH) {
                    log.warn("The hash chain of account {} is broken before event {}: it goes on from nothing",
                            event.getAggregateIdentifier(), event.getSequenceNumber());
                    return Sha256.none();
                }
                return link;
            }
        }
    }
}

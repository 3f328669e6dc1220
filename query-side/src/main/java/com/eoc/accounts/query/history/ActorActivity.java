package com.eoc.accounts.query.history;

import com.eoc.accounts.platform.personaldata.DataKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything one actor did, across accounts, in the order it was recorded: the events whose
 * command that actor issued, read from the event store itself (by its {@code actor} column and
 * index) a page at a time, through the upcasters as every reader of the store reads them.
 */
@Component
class ActorActivity {

    private static final String PAGE = """
            SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
                   payload_type, payload_revision, payload, meta_data
              FROM eventstore.domain_event_entry
             WHERE actor = ? AND global_index > ?
             ORDER BY global_index
             LIMIT ?""";

    private final JdbcClient jdbc;
    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;
    private final DataKeys keys;

    ActorActivity(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                  org.axonframework.config.Configuration axon, DataKeys keys) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.upcasters = axon.upcasterChain();
        this.keys = keys;
    }

    /**
     * A page of the actor's events: those of the first {@code limit} rows after position
     * {@code after} (a global index), and where the next page starts when this one is full.
     */
    Page after(String actor, long after, int limit) {
        List<TrackedDomainEventData<byte[]>> rows = jdbc.sql(PAGE)
                .params(actor, after, limit)
                .query(ActorActivity::entry)
                .list();
        List<ActivityEntry> events = keys.current(() -> EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(),
                        eventSerializer, upcasters)
                .map(ActorActivity::activity)
                .toList());
        return new Page(events, rows.size() < limit ? OptionalLong.empty()
                : rows.get(rows.size() - 1).trackingToken().position());
    }

    /** @param next the position the next page starts after; empty when this page is the last */
    record Page(List<ActivityEntry> events, OptionalLong next) {
    }

    private static TrackedDomainEventData<byte[]> entry(ResultSet row, int index) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong("global_index")),
                new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("time_stamp"),
                        row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data")));
    }

    private static ActivityEntry activity(TrackedEventMessage<?> event) {
        DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
        long position = event.trackingToken().position().orElseThrow();
        return ActivityEntry.of(position, domainEvent.getAggregateIdentifier(), HistoryEntry.of(domainEvent));
    }
}

package com.eoc.accounts.platform.eventstore;

import com.eoc.accounts.auditproof.Sha256;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newest event of an aggregate's stream as the event store holds it, read in the caller's
 * transaction: its sequence number, what {@code EventStore#lastSequenceNumberFor} answers, and its
 * link in the hash chain, in one query (through the (aggregate, sequence) index to the row). Within a unit of work
 * the link is kept, so that appending the next event ({@link ChainedAppend}) need not read the same
 * row again.
 */
public class StreamHeads {

    private static final String KEPT = StreamHeads.class.getName() + ".links";
    private static final String NEWEST = "SELECT " + PostgresEventStore.SCHEMA.sequenceNumberColumn() + ", "
            + ChainedAppend.LINK_COLUMN + " FROM " + PostgresEventStore.SCHEMA.domainEventTable()
            + " WHERE " + PostgresEventStore.SCHEMA.aggregateIdentifierColumn() + " = ? ORDER BY "
            + PostgresEventStore.SCHEMA.sequenceNumberColumn() + " DESC LIMIT 1";

    private final JdbcClient jdbc;

    public StreamHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence number of the aggregate's newest event; empty when it has none. */
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Optional<Head> head = jdbc.sql(NEWEST)
                .param(aggregateIdentifier)
                .query((row, number) -> new Head(row.getLong(1), row.getBytes(2)))
                .optional();
        head.ifPresent(newest -> keep(aggregateIdentifier, newest.sequenceNumber(), newest.link()));
        return head.map(Head::sequenceNumber);
    }

    /**
     * The link of the aggregate's event {@code sequenceNumber}, if this unit of work read it as the
     * stream's newest; null otherwise (then the caller reads it).
     */
    static byte[] keptLink(String aggregateIdentifier, long sequenceNumber) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, Head> kept = CurrentUnitOfWork.get().root().getResource(KEPT);
        Head head = kept == null ? null : kept.get(aggregateIdentifier);
        return head != null && head.sequenceNumber() == sequenceNumber && head.link() != null
                && head.link().length == Sha256.LENGTH ? head.link() : null;
    }

    /** Keeps the link of the aggregate's newest event for the rest of the current unit of work, if there is one. */
    static void keep(String aggregateIdentifier, long sequenceNumber, byte[] link) {
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            Map<String, Head> kept = root.getOrComputeResource(KEPT, key -> new HashMap<String, Head>());
            kept.put(aggregateIdentifier, new Head(sequenceNumber, link));
        }
    }

    private record Head(long sequenceNumber, byte[] link) {
    }
}

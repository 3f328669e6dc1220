package com.eoc.accounts.platform.eventstore;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;

/**
 * The event store both applications share: Axon's JDBC storage engine on the tables that
 * {@code db/eventstore} creates (bytea payloads, a bigserial global index). The command side
 * appends; the query side only reads.
 *
 * <p>The connection comes from Spring's transaction, so events, lookups and view rows written
 * for one message commit together.
 */
public final class PostgresEventStore {

    public static final EventSchema SCHEMA = EventSchema.builder()
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

    private static final String UNIQUE_VIOLATION = "23505";

    private PostgresEventStore() {
    }

    public static JdbcEventStorageEngine storageEngine(Serializer serializer, Serializer eventSerializer,
                                                       Configuration configuration, DataSource dataSource,
                                                       TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .schema(SCHEMA)
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(PostgresEventStore::isUniqueViolation)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .build();
    }

    /**
     * Two writers appended the same sequence number of one aggregate: Axon then reports a
     * {@code ConcurrencyException} instead of a storage failure.
     */
    static boolean isUniqueViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

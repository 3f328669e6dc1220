package com.eoc.accounts.platform.eventstore;

import com.eoc.accounts.platform.personaldata.PersonalDataConfig;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store both applications share: Axon's JDBC storage engine on the tables that
 * {@code db/eventstore} creates (bytea payloads, a bigserial global index). The command side
 * appends; the query side only reads. Each application imports this configuration.
 *
 * <p>The connection comes from Spring's transaction, so events, lookups and view rows written
 * for one message commit together. Each new event is written with its link in its account's hash
 * chain ({@link ChainedAppend}); its personal fields are stored encrypted ({@link PersonalDataConfig}).
 */
@Configuration(proxyBeanMethods = false)
@Import(PersonalDataConfig.class)
public class PostgresEventStore {

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

    /**
     * Every message runs in one Spring transaction, which its events, lookups and view rows all
     * join: a refused write takes the event with it, and a view row commits with its processor's
     * position. Declared here rather than left to Axon's auto-configuration, which orders itself
     * after Boot 3's class names of the JDBC and JPA auto-configurations and, under Boot 4, may
     * decide before the transaction manager exists: then each write commits on its own.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** Old events read as the current revision, on both sides: Axon adds every upcaster bean to its chain. */
    @Bean
    EventUpcaster accountRegisteredUpcaster() {
        return new AccountRegisteredUpcaster();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 DataSource dataSource,
                                                 TransactionManager transactionManager) {
        return storageEngine(serializer, eventSerializer, configuration, dataSource, transactionManager).build();
    }

    /** Axon's JDBC storage engine on these tables, for an application that builds one of its own kind. */
    public static JdbcEventStorageEngine.Builder storageEngine(Serializer serializer, Serializer eventSerializer,
                                                               org.axonframework.config.Configuration configuration,
                                                               DataSource dataSource,
                                                               TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .schema(SCHEMA)
                .connectionProvider(connections(dataSource))
                .transactionManager(transactionManager)
                .appendEvents(new ChainedAppend())
                .persistenceExceptionResolver(PostgresEventStore::isUniqueViolation)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter());
    }

    /** The connection of the current Spring transaction, so Axon's JDBC work joins it. */
    public static ConnectionProvider connections(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Two writers appended the same sequence number of one aggregate: Axon then reports a
     * {@code ConcurrencyException} (409) instead of a storage failure. Nothing else is a
     * duplicate, least of all a connection that broke under the insert or the commit: Axon then
     * throws an {@code EventStoreException} whose message still says the event "was already
     * inserted", and the web layer answers and logs it by its cause, the lost database
     * ({@code DatabaseUnavailable}).
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

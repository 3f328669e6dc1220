package com.eoc.accounts.query.config;

import com.eoc.accounts.platform.eventstore.PostgresEventStore;
import com.eoc.accounts.platform.web.DatabaseUnavailable;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Failures don't stop the world: Axon's JDBC dead-letter queues, in this side's PostgreSQL schema.
 *
 * <p>An event that a projection cannot handle is parked in its processing group's queue
 * ({@code query_side.dead_letter_entry}), in the batch's transaction, and the processor moves on.
 * The queue is sequenced per aggregate, so an account's later events wait behind its failed one
 * and are never applied out of order; {@code /api/admin/processors/{name}/dead-letters/retry}
 * hands them to the handlers again, and a replay clears the queue ({@code ProcessorAdmin}). A
 * failure at commit (the database) still rolls the whole batch back and is retried.
 *
 * <p>Which processing groups have a queue, and whether each segment remembers the accounts it
 * has parked, is Axon's configuration: {@code axon.eventhandling.processors.<name>.dlq.*} in
 * {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfig.class);

    /**
     * Axon's own module, which gives a queue to every processing group whose {@code dlq.enabled}
     * is set. Declared here with the bean name of Axon's JDBC auto-configuration, which would
     * declare the same: that auto-configuration requires a {@link DataSource} bean but is not
     * ordered after Boot 4's data source auto-configuration, so it may find none.
     */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, DataSource dataSource, TransactionManager transactionManager,
            DeadLetterSchema schema, Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new DeadLetterQueueProviderConfigurerModule(processors,
                processingGroup -> config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(processingGroup)
                        .schema(schema)
                        .connectionProvider(PostgresEventStore.connections(dataSource))
                        .transactionManager(transactionManager)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build());
    }

    @Bean
    ConfigurerModule parkFailedEventsAndWarn() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultDeadLetterPolicy(config -> DeadLetterConfig::parkAndWarn);
    }

    /** The table of {@code db/query/V4}, with the snake_case column names of the other tables. */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("query_side.dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Parks every failed event, as Axon does by default, and says so; the queue keeps only the
     * cause's class and message, the log keeps its stack trace, never the event itself, which may
     * hold what must not be logged. A lost database is not the event's fault, and the event could
     * not be parked anyway: the batch rolls back and the processor retries it once the database
     * answers again.
     */
    private static EnqueueDecision<EventMessage<?>> parkAndWarn(DeadLetter<? extends EventMessage<?>> letter,
                                                              Throwable cause) {
        if (DatabaseUnavailable.isCauseOf(cause) && cause instanceof RuntimeException lostDatabase) {
            throw lostDatabase;
        }
        EventMessage<?> event = letter.message();
        log.warn("Event {} ({}) of {} could not be handled; it is parked in its processing group's dead-letter "
                        + "queue, and so are the later events of that aggregate until it is retried",
                event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event instanceof DomainEventMessage<?> domainEvent
                        ? domainEvent.getType() + " " + domainEvent.getAggregateIdentifier() : "no aggregate",
                cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }
}

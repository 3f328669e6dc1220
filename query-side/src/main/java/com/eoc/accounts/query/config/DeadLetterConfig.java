package com.eoc.accounts.query.config;

import com.eoc.accounts.platform.eventstore.PostgresEventStore;
import com.eoc.accounts.platform.web.DatabaseUnavailable;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Failures don't stop the world: Axon's dead-letter queues, in this side's PostgreSQL schema,
 * sharing the JPA transaction of the views like the rest of {@link AxonConfig}.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfig.class);

    /**
     * An event that a projection cannot handle is parked in its processing group's dead-letter
     * queue ({@code query_side.dead_letter_entry}), in the batch's transaction, and the processor
     * moves on: one bad event no longer stops every account behind it. The queue is sequenced per
     * aggregate, so an account's later events wait behind its failed one and are never applied out
     * of order; {@code /api/admin/processors/{name}/dead-letters/retry} hands them to the handlers
     * again. A failure at commit (the database) still rolls the whole batch back and is retried.
     *
     * <p>Every processing group declared with {@code @ProcessingGroup} gets one, without a line of
     * configuration. Resetting its processor clears it (a replay hands every event to the handlers
     * again, which would otherwise queue them a second time behind the old letters). Each segment
     * remembers which accounts it has parked (Axon's sequence-identifier cache), so an event of
     * any other account goes to its handlers without a look-up in the queue: one query less per
     * event (when the queue held letters as the segment was claimed, each account is looked up
     * once). It was once left off because a processor then failed to stop; that happened while the
     * query side was running out of heap (see {@link ReaderStorageEngine}), and with
     * the heap fixed the processors stop as they do without it.
     */
    @Bean
    ConfigurerModule deadLetterQueuePerProcessingGroup(ListableBeanFactory beans, DataSource dataSource,
                                                      TransactionManager transactionManager, Serializer serializer,
                                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                                      DeadLetterSchema deadLetterSchema) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String processingGroup : declaredProcessingGroups(beans)) {
                processing.registerDeadLetterQueue(processingGroup, config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(processingGroup)
                        .schema(deadLetterSchema)
                        .connectionProvider(PostgresEventStore.connections(dataSource))
                        .transactionManager(transactionManager)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .build());
                processing.registerDeadLetterPolicy(processingGroup, config -> parkAndWarn(processingGroup));
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup,
                        (config, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
            }
        };
    }

    /**
     * The table of {@code db/query/V4}, with the snake_case column names of the other tables
     * instead of Axon's camelCase defaults. Also the one of Axon's own JDBC dead-letter queues,
     * should a processor be given one through {@code axon.eventhandling.processors.<name>.dlq.enabled}
     * (which the bean above makes needless).
     */
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
     * Parks every failed event, as Axon does by default, and says so (but for a lost database): the queue keeps only the
     * cause's class and message, the log keeps its stack trace. Never the event itself, which may
     * hold what must not be logged.
     */
    private static EnqueuePolicy<EventMessage<?>> parkAndWarn(String processingGroup) {
        return (letter, cause) -> {
            if (DatabaseUnavailable.isCauseOf(cause) && cause instanceof RuntimeException lostDatabase) {
                // not the event's fault, and it could not be parked anyway: the batch rolls back and
                // the processor retries it once the database answers again
                throw lostDatabase;
            }
            EventMessage<?> event = letter.message();
            log.warn("Processing group {} could not handle event {} ({}) of {}; it is parked in the dead-letter "
                            + "queue, and so are the later events of that aggregate until it is retried",
                    processingGroup, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    event instanceof DomainEventMessage<?> domainEvent
                            ? domainEvent.getType() + " " + domainEvent.getAggregateIdentifier() : "no aggregate",
                    cause);
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }

    /** Read from the bean definitions, without creating any bean (nor a FactoryBean) this early. */
    private static Set<String> declaredProcessingGroups(ListableBeanFactory beans) {
        Set<String> processingGroups = new TreeSet<>();
        for (String name : beans.getBeanDefinitionNames()) {
            ProcessingGroup declared = beans.findAnnotationOnBean(name, ProcessingGroup.class, false);
            if (declared != null) {
                processingGroups.add(declared.value());
            }
        }
        return processingGroups;
    }
}

package com.eoc.accounts.query.config;

import com.eoc.accounts.platform.eventstore.PostgresEventStore;
import com.eoc.accounts.platform.observability.PlatformObservability;
import com.eoc.accounts.platform.observability.CorrelationIds;
import com.eoc.accounts.platform.observability.MessageLog;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon on PostgreSQL without Axon Server, wired by hand: Axon's JPA auto-configuration is
 * excluded (its entities would fail schema validation and map {@code @Lob} to {@code oid}), and
 * its JDBC auto-configuration is conditional on a {@link DataSource} bean without being ordered
 * after Boot 4's data source auto-configuration, so whether it applies is left to chance.
 *
 * <p>Every piece shares the one {@link DataSource} and the JPA transaction manager, so a
 * projection's rows and its processor's token are committed in one transaction.
 */
@Configuration(proxyBeanMethods = false)
@Import({PostgresEventStore.class, PlatformObservability.class})
class QuerySideAxonConfig {

    /** Three of the intervals at which a live node renews its claims. */
    private static final Duration LEAST_CLAIM_TIMEOUT = Duration.ofSeconds(3);
    /** The unit of work's resource that says its commit will wake the waiting readers. */
    private static final String WAKES_READERS = ViewUpdates.class.getName();

    /**
     * Events written by the command side, another process, reach this one when the command side's
     * notification wakes the store ({@link AppendListener}, decision 0011), or else by polling the
     * event table every {@code fetchDelay}: Axon 4.13 has no property for it, hence this bean.
     * The store's reader reads the event table one batch ({@code readBatchSize} events) per stream,
     * and its head at most once per {@code headReadInterval} ({@link ReaderStorageEngine}, decision 0010). Every other read
     * (a processor's own stream behind the store's cache, an account's history) is Axon's JDBC
     * engine's own. The shared engine's bean stays in this context too: this side's tests append
     * events with it, as the command side would.
     */
    @Bean
    NotifiedEventStore eventStore(Serializer serializer,
                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                  org.axonframework.config.Configuration configuration, DataSource dataSource,
                                  TransactionManager transactionManager,
                                  @Value("${accounts.event-store.fetch-delay}") Duration fetchDelay,
                                  @Value("${accounts.event-store.head-read-interval}") Duration headReadInterval,
                                  @Value("${accounts.event-store.read-batch-size}") int readBatchSize) {
        return new NotifiedEventStore(EmbeddedEventStore.builder()
                .storageEngine(new ReaderStorageEngine(PostgresEventStore.storageEngine(serializer, eventSerializer,
                        configuration, dataSource, transactionManager).batchSize(readBatchSize), headReadInterval))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
    }

    /**
     * Axon's tracking tokens hold other tokens and a reset context typed {@code Object} (a
     * {@code ReplayToken}, written when a processor starts on a store that already has events or
     * replays). Jackson 3 refuses to resolve subtypes of {@code Object} unless told which are safe
     * (Axon 4.13.0, its issue 4160): Axon's own, the tokens, and nothing else; events and
     * metadata carry no class names.
     */
    @Bean
    Jackson3SerializerCustomizer axonTypesAreSafeToResolve() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }

    /**
     * This node's name: the owner the token table gives the segments it works on.
     */
    @Bean
    QueryNode queryNode(@Value("${accounts.processors.node-name}") String name) {
        return new QueryNode(name.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : name.strip());
    }

    /**
     * The processors' positions, in this side's token table.
     *
     * <p>A segment's claim lapses {@code claimTimeout} after its owner last wrote it; another node
     * then takes the segment over. A live owner writes it at least once per second (a batch's
     * position, or Axon's claim extension while no event comes), so the timeout stays a few of
     * those seconds above it: a claim is never taken from a node that is merely busy. Were it taken
     * all the same (a node stalled for longer between two batches), no event would be handled
     * twice: a batch first writes its position on the condition that this node still owns the
     * segment, and that row stays locked until the view rows commit with it, so the stalled node's
     * next batch is refused before it changes anything.
     */
    @Bean
    TokenStore tokenStore(DataSource dataSource, Serializer serializer, QueryNode node,
                          @Value("${accounts.processors.claim-timeout}") Duration claimTimeout) {
        if (claimTimeout.compareTo(LEAST_CLAIM_TIMEOUT) < 0) {
            throw new IllegalArgumentException("accounts.processors.claim-timeout must be at least "
                    + LEAST_CLAIM_TIMEOUT + ": a live node renews its claims about once a second, and a shorter"
                    + " timeout would let another node take them from it");
        }
        return JdbcTokenStore.builder()
                .schema(TokenSchemas.TOKENS)
                .connectionProvider(PostgresEventStore.connections(dataSource))
                .serializer(serializer)
                .contentType(byte[].class)
                .nodeId(node.name())
                .claimTimeout(claimTimeout)
                .build();
    }

    /**
     * The query side sends no command or event of its own, so no correlation data needs carrying
     * over. Without a provider of its own, Axon would install its default one, which reads (and so
     * deserializes) the metadata of every event handled to copy its ids into messages that nobody
     * reads.
     */
    @Bean
    CorrelationDataProvider nothingToCorrelate() {
        return message -> Map.of();
    }

    /**
     * Every processor's unit of work, once committed, wakes the readers waiting for a view to
     * reach a version ({@link ViewUpdates}): after the commit, so what they read again is there.
     * Once per unit of work (a batch of events), not per event.
     */
    @Bean
    ConfigurerModule committedViewsWakeTheirReaders(ViewUpdates updates) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (config, processorName) -> (MessageHandlerInterceptor<EventMessage<?>>) (unitOfWork, chain) -> {
                    if (unitOfWork.resources().putIfAbsent(WAKES_READERS, Boolean.TRUE) == null) {
                        unitOfWork.afterCommit(committed -> updates.happened());
                    }
                    return chain.proceed();
                });
    }

    /**
     * Every log line written while an event is handled names the request that caused it: the
     * correlation id the command side recorded in the event's metadata, in the logging context
     * as a request's own is ({@link CorrelationIds}). Its trace id is there too, from the span
     * that Axon's tracing opens around the event's handling. Then the message log ({@link MessageLog}), within it.
     */
    @Bean
    ConfigurerModule eventHandlingLogsItsCorrelationId() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processorName) -> QuerySideAxonConfig::withCorrelationId)
                .registerDefaultHandlerInterceptor((config, processorName) -> new MessageLog<EventMessage<?>>());
    }

    private static Object withCorrelationId(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                            InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(CorrelationIds.KEY);
        if (correlationId == null) {
            return chain.proceed();
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationIds.KEY, correlationId.toString())) {
            return chain.proceed();
        }
    }

    /**
     * A projection that fails rolls back its batch and its token, and the processor retries it,
     * instead of logging the failure and moving on without the event (Axon's default), which
     * would leave the view silently wrong. In a processing group with a dead-letter queue (all of
     * them: {@link DeadLetterConfig}) the propagated failure parks the event there instead.
     */
    @Bean
    ConfigurerModule projectionsRetryFailedEvents() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}

package com.eoc.accounts.command.config;

import com.eoc.accounts.command.avatar.AvatarUses;
import com.eoc.accounts.command.email.EmailIndex;
import com.eoc.accounts.command.erasure.DataKeyErasure;
import com.eoc.accounts.command.login.AccountLoginIndex;
import com.eoc.accounts.command.token.ApiTokenIndexing;
import com.eoc.accounts.platform.eventstore.PostgresEventStore;
import com.eoc.accounts.platform.eventstore.StreamHeads;
import com.eoc.accounts.platform.observability.MessageLog;
import com.eoc.accounts.platform.observability.PlatformObservability;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DefaultEventProcessorSpanFactory;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.tracing.NoOpSpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command side's Axon, on PostgreSQL without Axon Server: the JDBC event store on Flyway's
 * tables (bytea payloads, a bigserial global index), the email, login and API token indexes in
 * the command's own transaction, and the platform's observability (correlation ids, Axon's spans in
 * the request's trace). Who issued each event's command, and in which request, is recorded in its
 * metadata by {@code web.RequestMetadata}.
 */
@Configuration(proxyBeanMethods = false)
@Import({PostgresEventStore.class, PlatformObservability.class})
class CommandSideAxonConfig {

    /** The one processor that runs every lookup, in the command's unit of work (application.yml). */
    static final String LOOKUPS = "lookups";

    private static final List<String> LOOKUP_GROUPS = List.of(EmailIndex.PROCESSING_GROUP,
            AccountLoginIndex.PROCESSING_GROUP, ApiTokenIndexing.PROCESSING_GROUP, AvatarUses.PROCESSING_GROUP,
            DataKeyErasure.PROCESSING_GROUP);

    /**
     * The write-side lookups share one subscribing processor, so that a command's event passes
     * through one processor's unit of work, not one per lookup. They refuse a command by failing
     * its event's handling: a taken email address, a registration whose login subject is taken, a
     * token event that cannot be indexed. Their failures reach the command, so the event is not
     * stored either.
     */
    @Bean
    ConfigurerModule lookupsFailTheCommand() {
        return configurer -> LOOKUP_GROUPS.forEach(group -> configurer.eventProcessing()
                .assignProcessingGroup(group, LOOKUPS)
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance()));
    }

    /**
     * No message metrics for the lookups: they run in the command's unit of work, so the command
     * bus's timer and counters already cover them. More specific than the platform's registration
     * for every event processor, so it wins.
     */
    @Bean
    ConfigurerModule noMonitorsForTheLookups() {
        return configurer -> configurer.configureMessageMonitor(SubscribingEventProcessor.class,
                (configuration, componentType, componentName) -> NoOpMessageMonitor.instance());
    }

    /**
     * No spans of their own for the lookups either, for the same reason: the command's span and its
     * handler's already hold their work. The lookups' processor is this side's only one.
     */
    @Bean
    EventProcessorSpanFactory lookupsWithoutSpans() {
        return DefaultEventProcessorSpanFactory.builder().spanFactory(NoOpSpanFactory.INSTANCE).build();
    }

    /** Each account's newest event, read once per command on a cached account (the account repository). */
    @Bean
    StreamHeads streamHeads(JdbcClient jdbc) {
        return new StreamHeads(jdbc);
    }

    /** Each command's handling in the message log, off unless its level is raised ({@link MessageLog}). */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandLog() {
        return new MessageLog<>();
    }
}

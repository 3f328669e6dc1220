package com.eoc.accounts.command.config;

import com.eoc.accounts.command.email.EmailIndex;
import com.eoc.accounts.command.login.AccountLoginIndex;
import com.eoc.accounts.command.token.ApiTokenIndexing;
import com.eoc.accounts.platform.eventstore.PostgresEventStore;
import java.util.stream.Stream;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The command side's Axon, on PostgreSQL without Axon Server: the JDBC event store on Flyway's
 * tables (bytea payloads, a bigserial global index), the email, login and API token indexes in
 * the command's own transaction, and which command and request caused each event in its metadata
 * (who issued it: see {@code web.Actors}).
 */
@Configuration(proxyBeanMethods = false)
@Import(PostgresEventStore.class)
class CommandSideAxonConfig {

    /**
     * The write-side lookups refuse a command by failing its event's handling: a taken email
     * address, a registration whose login subject is taken, a token event that cannot be indexed.
     * Their failures reach the command, so the event is not stored either.
     */
    @Bean
    ConfigurerModule lookupsFailTheCommand() {
        return configurer -> Stream.of(EmailIndex.PROCESSING_GROUP, AccountLoginIndex.PROCESSING_GROUP,
                        ApiTokenIndexing.PROCESSING_GROUP)
                .forEach(group -> configurer.eventProcessing()
                        .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance()));
    }

    /** correlationId and traceId: which command caused an event, and which request started the chain. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}

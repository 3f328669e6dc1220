package com.eoc.accounts.command.config;

import com.eoc.accounts.command.email.EmailIndex;
import com.eoc.accounts.command.login.AccountLoginIndex;
import com.eoc.accounts.command.token.ApiTokenIndexing;
import com.eoc.accounts.platform.eventstore.PostgresEventStore;
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

    /** The email index must refuse a taken address by failing the command that claims it. */
    @Bean
    ConfigurerModule emailIndexFailsTheCommand() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                EmailIndex.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    /** The API token index too: a token event that cannot be indexed must not be stored either. */
    @Bean
    ConfigurerModule apiTokenIndexFailsTheCommand() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ApiTokenIndexing.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    /** The login index too: a registration whose subject is taken must not be stored. */
    @Bean
    ConfigurerModule loginIndexFailsTheCommand() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                AccountLoginIndex.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    /** correlationId and traceId: which command caused an event, and which request started the chain. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}

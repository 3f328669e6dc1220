package com.eoc.accounts.command.web;

import com.eoc.accounts.platform.eventstore.AuditedMetaData;
import com.eoc.accounts.platform.observability.CorrelationIds;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What every event's metadata records of the request that caused it, for auditors and operators:
 * who issued it, the authenticated subject (a user's account id, or a service's name, so that an
 * admin acting on somebody's account shows as the admin), and the request's correlation id, which
 * the caller got back in {@value CorrelationIds#HEADER} and which the log lines of both sides carry
 * (a command sent outside a request is its own correlation id).
 *
 * <p>Both are stamped on each command as it is sent, on the request's own thread, and Axon copies
 * them onto the events the command causes; the code that sends commands never reads them.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetadata {

    static final String ANONYMOUS = "anonymous";
    /** The metadata key of who issued a command, which its events keep and their chain links cover. */
    static final String ACTOR = AuditedMetaData.ACTOR;

    /** Registered with the command gateway by Axon's Spring Boot support, as every such bean is. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> requestOfEachCommand() {
        return messages -> (index, command) -> command.andMetaData(Map.of(ACTOR, currentActor(),
                CorrelationIds.KEY, Objects.requireNonNullElse(CorrelationIds.current(), command.getIdentifier())));
    }

    /** Copies both from a command into the metadata of each event it causes. */
    @Bean
    CorrelationDataProvider requestCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, CorrelationIds.KEY);
    }

    static String currentActor() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || !caller.isAuthenticated() ? ANONYMOUS : caller.getName();
    }
}

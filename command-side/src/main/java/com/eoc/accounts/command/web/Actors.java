package com.eoc.accounts.command.web;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is issuing the current request, as recorded in every event's metadata: the authenticated
 * subject (a user's account id, or a service's name), so that an admin acting on somebody's
 * account shows as the admin.
 *
 * <p>The caller is stamped on each command as it is sent, on the request's own thread, and Axon
 * copies it onto the events the command causes; the code that sends commands never reads it.
 */
@Configuration(proxyBeanMethods = false)
class Actors {

    static final String ANONYMOUS = "anonymous";
    static final String METADATA_KEY = "actor";

    /** Registered with the command gateway by Axon's Spring Boot support, as every such bean is. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorOfEachCommand() {
        return messages -> (index, command) -> command.andMetaData(Map.of(METADATA_KEY, current()));
    }

    /** Copies who issued a command into the metadata of each event it causes. */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(METADATA_KEY);
    }

    static String current() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || !caller.isAuthenticated() ? ANONYMOUS : caller.getName();
    }
}

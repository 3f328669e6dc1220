package com.eoc.accounts.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What both applications tell operators beyond their answers: a correlation id for every request
 * ({@link CorrelationIds}), Axon's message metrics ({@link MessageMetrics}), and Axon's spans in the same traces as the requests, through the
 * OpenTelemetry SDK that Spring Boot configures (exported only where an OTLP endpoint is set).
 * Each application imports this.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformObservability {

    /** Right after the request's observation starts, so every later filter logs with the id. */
    @Bean
    FilterRegistrationBean<CorrelationIds> correlationIds() {
        FilterRegistrationBean<CorrelationIds> registration = new FilterRegistrationBean<>(new CorrelationIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Axon's spans (a command's handling, the event append, an event's handling on the query side)
     * made by the tracer of Spring Boot's OpenTelemetry, so they join the request's trace and put
     * their trace id in the log lines. Axon 4 carries a span's context to the next message in its
     * metadata through the JVM-wide {@link GlobalOpenTelemetry}'s propagators; this sets them there
     * (the W3C ones Boot uses) without a tracer, which stays this application's own.
     */
    @Bean
    SpanFactory axonSpanFactory(OpenTelemetry openTelemetry) {
        try {
            GlobalOpenTelemetry.set(OpenTelemetry.propagating(openTelemetry.getPropagators()));
        } catch (IllegalStateException alreadySet) {
            // by an earlier application context of this JVM (tests), with the same propagators
        }
        return OpenTelemetrySpanFactory.builder().tracer(openTelemetry.getTracer("axon-framework")).build();
    }

    /**
     * Axon's message metrics for its buses and processors. A more specific registration of an
     * application's own (the command side's lookups have none) takes precedence.
     */
    @Bean
    ConfigurerModule messageMetrics(MeterRegistry registry) {
        return configurer -> {
            configurer.configureMessageMonitor(EventProcessor.class,
                    MessageMetrics.forProcessors(registry, Clock.systemUTC()));
            List.of(CommandBus.class, EventBus.class, QueryBus.class).forEach(bus ->
                    configurer.configureMessageMonitor(bus, MessageMetrics.forBuses(registry)));
        };
    }
}

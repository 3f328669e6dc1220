package com.eoc.accounts.query.admin;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code eventProcessors} health, part of the query side's readiness: DOWN once an event
 * processor has stopped on an error, which Axon does not retry (an {@link Error} out of a handler,
 * say): this node's views then stay where they are until it is restarted, so a load balancer
 * should send its reads elsewhere. What Axon retries by itself does not count (a batch that failed
 * on the database, which the {@code db} health covers), nor does an event a projection cannot
 * handle, which is parked as a dead letter while the processor goes on.
 */
@Component
class EventProcessorsHealthIndicator implements HealthIndicator {

    private static final String STOPPED_ON_AN_ERROR = "stopped on an error";

    private final EventProcessingConfiguration eventProcessing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration eventProcessing) {
        this.eventProcessing = eventProcessing;
    }

    @Override
    public Health health() {
        Map<String, String> states = new TreeMap<>();
        eventProcessing.eventProcessors().forEach((name, processor) -> states.put(name, state(processor)));
        return (states.containsValue(STOPPED_ON_AN_ERROR) ? Health.down() : Health.up()).withDetails(states).build();
    }

    private static String state(EventProcessor processor) {
        if (processor.isError()) {
            return STOPPED_ON_AN_ERROR;
        }
        return processor.isRunning() ? "running" : "stopped";
    }
}

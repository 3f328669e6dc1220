package com.eoc.accounts.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class MessageMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    record Rename(String name) {
    }

    record Renamed(String name) {
    }

    @Test
    void aBusCountsAndTimesEachMessageUnderAxonsNamesTaggedWithItsPayloadType() {
        MessageMonitor<Message<?>> commandBus = MessageMetrics.forBuses(registry)
                .create(null, SimpleCommandBus.class, "commandBus");

        commandBus.onMessageIngested(new GenericCommandMessage<>(new Rename("Ada"))).reportSuccess();
        commandBus.onMessageIngested(new GenericCommandMessage<>(new Rename("Ada"))).reportSuccess();
        commandBus.onMessageIngested(new GenericCommandMessage<>(new Rename(""))).reportFailure(new IllegalStateException());

        assertThat(count("commandBus.ingestedCounter", "Rename")).isEqualTo(3);
        assertThat(count("commandBus.successCounter", "Rename")).isEqualTo(2);
        assertThat(count("commandBus.failureCounter", "Rename")).isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "Rename").timer().count()).isEqualTo(3);
    }

    @Test
    void aPayloadTypesMetersAreRegisteredOnceNotLookedUpPerMessage() {
        MessageMonitor<Message<?>> commandBus = MessageMetrics.forBuses(registry)
                .create(null, SimpleCommandBus.class, "commandBus");
        commandBus.onMessageIngested(new GenericCommandMessage<>(new Rename("Ada"))).reportSuccess();
        int meters = registry.getMeters().size();

        for (int i = 0; i < 100; i++) {
            commandBus.onMessageIngested(new GenericCommandMessage<>(new Rename("Ada " + i))).reportSuccess();
        }

        assertThat(registry.getMeters()).hasSize(meters);
        assertThat(count("commandBus.successCounter", "Rename")).isEqualTo(101);
    }

    @Test
    void aProcessorsMetersNameItAndItsLatencyIsTheAgeOfTheLastEventItHandled() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        MessageMonitor<Message<?>> processor = MessageMetrics.forProcessors(registry, Clock.fixed(now, ZoneOffset.UTC))
                .create(null, TrackingEventProcessor.class, "accounts");

        processor.onMessageIngested(event(now.minusMillis(250))).reportSuccess();
        processor.onMessageIngested(event(now.minusMillis(40))).reportIgnored();

        assertThat(registry.get("eventProcessor.successCounter").tags("processorName", "accounts", "payloadType", "Renamed")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.ignoredCounter").tags("processorName", "accounts", "payloadType", "Renamed")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.allTimer").tag("processorName", "accounts").timer().count())
                .as("an event of another segment is counted, not timed").isEqualTo(1);
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "accounts").gauge().value())
                .as("an event of another segment is not handled").isEqualTo(250);
    }

    private static GenericEventMessage<Renamed> event(Instant timestamp) {
        return new GenericEventMessage<>(new GenericEventMessage<>(new Renamed("Ada")), () -> timestamp);
    }

    private double count(String name, String payloadType) {
        return registry.get(name).tag("payloadType", payloadType).counter().count();
    }
}

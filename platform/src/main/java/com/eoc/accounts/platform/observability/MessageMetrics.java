package com.eoc.accounts.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Axon's message metrics, under the names and tags of Axon's own dimensional monitors
 * ({@code commandBus.successCounter}, {@code eventProcessor.allTimer}, {@code eventProcessor.latency},
 * tagged {@code payloadType} and, for a processor, {@code processorName}), with each component's
 * meters registered once per payload type.
 *
 * <p>Axon's monitors look up nine meters in the registry for every message, and time it into
 * client-side percentiles: a sixth of the query side's event handling, and a twentieth of a
 * command, in a profile (docs/decisions/0016-lean-message-metrics.md). Here a message costs a map
 * read, two counter increments and one timer record; percentiles are Prometheus's, from a
 * histogram where one is asked for ({@code management.metrics.distribution.percentiles-histogram}).
 * Axon's capacity is the timer's rate: {@code rate(eventProcessor_allTimer_seconds_sum[1m])} is
 * the share of time each processor is busy.
 */
final class MessageMetrics implements MessageMonitor<Message<?>> {

    /** The prefix of every event processor's meters, as Axon names them (their processorName tag tells them apart). */
    static final String PROCESSOR = "eventProcessor";

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags tags;
    private final Clock clock;
    /** A processor's age of the last event it handled, in ms; null for a bus. */
    private final AtomicLong latency;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    private MessageMetrics(MeterRegistry registry, String prefix, Tags tags, Clock clock, boolean processor) {
        this.registry = registry;
        this.prefix = prefix;
        this.tags = tags;
        this.clock = clock;
        this.latency = processor ? new AtomicLong() : null;
        if (processor) {
            Gauge.builder(prefix + ".latency", latency, AtomicLong::get)
                    .description("How old, in milliseconds, the last event this processor handled was")
                    .tags(tags)
                    .register(registry);
        }
    }

    /** The monitor of each event processor, its meters tagged with its name. */
    static MessageMonitorFactory forProcessors(MeterRegistry registry, Clock clock) {
        return (configuration, componentType, processorName) ->
                new MessageMetrics(registry, PROCESSOR, Tags.of("processorName", processorName), clock, true);
    }

    /** The monitor of a command, event or query bus, its meters named after it ({@code commandBus}, {@code eventStore}). */
    static MessageMonitorFactory forBuses(MeterRegistry registry) {
        return (configuration, componentType, busName) ->
                new MessageMetrics(registry, busName, Tags.empty(), Clock.systemUTC(), false);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.get(message.getPayloadType());
        if (meters == null) {
            meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::register);
        }
        meters.ingested.increment();
        return new Callback(message, meters, System.nanoTime());
    }

    /** A processor's latency, from an event it handled: one of another segment is not even read. */
    private void took(Message<?> message) {
        if (latency != null && message instanceof EventMessage<?> event) {
            latency.set(Math.max(0, clock.millis() - event.getTimestamp().toEpochMilli()));
        }
    }

    private Meters register(Class<?> payloadType) {
        Tags typed = tags.and("payloadType", payloadType.getSimpleName());
        return new Meters(counter("ingestedCounter", typed), counter("successCounter", typed),
                counter("failureCounter", typed), counter("ignoredCounter", typed),
                Timer.builder(prefix + ".allTimer")
                        .description("How long messages took to handle, successfully or not")
                        .tags(typed)
                        .register(registry));
    }

    private Counter counter(String name, Tags typed) {
        return Counter.builder(prefix + "." + name).tags(typed).register(registry);
    }

    private record Meters(Counter ingested, Counter success, Counter failure, Counter ignored, Timer all) {
    }

    private final class Callback implements MonitorCallback {

        private final Message<?> message;
        private final Meters meters;
        private final long started;

        private Callback(Message<?> message, Meters meters, long started) {
            this.message = message;
            this.meters = meters;
            this.started = started;
        }

        @Override
        public void reportSuccess() {
            meters.success.increment();
            handled();
        }

        @Override
        public void reportFailure(Throwable cause) {
            meters.failure.increment();
            handled();
        }

        @Override
        public void reportIgnored() {
            meters.ignored.increment();
        }

        private void handled() {
            meters.all.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            took(message);
        }
    }
}

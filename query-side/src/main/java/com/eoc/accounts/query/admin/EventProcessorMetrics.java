package com.eoc.accounts.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each streaming event processor's progress as gauges, tagged with the processor's name: where
 * this node's segments are in the event stream, how many events the slowest of them is behind the
 * stream's head, how many of them this node works on and how many are failing, and how many events
 * are parked in the processor's dead-letter queue. Axon's own meters count and time the events
 * handled; these say whether the views are keeping up.
 *
 * <p>Registered once the application has started, when Axon has built its processors. A gauge is
 * read at each scrape: positions from the processor's memory, the head and the dead letters from
 * the database (one small query each; while the database is away they read as unknown).
 */
@Component
class EventProcessorMetrics {

    private final EventProcessingConfiguration eventProcessing;
    private final ProcessorAdmin admin;
    private final MeterRegistry registry;

    EventProcessorMetrics(EventProcessingConfiguration eventProcessing, ProcessorAdmin admin, MeterRegistry registry) {
        this.eventProcessing = eventProcessing;
        this.admin = admin;
        this.registry = registry;
    }

    @EventListener(ApplicationStartedEvent.class)
    void register() {
        eventProcessing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                register(name, streaming);
            }
        });
    }

    private void register(String name, StreamingEventProcessor processor) {
        Tags processorTag = Tags.of("processor", name);
        Gauge.builder("accounts.processor.position", processor, p -> furthest(segments(p)))
                .tags(processorTag).description("The furthest global index this node's segments have handled")
                .register(registry);
        Gauge.builder("accounts.processor.lag", processor, this::lag)
                .tags(processorTag).baseUnit("events")
                .description("Events between the head of the event store and this node's slowest segment")
                .register(registry);
        Gauge.builder("accounts.processor.segments.claimed", processor, p -> segments(p).size())
                .tags(processorTag).description("Segments of the processor this node works on")
                .register(registry);
        Gauge.builder("accounts.processor.segments.failing", processor,
                        p -> segments(p).stream().filter(EventTrackerStatus::isErrorState).count())
                .tags(processorTag).description("Segments of this node retrying a batch that failed")
                .register(registry);
        Gauge.builder("accounts.processor.dead.letters", this, ignored -> deadLetters(name))
                .tags(processorTag).description("Events parked in the processor's dead-letter queue")
                .register(registry);
    }

    private static Collection<EventTrackerStatus> segments(StreamingEventProcessor processor) {
        return processor.processingStatus().values();
    }

    private static double furthest(Collection<EventTrackerStatus> segments) {
        return segments.stream().map(EventTrackerStatus::getCurrentPosition).flatMapToLong(OptionalLong::stream)
                .max().orElse(0);
    }

    /**
     * A segment that has handled nothing yet is at the start of the stream; a node without
     * segments is behind on nothing (another node's gauge tells of those segments).
     */
    private double lag(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = segments(processor);
        if (segments.isEmpty()) {
            return 0;
        }
        long slowest = segments.stream().mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min().orElseThrow();
        return Math.max(0, admin.head() - slowest);
    }

    private double deadLetters(String name) {
        return eventProcessing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }
}

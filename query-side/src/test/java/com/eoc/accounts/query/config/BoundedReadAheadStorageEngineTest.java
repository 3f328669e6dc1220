package com.eoc.accounts.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * How the event store's reader sees the storage engine: in runs it can let go of, each starting
 * where the last one stopped, with nothing lost or read twice.
 */
class BoundedReadAheadStorageEngineTest {

    private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();

    @Test
    void theReadersStreamEndsAfterARunAndTheNextRunStartsWhereItEnded() {
        store(25);
        BoundedReadAheadStorageEngine engine = new BoundedReadAheadStorageEngine(stored, 10);

        List<? extends TrackedEventMessage<?>> first = engine.readEvents(null, true).toList();
        List<? extends TrackedEventMessage<?>> second = engine.readEvents(last(first), true).toList();
        List<? extends TrackedEventMessage<?>> third = engine.readEvents(last(second), true).toList();

        assertThat(payloads(first)).containsExactlyElementsOf(range(0, 10));
        assertThat(payloads(second)).containsExactlyElementsOf(range(10, 20));
        assertThat(payloads(third)).containsExactlyElementsOf(range(20, 25));
    }

    @Test
    void aStreamThatDoesNotBlockIsReadToTheEnd() {
        store(25);
        BoundedReadAheadStorageEngine engine = new BoundedReadAheadStorageEngine(stored, 10);

        assertThat(payloads(engine.readEvents(null, false).toList())).containsExactlyElementsOf(range(0, 25));
    }

    @Test
    void messagesUpcastFromOneStoredEventStayInOneRun() {
        store(4);
        // each stored event read as two messages with its token, as an upcaster that splits events makes them
        InMemoryEventStorageEngine splitting = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                return stored.readEvents(token, mayBlock).flatMap(event -> Stream.of(event,
                        new GenericTrackedEventMessage<>(event.trackingToken(),
                                GenericEventMessage.asEventMessage(event.getPayload() + "b"))));
            }
        };
        BoundedReadAheadStorageEngine engine = new BoundedReadAheadStorageEngine(splitting, 3);

        List<? extends TrackedEventMessage<?>> first = engine.readEvents(null, true).toList();
        List<? extends TrackedEventMessage<?>> second = engine.readEvents(last(first), true).toList();

        assertThat(payloads(first)).containsExactly("e0", "e0b", "e1", "e1b");
        assertThat(payloads(second)).containsExactly("e2", "e2b", "e3", "e3b");
    }

    private void store(int count) {
        stored.appendEvents(IntStream.range(0, count).mapToObj(i -> GenericEventMessage.asEventMessage("e" + i)).toList());
    }

    private static TrackingToken last(List<? extends TrackedEventMessage<?>> events) {
        return events.get(events.size() - 1).trackingToken();
    }

    private static List<Object> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(event -> (Object) event.getPayload()).toList();
    }

    private static List<Object> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (Object) ("e" + i)).toList();
    }
}

package com.eoc.accounts.query.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The storage engine as the embedded event store's reader sees it: its endless stream of the
 * events after a position ends after a run of {@code maxRun} events, and the reader opens the next
 * one at once from where it stopped.
 *
 * <p>Why: the reader of Axon 4.13's {@code EmbeddedEventStore} keeps the node it started a stream
 * at until that stream ends, and so every event read after it, however small its cache. When the
 * store is far ahead of this node (catching up after a stop, a bulk load), one stream runs to the
 * head of the event table, hundreds of thousands of events, and the heap fills with them. Ending
 * the stream every few batches bounds what it can hold to that many events beyond the cache.
 *
 * <p>Only streams that may block are cut: those are the reader's; the streams an event processor
 * reads on its own, behind the cache, end when they reach the head anyway.
 */
final class BoundedReadAheadStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final int maxRun;

    BoundedReadAheadStorageEngine(EventStorageEngine delegate, int maxRun) {
        if (maxRun < 1) {
            throw new IllegalArgumentException("maxRun must be positive: " + maxRun);
        }
        this.delegate = Objects.requireNonNull(delegate);
        this.maxRun = maxRun;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.takeWhile(new Run(maxRun)) : events;
    }

    /**
     * True for the first {@code length} events, then for as long as the events share the last one's
     * token: the messages an upcaster made of one stored event stay in one run, since the next run
     * starts after that token.
     */
    private static final class Run implements Predicate<TrackedEventMessage<?>> {

        private final int length;
        private int taken;
        private TrackingToken last;

        private Run(int length) {
            this.length = length;
        }

        @Override
        public boolean test(TrackedEventMessage<?> event) {
            if (taken >= length && !Objects.equals(event.trackingToken(), last)) {
                return false;
            }
            taken++;
            last = event.trackingToken();
            return true;
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}

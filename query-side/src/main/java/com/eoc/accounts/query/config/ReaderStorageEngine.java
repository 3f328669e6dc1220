package com.eoc.accounts.query.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The event table as the embedded event store's reader reads it: each of its streams is one
 * batch of the storage engine, and after a batch that reached the head of the table the next one
 * is read no sooner than {@code headReadInterval} after it.
 *
 * <p>Why one batch per stream: the reader of Axon 4.13's {@code EmbeddedEventStore} keeps the node
 * it started a stream at until that stream ends, and so every event read after it, however small
 * its cache. Axon's own stream of a tracking read goes on until a read finds nothing: when the
 * store is far ahead of this node (catching up after a stop, a bulk load), it ran to the head of
 * the event table, hundreds of thousands of events, and the heap filled with them. The reader
 * reads the next batch at once when this one had events.
 *
 * <p>Why an interval at the head: while commands keep coming, each read at the head found one or
 * two new events and the reader read again at once, so every processor segment handled one or two
 * events per transaction. Reading the head at most once per interval hands the processors the
 * events of that interval together: one transaction, one batch of statements. A view then follows
 * a command by up to that interval more; the first event after a quiet spell is read at once.
 *
 * <p>"Reached the head" is read from the batch's size: a batch is a window of {@code batchSize}
 * positions of the global index, so a batch with a hole in it (a position that a failed command
 * used) is short too, and costs up to one interval while catching up; a batch that also brings
 * events filling earlier gaps may count more than a window, and then the next read comes at once.
 * The interval is a wait of the store's one reader thread, so it should stay short (it also
 * delays the reader's stop by up to that much).
 *
 * <p>Only the reader's streams (those that may block) are read this way; the streams an event
 * processor reads on its own, behind the store's cache, are Axon's.
 */
final class ReaderStorageEngine extends JdbcEventStorageEngine {

    /** Waits for a number of nanoseconds; the tests' does not. */
    interface Pause {
        void nanos(long nanos) throws InterruptedException;
    }

    private final long headReadIntervalNanos;
    private final LongSupplier nanoTime;
    private final Pause pause;
    private boolean lastReadReachedTheHead;
    private long lastReadStarted;

    ReaderStorageEngine(JdbcEventStorageEngine.Builder storageEngine, Duration headReadInterval) {
        this(storageEngine, headReadInterval, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    ReaderStorageEngine(JdbcEventStorageEngine.Builder storageEngine, Duration headReadInterval, LongSupplier nanoTime,
                        Pause pause) {
        super(storageEngine);
        if (headReadInterval.isNegative()) {
            throw new IllegalArgumentException("headReadInterval must not be negative: " + headReadInterval);
        }
        this.headReadIntervalNanos = headReadInterval.toNanos();
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEvents(trackingToken, false);
        }
        synchronized (this) {
            try {
                waitIfTheLastReadReachedTheHead();
            } catch (InterruptedException e) {
                // an empty read: the store's reader decides what an interrupt means
                Thread.currentThread().interrupt();
                return Stream.empty();
            }
            lastReadStarted = nanoTime.getAsLong();
            TrackingToken after = trackingToken;
            while (true) {
                List<? extends TrackedEventData<?>> batch = fetchTrackedEvents(after, batchSize());
                lastReadReachedTheHead = batch.size() < batchSize();
                List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(
                        batch.stream(), getEventSerializer(), upcasterChain).toList();
                if (batch.isEmpty() || !events.isEmpty()) {
                    return events.stream();
                }
                // An upcaster dropped every event of the batch: read on past them, as Axon's own stream
                // does, or the reader would read this batch again and again.
                after = batch.get(batch.size() - 1).trackingToken();
            }
        }
    }

    private void waitIfTheLastReadReachedTheHead() throws InterruptedException {
        if (lastReadReachedTheHead) {
            long wait = lastReadStarted + headReadIntervalNanos - nanoTime.getAsLong();
            if (wait > 0) {
                pause.nanos(wait);
            }
        }
    }
}

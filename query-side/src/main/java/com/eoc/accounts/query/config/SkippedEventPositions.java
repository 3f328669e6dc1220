package com.eoc.accounts.query.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The processors' token store, which writes the position a segment reaches by skipping events at
 * most once per interval instead of once per read.
 *
 * <p>A tracking processor's thread that reads only events it has nothing to do with (those of
 * another segment, or of a type none of its handlers takes) stores its new position all the same,
 * in a transaction of its own, outside any unit of work. With two account segments, that is a
 * commit for every live event beside the one that updates the view. Those writes are held back
 * here while the previous write of that segment is younger than the interval; the next one after
 * it, or the next batch that handles an event, stores the newest position.
 *
 * <p>A position that was not written is only older: after a restart the segment reads those
 * skipped events again and skips them again, which changes nothing. Everything else goes to the
 * store as it comes: a batch's position in its unit of work (it commits with the view rows),
 * replay and merge positions (wrapped tokens), a position that does not simply follow the last one
 * written, and every claim. A segment's claim keeps being extended: by the write after the
 * interval while events flow, by Axon's own claim extension when none do. A released segment gets
 * its newest position first.
 */
final class SkippedEventPositions implements TokenStore {

    private final TokenStore store;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<Position, Written> written = new ConcurrentHashMap<>();
    private final Map<Position, TrackingToken> heldBack = new ConcurrentHashMap<>();

    SkippedEventPositions(TokenStore store, Duration interval) {
        this(store, interval, System::nanoTime);
    }

    SkippedEventPositions(TokenStore store, Duration interval, LongSupplier nanoTime) {
        this.store = store;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        Position position = new Position(processorName, segment);
        long now = nanoTime.getAsLong();
        if (mayHoldBack(token, written.get(position), now)) {
            heldBack.put(position, token);
            return;
        }
        store.storeToken(token, processorName, segment);
        written.put(position, new Written(token, now));
        heldBack.remove(position);
    }

    /**
     * A skipping read's plain position (no unit of work, no replay or merge) that follows the one
     * written less than an interval ago by this node.
     */
    private boolean mayHoldBack(TrackingToken token, Written last, long now) {
        return last != null
                && !CurrentUnitOfWork.isStarted()
                && now - last.at() < intervalNanos
                && token != null
                && !(token instanceof WrappedToken)
                && token.getClass() == last.token().getClass()
                && token.covers(last.token());
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        Position position = new Position(processorName, segment);
        TrackingToken newest = heldBack.remove(position);
        written.remove(position);
        try {
            if (newest != null) {
                store.storeToken(newest, processorName, segment);
            }
        } catch (UnableToClaimTokenException e) {
            // another node has the segment already: its position stands
        } finally {
            store.releaseClaim(processorName, segment);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        forget(processorName, segment);
        return store.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        forget(processorName, segment.getSegmentId());
        return store.fetchToken(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        store.extendClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        forget(processorName, segment);
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        forget(processorName, segment);
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }

    /** A position that the store may have been given by someone else: compare the next one with nothing. */
    private void forget(String processorName, int segment) {
        Position position = new Position(processorName, segment);
        written.remove(position);
        heldBack.remove(position);
    }

    private record Position(String processorName, int segment) {
    }

    private record Written(TrackingToken token, long at) {
    }
}

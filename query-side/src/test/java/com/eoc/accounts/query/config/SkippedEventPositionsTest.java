package com.eoc.accounts.query.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class SkippedEventPositionsTest {

    private static final String PROCESSOR = "accounts";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final TokenStore store = mock(TokenStore.class);
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final SkippedEventPositions positions = new SkippedEventPositions(store, INTERVAL, now::get);

    @Test
    void aSkippedPositionSoonAfterTheLastWriteIsHeldBack() {
        positions.storeToken(at(10), PROCESSOR, 0);
        later(Duration.ofMillis(200));
        positions.storeToken(at(11), PROCESSOR, 0);
        positions.storeToken(at(12), PROCESSOR, 0);

        verify(store).storeToken(at(10), PROCESSOR, 0);
        verifyNoMoreInteractions(store);
    }

    @Test
    void theNewestPositionIsWrittenOnceTheIntervalHasPassed() {
        positions.storeToken(at(10), PROCESSOR, 0);
        later(Duration.ofMillis(600));
        positions.storeToken(at(11), PROCESSOR, 0);
        later(Duration.ofMillis(400));
        positions.storeToken(at(12), PROCESSOR, 0);
        later(Duration.ofMillis(100));
        positions.storeToken(at(13), PROCESSOR, 0);

        InOrder writes = inOrder(store);
        writes.verify(store).storeToken(at(10), PROCESSOR, 0);
        writes.verify(store).storeToken(at(12), PROCESSOR, 0);
        verifyNoMoreInteractions(store);
    }

    @Test
    void eachSegmentAndProcessorHasItsOwnInterval() {
        positions.storeToken(at(10), PROCESSOR, 0);
        positions.storeToken(at(11), PROCESSOR, 1);
        positions.storeToken(at(12), "another-view", 0);

        verify(store).storeToken(at(10), PROCESSOR, 0);
        verify(store).storeToken(at(11), PROCESSOR, 1);
        verify(store).storeToken(at(12), "another-view", 0);
    }

    @Test
    void aBatchsPositionIsAlwaysWrittenWithItsUnitOfWork() {
        positions.storeToken(at(10), PROCESSOR, 0);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        try {
            positions.storeToken(at(11), PROCESSOR, 0);
        } finally {
            batch.rollback();
        }

        verify(store).storeToken(at(11), PROCESSOR, 0);
    }

    @Test
    void replayPositionsAreAlwaysWritten() {
        TrackingToken reset = ReplayToken.createReplayToken(at(100), at(0));
        TrackingToken replaying = ((ReplayToken) reset).advancedTo(at(1));

        positions.storeToken(reset, PROCESSOR, 0);
        positions.storeToken(replaying, PROCESSOR, 0);

        verify(store).storeToken(reset, PROCESSOR, 0);
        verify(store).storeToken(replaying, PROCESSOR, 0);
    }

    @Test
    void aPositionThatDoesNotFollowTheLastOneIsWritten() {
        positions.storeToken(at(10), PROCESSOR, 0);
        positions.storeToken(at(4), PROCESSOR, 0);

        verify(store).storeToken(at(4), PROCESSOR, 0);
    }

    @Test
    void aReleasedSegmentGetsItsNewestPositionFirst() {
        positions.storeToken(at(10), PROCESSOR, 0);
        positions.storeToken(at(11), PROCESSOR, 0);

        positions.releaseClaim(PROCESSOR, 0);

        InOrder calls = inOrder(store);
        calls.verify(store).storeToken(at(10), PROCESSOR, 0);
        calls.verify(store).storeToken(at(11), PROCESSOR, 0);
        calls.verify(store).releaseClaim(PROCESSOR, 0);
    }

    @Test
    void aSegmentClaimedElsewhereIsStillReleased() {
        positions.storeToken(at(10), PROCESSOR, 0);
        positions.storeToken(at(11), PROCESSOR, 0);
        doThrow(new UnableToClaimTokenException("claimed by another node"))
                .when(store).storeToken(at(11), PROCESSOR, 0);

        positions.releaseClaim(PROCESSOR, 0);

        verify(store).releaseClaim(PROCESSOR, 0);
    }

    @Test
    void aSegmentIsReleasedEvenWhenItsNewestPositionCannotBeWritten() {
        positions.storeToken(at(10), PROCESSOR, 0);
        positions.storeToken(at(11), PROCESSOR, 0);
        doThrow(new IllegalStateException("the database is gone"))
                .when(store).storeToken(at(11), PROCESSOR, 0);

        assertThatThrownBy(() -> positions.releaseClaim(PROCESSOR, 0)).hasMessage("the database is gone");

        verify(store).releaseClaim(PROCESSOR, 0);
    }

    @Test
    void aDeletedOrNewlyInitializedSegmentForgetsItsHeldBackPosition() {
        positions.storeToken(at(10), PROCESSOR, 0);
        positions.storeToken(at(11), PROCESSOR, 0);
        positions.deleteToken(PROCESSOR, 0);
        positions.releaseClaim(PROCESSOR, 0);

        positions.storeToken(at(20), PROCESSOR, 1);
        positions.storeToken(at(21), PROCESSOR, 1);
        positions.initializeSegment(at(5), PROCESSOR, 1);
        positions.storeToken(at(22), PROCESSOR, 1);

        verify(store, never()).storeToken(at(11), PROCESSOR, 0);
        verify(store).storeToken(at(22), PROCESSOR, 1);
    }

    @Test
    void theFirstPositionAfterAReplayIsWritten() {
        TrackingToken replaying = ReplayToken.createReplayToken(at(100), at(0));
        positions.storeToken(replaying, PROCESSOR, 0);

        positions.storeToken(at(101), PROCESSOR, 0);

        verify(store).storeToken(at(101), PROCESSOR, 0);
    }

    @Test
    void aReleaseWithNothingHeldBackOnlyReleases() {
        positions.storeToken(at(10), PROCESSOR, 0);

        positions.releaseClaim(PROCESSOR, 0);
        positions.releaseClaim(PROCESSOR, 0);

        verify(store).storeToken(at(10), PROCESSOR, 0);
        verify(store, times(2)).releaseClaim(PROCESSOR, 0);
        verifyNoMoreInteractions(store);
    }

    @Test
    void aSegmentFetchedAnewWritesItsFirstSkippedPosition() {
        positions.storeToken(at(10), PROCESSOR, 0);
        positions.fetchToken(PROCESSOR, 0);

        positions.storeToken(at(11), PROCESSOR, 0);

        verify(store).storeToken(at(11), PROCESSOR, 0);
    }

    @Test
    void claimsAreExtendedEveryTime() {
        positions.storeToken(at(10), PROCESSOR, 0);
        positions.extendClaim(PROCESSOR, 0);
        positions.extendClaim(PROCESSOR, 0);

        verify(store, times(2)).extendClaim(PROCESSOR, 0);
    }

    private void later(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private static TrackingToken at(long index) {
        return GapAwareTrackingToken.newInstance(index, Set.of());
    }
}

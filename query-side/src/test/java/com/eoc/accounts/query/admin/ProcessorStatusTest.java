package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.junit.jupiter.api.Test;

class ProcessorStatusTest {

    private static final long HEAD = 120;
    private static final String NODE = "node-a";

    @Test
    void positionIsTheFurthestSegmentButCaughtUpNeedsEverySegment() {
        ProcessorStatus status = ProcessorStatus.of("accounts", segments(4),
                List.of(segment(120, true), segment(95, false)), HEAD, 0, NODE);

        assertThat(status.position()).isEqualTo(120);
        assertThat(status.caughtUp()).isFalse();
        assertThat(status.segments()).isEqualTo(4);
        assertThat(status.claimedSegments()).isEqualTo(2);
        assertThat(status.head()).isEqualTo(HEAD);
    }

    @Test
    void everyClaimedSegmentCaughtUpIsCaughtUp() {
        ProcessorStatus status = ProcessorStatus.of("accounts", segments(2),
                List.of(segment(120, true), segment(120, true)), HEAD, 3, NODE);

        assertThat(status.caughtUp()).isTrue();
        assertThat(status.replaying()).isFalse();
        assertThat(status.progress()).isNull();
        assertThat(status.deadLetters()).isEqualTo(3);
    }

    /** Just started, or every segment taken by other nodes: nothing to tell from here. */
    @Test
    void withoutAClaimedSegmentItIsNeitherCaughtUpNorAnywhere() {
        ProcessorStatus status = ProcessorStatus.of("accounts", segments(4), List.of(), HEAD, 0, NODE);

        assertThat(status.position()).isNull();
        assertThat(status.caughtUp()).isFalse();
        assertThat(status.replaying()).isFalse();
    }

    @Test
    void replayProgressIsHowFarTheSlowestSegmentHasGotOfWhereTheResetWas() {
        ProcessorStatus status = ProcessorStatus.of("accounts", segments(2),
                List.of(replaying(70, 100), replaying(40, 100)), HEAD, 0, NODE);

        assertThat(status.replaying()).isTrue();
        assertThat(status.progress()).isEqualTo(new ProcessorStatus.ReplayProgress(40, 100));
        assertThat(status.position()).isEqualTo(70);
    }

    /** Axon keeps the replay mark on a token until the first new event arrives. */
    @Test
    void segmentThatHasReachedItsResetPositionIsNoLongerReplaying() {
        ProcessorStatus status = ProcessorStatus.of("accounts", segments(2),
                List.of(replaying(100, 100), replaying(100, 100)), 100, 0, NODE);

        assertThat(status.replaying()).isFalse();
        assertThat(status.progress()).isNull();
    }

    @Test
    void segmentStillAtTheStartOfItsReplayHasDoneNothing() {
        EventTrackerStatus fresh = replaying(0, 100);
        given(fresh.getCurrentPosition()).willReturn(OptionalLong.empty());

        ProcessorStatus status = ProcessorStatus.of("accounts", segments(1), List.of(fresh), HEAD, 0, NODE);

        assertThat(status.progress()).isEqualTo(new ProcessorStatus.ReplayProgress(0, 100));
    }

    @Test
    void segmentRetryingAFailedBatchMarksTheProcessorFailing() {
        EventTrackerStatus failing = segment(80, false);
        given(failing.isErrorState()).willReturn(true);

        ProcessorStatus status = ProcessorStatus.of("accounts", segments(2), List.of(segment(120, true), failing), HEAD, 0, NODE);

        assertThat(status.failing()).isTrue();
    }

    private static EventTrackerStatus segment(long position, boolean caughtUp) {
        EventTrackerStatus segment = mock(EventTrackerStatus.class);
        given(segment.getCurrentPosition()).willReturn(OptionalLong.of(position));
        given(segment.getResetPosition()).willReturn(OptionalLong.empty());
        given(segment.isCaughtUp()).willReturn(caughtUp);
        return segment;
    }

    private static EventTrackerStatus replaying(long position, long resetPosition) {
        EventTrackerStatus segment = segment(position, false);
        given(segment.isReplaying()).willReturn(true);
        given(segment.getResetPosition()).willReturn(OptionalLong.of(resetPosition));
        return segment;
    }

    @Test
    void showsEverySegmentsOwnerAndTheNodeThatAnswers() {
        List<SegmentClaim> claims = List.of(new SegmentClaim(0, NODE, true, 120L),
                new SegmentClaim(1, "node-b", true, 118L));

        ProcessorStatus status = ProcessorStatus.of("accounts", claims, List.of(segment(120, true)), HEAD, 0, NODE);

        assertThat(status.node()).isEqualTo(NODE);
        assertThat(status.claims()).containsExactlyElementsOf(claims);
        assertThat(status.segments()).isEqualTo(2);
        assertThat(status.claimedSegments()).isEqualTo(1);
    }

    private static List<SegmentClaim> segments(int count) {
        return IntStream.range(0, count).mapToObj(id -> new SegmentClaim(id, NODE, true, null)).toList();
    }
}

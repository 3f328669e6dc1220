package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class SegmentBalancerTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    private static final String THIS_NODE = "node-a";

    private final EventProcessingConfiguration eventProcessing = mock(EventProcessingConfiguration.class);
    private final ProcessorNodes nodes = mock(ProcessorNodes.class);
    private final StreamingEventProcessor accounts = mock(StreamingEventProcessor.class);
    private final MovingClock clock = new MovingClock();
    private final SegmentBalancer balancer = new SegmentBalancer(eventProcessing, nodes, CLAIM_TIMEOUT,
            Duration.ofSeconds(1), clock);

    @BeforeEach
    void oneRunningProcessorWithTwoSegmentsBothHeldHere() {
        given(accounts.getName()).willReturn("accounts");
        given(accounts.isRunning()).willReturn(true);
        given(eventProcessing.eventProcessors()).willReturn(Map.<String, EventProcessor>of("accounts", accounts));
        given(nodes.node()).willReturn(THIS_NODE);
        holding(0, 1);
        owners(THIS_NODE, THIS_NODE);
    }

    @Test
    void fairShareIsTheSegmentsPerLiveNodeRoundedUp() {
        assertThat(SegmentBalancer.fairShare(2, 1)).isEqualTo(2);
        assertThat(SegmentBalancer.fairShare(2, 2)).isEqualTo(1);
        assertThat(SegmentBalancer.fairShare(2, 3)).isEqualTo(1);
        assertThat(SegmentBalancer.fairShare(1, 2)).isEqualTo(1);
        assertThat(SegmentBalancer.fairShare(16, 3)).isEqualTo(6);
        assertThat(SegmentBalancer.fairShare(4, 0)).isEqualTo(4);
    }

    @Test
    void saysWhichProcessorsRunHere() {
        StreamingEventProcessor stopped = mock(StreamingEventProcessor.class);
        given(eventProcessing.eventProcessors())
                .willReturn(Map.<String, EventProcessor>of("accounts", accounts, "stopped", stopped));
        liveNodes(1);

        balancer.balance();

        verify(nodes).announce(Set.of("accounts"));
    }

    @Test
    void aNodeAloneKeepsEverySegment() {
        liveNodes(1);

        balancer.balance();

        verify(accounts, never()).releaseSegment(anyInt(), anyLong(), any());
    }

    @Test
    void aNodeAboveItsShareReleasesTheSurplusForOneClaimTimeout() {
        liveNodes(2);

        balancer.balance();

        verify(accounts).releaseSegment(1, CLAIM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        verify(accounts, never()).releaseSegment(0, CLAIM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aNodeAtItsShareReleasesNothing() {
        liveNodes(2);
        holding(0);
        owners(THIS_NODE, "node-b");

        balancer.balance();

        verify(accounts, never()).releaseSegment(anyInt(), anyLong(), any());
    }

    /** The processor lets a released segment go only after its current batch: it still shows it meanwhile. */
    @Test
    void releasesNothingMoreWhileAReleaseRuns() {
        liveNodes(2);

        balancer.balance();
        clock.advance(Duration.ofSeconds(1));
        balancer.balance();
        clock.advance(Duration.ofSeconds(3));
        balancer.balance();

        verify(accounts, times(1)).releaseSegment(anyInt(), anyLong(), any());
    }

    @Test
    void aReleaseThatAnotherNodeTookLeavesTheNodesBalanced() {
        liveNodes(2);
        balancer.balance();

        holding(0);
        owners(THIS_NODE, "node-b");
        clock.advance(CLAIM_TIMEOUT);
        balancer.balance();
        clock.advance(Duration.ofMinutes(1));
        balancer.balance();

        verify(accounts, times(1)).releaseSegment(anyInt(), anyLong(), any());
    }

    /** A node that says it is live but claims nothing must not make this one pause a segment every few seconds. */
    @Test
    void aReleaseThatNobodyTookIsTriedAgainAfterAWaitThatDoubles() {
        liveNodes(2);
        balancer.balance();

        // the release ended and this node claimed the segment again
        clock.advance(CLAIM_TIMEOUT);
        balancer.balance();
        verify(accounts, times(1)).releaseSegment(anyInt(), anyLong(), any());

        clock.advance(CLAIM_TIMEOUT.multipliedBy(2).minusMillis(1));
        balancer.balance();
        verify(accounts, times(1)).releaseSegment(anyInt(), anyLong(), any());

        clock.advance(Duration.ofMillis(1));
        balancer.balance();
        verify(accounts, times(2)).releaseSegment(anyInt(), anyLong(), any());

        // nobody took it this time either: four claim timeouts now
        clock.advance(CLAIM_TIMEOUT);
        balancer.balance();
        clock.advance(CLAIM_TIMEOUT.multipliedBy(4).minusMillis(1));
        balancer.balance();
        verify(accounts, times(2)).releaseSegment(anyInt(), anyLong(), any());
        clock.advance(Duration.ofMillis(1));
        balancer.balance();
        verify(accounts, times(3)).releaseSegment(anyInt(), anyLong(), any());
    }

    @Test
    void aDatabaseThatDoesNotAnswerLeavesTheSegmentsWhereTheyAre() {
        willThrow(new CannotGetJdbcConnectionException("connection refused")).given(nodes).announce(any());

        balancer.balance();

        verify(accounts, never()).releaseSegment(anyInt(), anyLong(), any());
    }

    private void liveNodes(int count) {
        given(nodes.liveNodes()).willReturn(Map.of("accounts", count));
    }

    private void holding(Integer... segments) {
        Map<Integer, EventTrackerStatus> status = List.of(segments).stream()
                .collect(Collectors.toMap(segment -> segment, segment -> mock(EventTrackerStatus.class)));
        given(accounts.processingStatus()).willReturn(status);
    }

    private void owners(String... owners) {
        List<SegmentClaim> claims = IntStream.range(0, owners.length)
                .mapToObj(segment -> new SegmentClaim(segment, owners[segment], true, 10L)).toList();
        given(nodes.claims()).willReturn(Map.of("accounts", claims));
    }

    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

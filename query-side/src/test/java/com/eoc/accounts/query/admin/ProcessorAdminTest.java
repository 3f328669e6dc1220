package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.common.transaction.NoTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ProcessorAdminTest {

    private final EventProcessingConfiguration eventProcessing = mock(EventProcessingConfiguration.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final ProcessorNodes nodes = mock(ProcessorNodes.class);
    private final StreamingEventProcessor accounts = mock(StreamingEventProcessor.class);
    @SuppressWarnings("unchecked")
    private final SequencedDeadLetterQueue<EventMessage<?>> queue = mock(SequencedDeadLetterQueue.class);
    @SuppressWarnings("unchecked")
    private final SequencedDeadLetterProcessor<EventMessage<?>> letters = mock(SequencedDeadLetterProcessor.class);

    private final ProcessorAdmin admin = new ProcessorAdmin(eventProcessing, eventStore, nodes,
            new SyncTaskExecutor(), NoTransactionManager.INSTANCE);

    @BeforeEach
    void oneStreamingProcessorWithADeadLetterQueue() {
        given(accounts.getName()).willReturn("accounts");
        given(accounts.supportsReset()).willReturn(true);
        given(accounts.processingStatus()).willReturn(Map.of());
        doReturn(Optional.of(accounts)).when(eventProcessing).eventProcessor("accounts");
        given(eventProcessing.deadLetterQueue("accounts")).willReturn(Optional.of(queue));
        given(eventProcessing.sequencedDeadLetterProcessor("accounts")).willReturn(Optional.of(letters));
        given(eventStore.createHeadToken()).willReturn(new GapAwareTrackingToken(42, Set.of()));
        given(nodes.node()).willReturn("node-a");
        given(nodes.claims()).willReturn(Map.of("accounts", List.of(new SegmentClaim(0, "node-a", true, 40L),
                new SegmentClaim(1, "node-a", true, 40L), new SegmentClaim(2, "node-b", true, 41L),
                new SegmentClaim(3, "node-b", false, 12L))));
    }

    @Test
    void replayStopsTheProcessorResetsItsTokensToTheFirstEventDropsItsDeadLettersAndStartsItAgain() {
        ProcessorStatus status = admin.replay("accounts");

        InOrder order = inOrder(accounts, queue);
        order.verify(accounts).shutDown();
        order.verify(accounts).resetTokens(any(Function.class));
        order.verify(queue).clear();
        order.verify(accounts).start();
        assertThat(status.name()).isEqualTo("accounts");
        assertThat(status.segments()).isEqualTo(4);
        assertThat(status.head()).isEqualTo(42);
    }

    @Test
    void processorWhoseHandlersForbidAReplayIsRefusedAndLeftRunning() {
        given(accounts.supportsReset()).willReturn(false);

        assertThatThrownBy(() -> admin.replay("accounts")).isInstanceOf(ReplayNotSupportedException.class);
        verify(accounts, never()).shutDown();
    }

    @Test
    void processorWithoutAPositionOfItsOwnCannotBeReplayed() {
        EventProcessor subscribing = mock(EventProcessor.class);
        doReturn(Optional.of(subscribing)).when(eventProcessing).eventProcessor("subscribing");

        assertThatThrownBy(() -> admin.replay("subscribing")).isInstanceOf(ReplayNotSupportedException.class);
        verify(subscribing, never()).shutDown();
    }

    @Test
    void resetRefusedBecauseAnotherNodeHoldsASegmentStartsTheProcessorAgain() {
        willThrow(new UnableToClaimTokenException("claimed by node-2")).given(accounts)
                .resetTokens(any(Function.class));

        assertThatThrownBy(() -> admin.replay("accounts")).isInstanceOf(SegmentsClaimedElsewhereException.class);
        verify(accounts).start();
        verify(queue, never()).clear();
    }

    @Test
    void unknownProcessorIsNotFound() {
        assertThatThrownBy(() -> admin.replay("nothing")).isInstanceOf(UnknownProcessorException.class);
        assertThatThrownBy(() -> admin.processor("nothing")).isInstanceOf(UnknownProcessorException.class);
        assertThatThrownBy(() -> admin.retryDeadLetters("nothing")).isInstanceOf(UnknownProcessorException.class);
    }

    @Test
    void retryGoesOnUntilASequenceFailsAgain() {
        given(queue.amountOfSequences()).willReturn(3L);
        given(letters.processAny()).willReturn(true, false);

        admin.retryDeadLetters("accounts");

        verify(letters, times(2)).processAny();
    }

    /** Letters parked while the retry runs wait for the next one instead of keeping it busy. */
    @Test
    void retryTriesNoMoreSequencesThanTheQueueHeldWhenAsked() {
        given(queue.amountOfSequences()).willReturn(2L);
        given(letters.processAny()).willReturn(true);

        admin.retryDeadLetters("accounts");

        verify(letters, times(2)).processAny();
    }

    @Test
    void processorWithoutDeadLetterQueueHasNothingToRetry() {
        given(eventProcessing.deadLetterQueue("accounts")).willReturn(Optional.empty());

        assertThatThrownBy(() -> admin.retryDeadLetters("accounts")).isInstanceOf(NoDeadLetterQueueException.class);
    }

    @Test
    void statusNamesThisNodeAndTheOwnerOfEverySegment() {
        ProcessorStatus status = admin.processor("accounts");

        assertThat(status.node()).isEqualTo("node-a");
        assertThat(status.segments()).isEqualTo(4);
        assertThat(status.claims()).extracting(SegmentClaim::owner)
                .containsExactly("node-a", "node-a", "node-b", "node-b");
    }

    @Test
    void databaseThatDoesNotAnswerMakesTheStatusUnknownNotCaughtUp() {
        given(nodes.claims()).willThrow(new CannotGetJdbcConnectionException("connection refused"));

        assertThatThrownBy(admin::processors).isInstanceOf(ProcessorStateUnknownException.class);
        assertThatThrownBy(() -> admin.processor("accounts")).isInstanceOf(ProcessorStateUnknownException.class);
    }

    @Test
    void eventStoreThatCannotBeReadMakesTheStatusUnknown() {
        given(eventStore.createHeadToken()).willThrow(new EventStoreException("Failed to get head token"));

        assertThatThrownBy(admin::processors).isInstanceOf(ProcessorStateUnknownException.class);
    }
}

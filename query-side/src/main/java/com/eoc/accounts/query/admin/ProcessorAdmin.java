package com.eoc.accounts.query.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Operates this node's event processors through Axon's own API: their status, a replay from the
 * first event, and a retry of their dead letters. Each processor here handles one processing
 * group of the same name, which is also the name of its dead-letter queue.
 */
@Service
class ProcessorAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdmin.class);

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final ProcessorNodes nodes;
    private final TaskExecutor executor;
    private final TransactionManager transactionManager;

    ProcessorAdmin(EventProcessingConfiguration eventProcessing, EventStore eventStore, ProcessorNodes nodes,
                   @Qualifier("applicationTaskExecutor") TaskExecutor executor, TransactionManager transactionManager) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.nodes = nodes;
        this.executor = executor;
        this.transactionManager = transactionManager;
    }

    /**
     * Every processor as this node works on it, with every segment's owner as the token table has
     * it; unknown (503) while the database does not answer.
     */
    List<ProcessorStatus> processors() {
        return known(() -> {
            Map<String, List<SegmentClaim>> claims = nodes.claims();
            long head = head();
            return eventProcessing.eventProcessors().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .map(entry -> status(entry.getValue(), claims, head))
                    .toList();
        });
    }

    ProcessorStatus processor(String name) {
        EventProcessor processor = find(name);
        return known(() -> status(processor, nodes.claims(), head()));
    }

    /**
     * Stops the processor, moves its tokens back to the first event and starts it again; in the
     * same transaction as the tokens, its handlers' {@code @ResetHandler}s clear their views and
     * its dead letters are dropped (the replay hands their events to the handlers again, which
     * would otherwise park them a second time behind the old letters). The
     * replay itself runs on the processor's own threads; {@link #processor(String)} follows it.
     * One request at a time: a second one would find the processor started again mid-reset.
     */
    synchronized ProcessorStatus replay(String name) {
        if (!(find(name) instanceof StreamingEventProcessor processor)) {
            throw new ReplayNotSupportedException(name, "it does not read the event stream at a position of its own");
        }
        if (!processor.supportsReset()) {
            throw new ReplayNotSupportedException(name, "one of its event handlers does not allow a replay");
        }
        processor.shutDown();
        try {
            // the tail itself: the processor's initial token would be a replay token already, nested
            transactionManager.executeInTransaction(() -> {
                processor.resetTokens(StreamableMessageSource::createTailToken);
                eventProcessing.deadLetterQueue(name).ifPresent(SequencedDeadLetterQueue::clear);
            });
        } catch (UnableToClaimTokenException e) {
            throw new SegmentsClaimedElsewhereException(name, e);
        } finally {
            processor.start();
        }
        log.info("Replaying event processor {} from the first event", name);
        return processor(name);
    }

    /**
     * Hands the dead letters to the handlers again, in the background: sequence after sequence
     * (an account's letters in their order), each in its own transaction, until none is left or
     * one fails again; a letter that fails again stays in the queue, with its new cause.
     */
    ProcessorStatus retryDeadLetters(String name) {
        find(name); // an unknown name is a 404, not a processor without dead letters
        SequencedDeadLetterQueue<EventMessage<?>> queue = eventProcessing.deadLetterQueue(name)
                .orElseThrow(() -> new NoDeadLetterQueueException(name));
        SequencedDeadLetterProcessor<EventMessage<?>> letters = eventProcessing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NoDeadLetterQueueException(name));
        long sequences = queue.amountOfSequences();
        executor.execute(() -> retry(name, letters, queue, sequences));
        return processor(name);
    }

    private static void retry(String name, SequencedDeadLetterProcessor<EventMessage<?>> letters,
                              SequencedDeadLetterQueue<EventMessage<?>> queue, long sequences) {
        try {
            long retried = 0;
            while (retried < sequences && letters.processAny()) {
                retried++;
            }
            log.info("Retried {} of {} dead-letter sequences of event processor {}; {} dead letters remain",
                    retried, sequences, name, queue.size());
        } catch (RuntimeException e) {
            log.error("Retrying the dead letters of event processor {} failed", name, e);
        }
    }

    private EventProcessor find(String name) {
        return eventProcessing.eventProcessor(name).orElseThrow(() -> new UnknownProcessorException(name));
    }

    private ProcessorStatus status(EventProcessor processor, Map<String, List<SegmentClaim>> claims, long head) {
        String name = processor.getName();
        long deadLetters = eventProcessing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return ProcessorStatus.notStreaming(name, head, deadLetters, nodes.node());
        }
        return ProcessorStatus.of(name, claims.getOrDefault(name, List.of()),
                List.copyOf(streaming.processingStatus().values()), head, deadLetters, nodes.node());
    }

    /** What the database tells, or that it cannot be told: never the threads' flags alone. */
    private static <T> T known(Supplier<T> status) {
        try {
            return status.get();
        } catch (DataAccessException | JdbcException | EventStoreException e) {
            throw new ProcessorStateUnknownException(e);
        }
    }

    /** The newest position in the event store: 0 while it holds no event. */
    long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }
}

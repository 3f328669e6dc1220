package com.eoc.accounts.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a failure does to the "accounts" processor: the view rows and the processor's token are
 * committed together or not at all, and a failed event is retried or parked in the dead-letter
 * queue, never skipped. A second handler in the same processing group injects the failures.
 */
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(ProjectionTransactionTest.FailureInjection.class)
class ProjectionTransactionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Saboteur saboteur;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    @BeforeEach
    void armSaboteurOnceTheProcessorHasItsSegments() {
        saboteur.attempts.set(0);
        saboteur.armed = true;
        await().atMost(TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM query_side.token_entry WHERE processor_name = 'accounts'", Long.class) > 0);
    }

    /**
     * Views, positions and dead letters are derived from the event store (and an API token's
     * last use is best effort), and a view commits with its position: losing the last commits to
     * a crash of the database costs a re-read of those events, so the query side's commits do
     * not wait for the disk.
     */
    @Test
    void theProjectionsCommitWithoutWaitingForTheDisk() {
        assertThat(jdbc.queryForMap("SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'"))
                .containsEntry("setting", "off").containsEntry("source", "client");
    }

    @Test
    void failureAtCommitWritesNeitherTheViewNorTheTokenAndTheEventIsRetried() {
        UUID accountId = UUID.randomUUID();
        String tokenBefore = tokenOfSegmentHandling(accountId);
        register(accountId, Saboteur.FAIL_AT_COMMIT);

        await().atMost(TIMEOUT).until(() -> saboteur.attempts.get() >= 2);
        assertThat(viewExists(accountId)).isFalse();
        assertThat(tokenOfSegmentHandling(accountId)).isEqualTo(tokenBefore);

        saboteur.armed = false;
        await().atMost(TIMEOUT).until(() -> viewExists(accountId));
        assertThat(tokenOfSegmentHandling(accountId)).isNotEqualTo(tokenBefore);
    }

    /**
     * A handler that fails hands the event to the dead-letter queue, in the transaction that moves
     * the token past it; it is handled when the dead letters are retried.
     */
    @Test
    void failingHandlerParksTheEventInsteadOfSkippingIt() {
        UUID accountId = UUID.randomUUID();
        String tokenBefore = tokenOfSegmentHandling(accountId);
        register(accountId, Saboteur.FAIL_IN_HANDLER);

        await().atMost(TIMEOUT).until(() -> deadLetters(accountId) == 1);
        assertThat(saboteur.attempts.get()).isEqualTo(1);
        assertThat(tokenOfSegmentHandling(accountId)).isNotEqualTo(tokenBefore);

        saboteur.armed = false;
        assertThat(eventProcessing.sequencedDeadLetterProcessor("accounts").orElseThrow().processAny()).isTrue();
        assertThat(viewExists(accountId)).isTrue();
        assertThat(deadLetters(accountId)).isZero();
    }

    private void register(UUID accountId, String email) {
        storageEngine.appendEvents(List.of(new GenericDomainEventMessage<>("Account", accountId.toString(), 0,
                new AccountRegistered(accountId, "Niklaus", "Wirth", email), Map.of())));
    }

    /**
     * The token of the segment that an account's events go to (Axon's default sequencing: by
     * aggregate id); the other segments move past the event, correctly, as soon as they see it.
     */
    private String tokenOfSegmentHandling(UUID accountId) {
        List<Integer> segmentIds = jdbc.queryForList(
                "SELECT segment FROM query_side.token_entry WHERE processor_name = 'accounts'", Integer.class);
        int segmentId = Arrays.stream(Segment.computeSegments(segmentIds.stream().mapToInt(Integer::intValue).toArray()))
                .filter(segment -> segment.matches(accountId.toString()))
                .findFirst().orElseThrow().getSegmentId();
        return jdbc.queryForObject("""
                SELECT coalesce(encode(token, 'hex'), '-') FROM query_side.token_entry
                 WHERE processor_name = 'accounts' AND segment = ?""", String.class, segmentId);
    }

    private long deadLetters(UUID accountId) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM query_side.dead_letter_entry
                 WHERE processing_group = 'accounts' AND sequence_identifier = ?""", Long.class, accountId.toString());
    }

    private boolean viewExists(UUID accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM query_side.account_view WHERE account_id = ?",
                Long.class, accountId) == 1;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailureInjection {

        @Bean
        Saboteur saboteur() {
            return new Saboteur();
        }
    }

    /** Fails the batch of a registration with one of its email addresses, while armed. */
    @ProcessingGroup("accounts")
    static class Saboteur {

        static final String FAIL_AT_COMMIT = "fail-at-commit@example.com";
        static final String FAIL_IN_HANDLER = "fail-in-handler@example.com";

        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean armed = true;

        @EventHandler
        void on(AccountRegistered event) {
            if (!armed) {
                return;
            }
            if (FAIL_AT_COMMIT.equals(event.email())) {
                attempts.incrementAndGet();
                // after every handler has run and the token has been stored, just before the commit
                CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                    throw new IllegalStateException("injected failure at commit");
                });
            } else if (FAIL_IN_HANDLER.equals(event.email())) {
                attempts.incrementAndGet();
                throw new IllegalStateException("injected failure in a handler");
            }
        }
    }
}

package com.eoc.accounts.query.expirywarnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.platform.testing.MovableClock;
import com.eoc.accounts.query.account.TokenExpiry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warning view as the refresh job keeps it and the endpoint reads it, on PostgreSQL, with a
 * clock that a test moves. The account view's token columns are written with SQL, as the account
 * projection leaves them (its own tests show that it does). Nothing runs in a test transaction:
 * the job commits as it does in production, so that concurrent runs and token changes really meet
 * in the database.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import({TokenExpiryWarningRefresh.class, TokenExpiryWarningQuery.class, TokenExpiry.class,
        TokenExpiryWarningViewTest.Clocks.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TokenExpiryWarningViewTest {

    static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock(T0);
        }
    }

    @Autowired
    TokenExpiryWarningRefresh refresh;
    @Autowired
    TokenExpiryWarningQuery query;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final UUID accountId = UUID.randomUUID();
    private final UUID tokenId = UUID.randomUUID();

    @BeforeEach
    void emptyViewsAndClockAtT0() {
        jdbc.sql("TRUNCATE query_side.account_view, query_side.token_expiry_warning").update();
        clock.setTo(T0);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aThirtyDayTokenIsWarnedAboutFromExactlySevenDaysLeftNotASecondEarlier() {
        token(accountId, tokenId, T0, T0.plus(Duration.ofDays(30)));
        Instant sevenDaysLeft = T0.plus(Duration.ofDays(23));

        clock.setTo(sevenDaysLeft.minusSeconds(1));
        refresh.refresh();
        assertThat(listed()).isEmpty();

        clock.setTo(sevenDaysLeft);
        refresh.refresh();
        assertThat(listed()).containsExactly(tokenId);
    }

    @Test
    void aSevenDayTokenIsNotWarnedAboutWhenItIsMade() {
        token(accountId, tokenId, T0, T0.plus(Duration.ofDays(7)));

        refresh.refresh();

        assertThat(listed()).isEmpty();
        assertThat(stored()).isEmpty();
    }

    @Test
    void aSevenDayTokenIsWarnedAboutFromItsHalfLifeNotASecondEarlier() {
        token(accountId, tokenId, T0, T0.plus(Duration.ofDays(7)));
        Instant halfLife = T0.plus(Duration.ofHours(84));

        clock.setTo(halfLife.minusSeconds(1));
        refresh.refresh();
        assertThat(listed()).isEmpty();

        clock.setTo(halfLife);
        refresh.refresh();
        assertThat(listed()).containsExactly(tokenId);
    }

    /** A token kept before its making was: judged by the warning days alone. */
    @Test
    void aTokenWhoseMakingIsUnknownIsWarnedAboutForTheWarningDays() {
        token(accountId, tokenId, null, T0.plus(Duration.ofDays(7)).plusSeconds(1));
        refresh.refresh();
        assertThat(listed()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        refresh.refresh();
        assertThat(listed()).containsExactly(tokenId);
    }

    /** As after a replay or a stop of the query side: the token is already within its period when the account view gets it. */
    @Test
    void aTokenAlreadyWithinItsPeriodWhenTheAccountViewGetsItIsWarnedAboutByTheNextRun() {
        token(accountId, tokenId, T0.minus(Duration.ofDays(27)), T0.plus(Duration.ofDays(3)));

        refresh.refresh();

        assertThat(query.current()).containsExactly(new TokenExpiryWarningResponse(accountId, tokenId, "x9Qz",
                T0.plus(Duration.ofDays(3)), 3));
    }

    @Test
    void anExpiredTokenIsNoLongerListedFromItsExpiryAndLeavesTheViewAtTheNextRun() {
        Instant expiry = T0.plus(Duration.ofDays(3));
        token(accountId, tokenId, expiry.minus(Duration.ofDays(30)), expiry);
        refresh.refresh();

        clock.setTo(expiry.minusSeconds(1));
        assertThat(listed()).containsExactly(tokenId);

        clock.setTo(expiry);
        assertThat(listed()).isEmpty();
        refresh.refresh();
        assertThat(stored()).isEmpty();
    }

    @Test
    void aDeletedTokenLeavesTheListAtOnceAndTheViewAtTheNextRun() {
        warnedToken(accountId, tokenId);

        deleteToken(accountId);

        assertThat(listed()).isEmpty();
        refresh.refresh();
        assertThat(stored()).isEmpty();
    }

    /** Deleted and another one generated at once, as the account view shows after both events. */
    @Test
    void aReplacedTokenLeavesTheListAtOnceAndItsSuccessorIsWarnedAboutByTheNextRun() {
        warnedToken(accountId, tokenId);
        clock.advance(Duration.ofDays(1));
        UUID successor = UUID.randomUUID();

        token(accountId, successor, clock.instant().minus(Duration.ofDays(23)), clock.instant().plus(Duration.ofDays(7)));

        assertThat(listed()).isEmpty();
        refresh.refresh();
        assertThat(listed()).containsExactly(successor);
        assertThat(stored()).containsExactly(successor);
    }

    @Test
    void deletingOneAccountsTokenLeavesTheOtherAccountsWarnings() {
        UUID otherAccountId = UUID.randomUUID();
        UUID otherTokenId = UUID.randomUUID();
        warnedToken(accountId, tokenId);
        warnedToken(otherAccountId, otherTokenId);

        deleteToken(accountId);
        refresh.refresh();

        assertThat(listed()).containsExactly(otherTokenId);
    }

    @Test
    void runningAgainChangesNothing() {
        warnedToken(accountId, tokenId);

        refresh.refresh();

        assertThat(listed()).containsExactly(tokenId);
        assertThat(stored()).containsExactly(tokenId);
    }

    @Test
    void theWarningsAreListedSoonestFirstWithADayBegunCountingAsADay() {
        UUID otherAccountId = UUID.randomUUID();
        UUID otherTokenId = UUID.randomUUID();
        UUID lastAccountId = UUID.randomUUID();
        UUID lastTokenId = UUID.randomUUID();
        Instant inTwoDaysAndAnHour = T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(1));
        token(accountId, tokenId, inTwoDaysAndAnHour.minus(Duration.ofDays(30)), inTwoDaysAndAnHour);
        token(otherAccountId, otherTokenId, T0.minus(Duration.ofDays(30)), T0.plusSeconds(60));
        token(lastAccountId, lastTokenId, T0.minus(Duration.ofDays(23)), T0.plus(Duration.ofDays(7)));

        refresh.refresh();

        assertThat(query.current()).extracting(TokenExpiryWarningResponse::tokenId,
                TokenExpiryWarningResponse::daysUntilExpiry).containsExactly(
                tuple(otherTokenId, 1L), tuple(tokenId, 3L), tuple(lastTokenId, 7L));
    }

    /**
     * A run on one node whose snapshot was taken before another node's account projection deleted
     * the token adds it all the same; it is not listed, and the next run drops it.
     */
    @Test
    void aRunWorkingFromASnapshotTakenBeforeADeletionCannotShowTheDeletedToken() throws Exception {
        token(accountId, tokenId, T0, T0.plus(Duration.ofDays(30)));
        clock.setTo(T0.plus(Duration.ofDays(25)));
        CountDownLatch deletionHandled = new CountDownLatch(1);
        CountDownLatch commitDeletion = new CountDownLatch(1);
        Future<?> deletion = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            deleteToken(accountId);
            deletionHandled.countDown();
            await(commitDeletion);
        }));
        await(deletionHandled);

        threads.submit(refresh::refresh).get(10, TimeUnit.SECONDS);
        commitDeletion.countDown();
        deletion.get(10, TimeUnit.SECONDS);

        assertThat(stored()).as("the run added the token from its snapshot").containsExactly(tokenId);
        assertThat(listed()).isEmpty();
        refresh.refresh();
        assertThat(stored()).isEmpty();
    }

    /** As two query-side nodes whose schedules happen to coincide, over enough tokens for the runs to overlap. */
    @Test
    void twoRunsAtTheSameMomentLeaveExactlyOneRowPerToken() throws Exception {
        int tokens = 2_000;
        tokens(tokens, T0.plus(Duration.ofDays(30)), Duration.ofMinutes(1));
        clock.setTo(T0.plus(Duration.ofDays(25)));
        CountDownLatch start = new CountDownLatch(1);

        List<Future<?>> runs = List.of(
                threads.submit(() -> runWhenReleased(start)),
                threads.submit(() -> runWhenReleased(start)));
        start.countDown();
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }

        assertThat(jdbc.sql("SELECT count(*) FROM query_side.token_expiry_warning").query(Long.class).single())
                .isEqualTo(tokens);
        assertThat(jdbc.sql("SELECT count(DISTINCT account_id) FROM query_side.token_expiry_warning")
                .query(Long.class).single()).isEqualTo(tokens);
        assertThat(listed()).hasSize(tokens);
    }

    /**
     * Another node's run that is dropping a warning holds it until it commits: this run leaves that
     * warning to it and finishes, rather than wait (two runs each waiting for a row the other holds
     * would end in PostgreSQL failing one of them).
     */
    @Test
    void aRunDoesNotWaitForAWarningThatAnotherRunIsDropping() throws Exception {
        warnedToken(accountId, tokenId);
        clock.advance(Duration.ofDays(3));
        CountDownLatch dropping = new CountDownLatch(1);
        CountDownLatch commitDrop = new CountDownLatch(1);
        Future<?> otherRun = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM query_side.token_expiry_warning WHERE token_id = ?").param(tokenId).update();
            dropping.countDown();
            await(commitDrop);
        }));
        await(dropping);

        try {
            threads.submit(refresh::refresh).get(5, TimeUnit.SECONDS);
        } finally {
            commitDrop.countDown();
        }
        otherRun.get(10, TimeUnit.SECONDS);

        assertThat(stored()).isEmpty();
    }

    /**
     * Three nodes running the job over and over while tokens are deleted and replaced: no run
     * fails (two runs never wait for each other in a circle, which PostgreSQL would end by failing
     * one), and once the changes stop, one more run leaves exactly the accounts' current tokens.
     */
    @Test
    void runsOnSeveralNodesAtOnceWhileTokensChangeNeverFailAndEndWithTheCurrentTokens() throws Exception {
        int accounts = 300;
        tokens(accounts, T0.plus(Duration.ofDays(30)), Duration.ofMinutes(1));
        clock.setTo(T0.plus(Duration.ofDays(25)));
        List<UUID> accountIds = jdbc.sql("SELECT account_id FROM query_side.account_view").query(UUID.class).list();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            work.add(threads.submit(() -> {
                await(start);
                for (int run = 0; run < 20; run++) {
                    refresh.refresh();
                }
            }));
        }
        work.add(threads.submit(() -> {
            await(start);
            for (int change = 0; change < 400; change++) {
                UUID account = accountIds.get(ThreadLocalRandom.current().nextInt(accounts));
                if (change % 3 == 0) {
                    deleteToken(account);
                } else {
                    Instant expiry = clock.instant().plus(Duration.ofDays(1 + change % 6));
                    token(account, UUID.randomUUID(), expiry.minus(Duration.ofDays(30)), expiry);
                }
            }
        }));
        start.countDown();
        for (Future<?> done : work) {
            done.get(120, TimeUnit.SECONDS);
        }

        refresh.refresh();

        Set<UUID> current = Set.copyOf(jdbc.sql("SELECT token_id FROM query_side.account_view WHERE token_id IS NOT NULL")
                .query(UUID.class).list());
        assertThat(Set.copyOf(stored())).isEqualTo(current);
        assertThat(Set.copyOf(listed())).isEqualTo(current);
        assertThat(stored()).doesNotHaveDuplicates();
    }

    /**
     * A replay empties the account view and fills it again: meanwhile the warnings of accounts not
     * yet replayed are not listed (a run may drop them), and after it the next run lists them again.
     */
    @Test
    void aReplayOfTheAccountViewRebuildsTheWarnings() {
        warnedToken(accountId, tokenId);
        jdbc.sql("DELETE FROM query_side.account_view").update();

        assertThat(listed()).isEmpty();
        refresh.refresh();
        token(accountId, tokenId, T0.minus(Duration.ofDays(27)), T0.plus(Duration.ofDays(3)));
        refresh.refresh();

        assertThat(listed()).containsExactly(tokenId);
    }

    /** Should the period be shortened (a restart with a smaller accounts.token.warning-days), the view follows. */
    @Test
    void tokensBeyondAShortenedWarningPeriodAreDropped() {
        token(accountId, tokenId, T0.minus(Duration.ofDays(24)), T0.plus(Duration.ofDays(6)));
        refresh.refresh();
        assertThat(listed()).containsExactly(tokenId);

        new TokenExpiryWarningRefresh(jdbc, new TokenExpiry(clock, 3), clock).refresh();

        assertThat(listed()).isEmpty();
    }

    /**
     * Many accounts, few tokens close to expiry: a run reads only those, through the account
     * view's expiry index (a plain or a bitmap index scan, whichever the planner prefers for the
     * number of rows), never the whole table.
     */
    @Test
    void aRunReadsTheAccountViewThroughARangeScanOfItsTokenExpiryIndexNotTheWholeTable() {
        tokens(100_000, T0, Duration.ofMinutes(5));
        jdbc.sql("ANALYZE query_side.account_view").update();
        OffsetDateTime now = T0.plus(Duration.ofDays(100)).atOffset(ZoneOffset.UTC);

        String plan = jdbc.sql("EXPLAIN " + TokenExpiryWarningRefresh.ADD_ENTERED)
                .param("now", now).param("horizon", now.plusDays(7)).query(String.class).list().stream()
                .collect(Collectors.joining("\n"));

        assertThat(plan).as(plan).contains("Index Scan").contains("account_view_token_expires_at")
                .doesNotContain("Seq Scan");
    }

    private void runWhenReleased(CountDownLatch start) {
        await(start);
        refresh.refresh();
    }

    /** A 30-day token with three days left at the clock's time, which the job has put in the view. */
    private void warnedToken(UUID account, UUID token) {
        Instant expiry = clock.instant().plus(Duration.ofDays(3));
        token(account, token, expiry.minus(Duration.ofDays(30)), expiry);
        refresh.refresh();
        assertThat(stored()).contains(token);
    }

    /** The account's row in the account view with this token, made if the account has none yet. */
    private void token(UUID account, UUID token, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO query_side.account_view (account_id, subject, first_name, last_name, email, token_id,
                            token_hint, token_created_at, token_expires_at, version, updated_at)
                        VALUES (:account, :account::text, 'Ada', 'Lovelace', 'ada@example.com', :token, 'x9Qz', :createdAt,
                            :expiresAt, 1, :expiresAt)
                        ON CONFLICT (account_id) DO UPDATE SET token_id = excluded.token_id,
                            token_hint = excluded.token_hint, token_created_at = excluded.token_created_at,
                            token_expires_at = excluded.token_expires_at, version = account_view.version + 1""")
                .param("account", account).param("token", token)
                .param("createdAt", createdAt == null ? null : createdAt.atOffset(ZoneOffset.UTC))
                .param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    private void deleteToken(UUID account) {
        jdbc.sql("""
                        UPDATE query_side.account_view
                           SET token_id = NULL, token_hint = NULL, token_created_at = NULL, token_expires_at = NULL,
                               version = version + 1
                         WHERE account_id = ?""")
                .param(account).update();
    }

    /** That many accounts with a 30-day token each, expiring {@code step} apart from {@code firstExpiry} on. */
    private void tokens(int count, Instant firstExpiry, Duration step) {
        jdbc.sql("""
                        INSERT INTO query_side.account_view (account_id, subject, first_name, last_name, email, token_id,
                            token_hint, token_created_at, token_expires_at, version, updated_at)
                        SELECT id, id::text, 'Ada', 'Lovelace', 'ada@example.com', gen_random_uuid(), 'h' || (i % 10000),
                               expiry - interval '30 days', expiry, 1, now()
                          FROM (SELECT gen_random_uuid() AS id, i, ? + i * ?::interval AS expiry
                                  FROM generate_series(1, ?) AS i) AS t""")
                .params(firstExpiry.atOffset(ZoneOffset.UTC), step.toSeconds() + " seconds", count)
                .update();
    }

    /** The token ids the endpoint lists now, in its order. */
    private List<UUID> listed() {
        return query.current().stream().map(TokenExpiryWarningResponse::tokenId).toList();
    }

    /** The token ids in the view's table, listed or not. */
    private List<UUID> stored() {
        return jdbc.sql("SELECT token_id FROM query_side.token_expiry_warning ORDER BY expires_at")
                .query(UUID.class).list();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

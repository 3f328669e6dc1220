package com.eoc.accounts.query.expirywarnings;

import com.eoc.accounts.platform.testing.MovableClock;
import com.eoc.accounts.query.account.TokenExpiry;
import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The refresh job driven by a clock that a test moves, on PostgreSQL. Nothing runs in a test
 * transaction here: the job and the projection commit as they do in production, so that
 * concurrent runs really meet in the database.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import({TokenExpiryWarningRefresh.class, TokenExpiryWarningProjection.class, TokenExpiry.class,
        WarningTablesLock.class, TokenExpiryWarningRefreshTest.Clocks.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TokenExpiryWarningRefreshTest {

    static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final String TOKEN_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

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
    TokenExpiryWarningProjection projection;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final UUID accountId = UUID.randomUUID();
    private final UUID tokenId = UUID.randomUUID();

    @BeforeEach
    void emptyTablesAndClockAtT0() {
        jdbc.execute("TRUNCATE query_side.current_token, query_side.token_expiry_warning");
        clock.setTo(T0);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void thirtyDayTokenEntersTheWarningsExactlyWhenSevenDaysAreLeftNotASecondEarlier() {
        generate(accountId, tokenId, Duration.ofDays(30));
        Instant sevenDaysLeft = T0.plus(Duration.ofDays(23));

        clock.setTo(sevenDaysLeft.minusSeconds(1));
        refresh.refresh();
        assertThat(warnedTokens()).isEmpty();

        clock.setTo(sevenDaysLeft);
        refresh.refresh();
        assertThat(warnedTokens()).containsExactly(tokenId);
    }

    @Test
    void aSevenDayTokenEntersTheWarningsAtItsHalfLifeNotASecondEarlier() {
        generate(accountId, tokenId, Duration.ofDays(7));
        assertThat(warnedTokens()).isEmpty();
        Instant halfLife = T0.plus(Duration.ofHours(84));

        clock.setTo(halfLife.minusSeconds(1));
        refresh.refresh();
        assertThat(warnedTokens()).isEmpty();

        clock.setTo(halfLife);
        refresh.refresh();
        assertThat(warnedTokens()).containsExactly(tokenId);
    }

    @Test
    void expiredTokenLeavesTheWarningsWhenItExpires() {
        generate(accountId, tokenId, T0.minus(Duration.ofDays(27)), T0.plus(Duration.ofDays(3)));
        assertThat(warnedTokens()).containsExactly(tokenId);
        Instant expiry = T0.plus(Duration.ofDays(3));

        clock.setTo(expiry.minusSeconds(1));
        refresh.refresh();
        assertThat(warnedTokens()).containsExactly(tokenId);

        clock.setTo(expiry);
        refresh.refresh();
        assertThat(warnedTokens()).isEmpty();
    }

    @Test
    void runningAgainChangesNothing() {
        generate(accountId, tokenId, Duration.ofDays(30));
        clock.setTo(T0.plus(Duration.ofDays(25)));
        refresh.refresh();

        refresh.refresh();

        assertThat(warnedTokens()).containsExactly(tokenId);
    }

    /** As two query-side nodes whose schedules happen to coincide, over enough tokens for the runs to overlap. */
    @Test
    void twoRunsAtTheSameMomentLeaveExactlyOneRowPerToken() throws Exception {
        int tokens = 2_000;
        jdbc.update("""
                INSERT INTO query_side.current_token (account_id, token_id, hint, expires_at, last_sequence)
                SELECT gen_random_uuid(), gen_random_uuid(), 'h' || i, ? + i * interval '1 minute', 1
                  FROM generate_series(1, ?) AS i""", T0.plus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC), tokens);
        clock.setTo(T0.plus(Duration.ofDays(25)));
        CountDownLatch start = new CountDownLatch(1);

        List<Future<?>> runs = List.of(
                threads.submit(() -> runWhenReleased(start)),
                threads.submit(() -> runWhenReleased(start)));
        start.countDown();
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM query_side.token_expiry_warning", Long.class))
                .isEqualTo(tokens);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT account_id) FROM query_side.token_expiry_warning",
                Long.class)).isEqualTo(tokens);
    }

    /**
     * A run that starts while a token event is being handled waits for its transaction: working
     * from the snapshot before the deletion, it would put the deleted token back into the view.
     */
    @Test
    void runDuringTheDeletionOfACrossingTokenWaitsAndDoesNotPutItBack() throws Exception {
        generate(accountId, tokenId, Duration.ofDays(30));
        clock.setTo(T0.plus(Duration.ofDays(25)));
        CountDownLatch deletionHandled = new CountDownLatch(1);
        CountDownLatch commitDeletion = new CountDownLatch(1);
        Future<?> deletion = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            projection.on(new TokenDeleted(accountId, tokenId), 2);
            deletionHandled.countDown();
            await(commitDeletion);
        }));
        await(deletionHandled);

        Future<?> run = threads.submit(refresh::refresh);
        assertThat(finishesWithin(run, Duration.ofMillis(500))).as("run finished during the deletion").isFalse();
        commitDeletion.countDown();
        deletion.get(10, TimeUnit.SECONDS);
        run.get(10, TimeUnit.SECONDS);

        assertThat(warnedTokens()).isEmpty();
    }

    /** Should the period be shortened (a restart with a smaller accounts.token.warning-days), the view follows. */
    @Test
    void tokensBeyondAShortenedWarningPeriodAreDropped() {
        generate(accountId, tokenId, T0.minus(Duration.ofDays(24)), T0.plus(Duration.ofDays(6)));
        assertThat(warnedTokens()).containsExactly(tokenId);
        TokenExpiryWarningRefresh threeDayRefresh = new TokenExpiryWarningRefresh(jdbc,
                new WarningTablesLock(jdbc), new TokenExpiry(clock, 3), clock);

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> threeDayRefresh.refresh());

        assertThat(warnedTokens()).isEmpty();
    }

    /**
     * Many tokens, few of them close to expiry: the run reads only those, through the expiry index
     * (a plain or a bitmap index scan, whichever the planner prefers for the number of rows), never
     * the whole table.
     */
    @Test
    void runReadsTheTokensThroughARangeScanOfTheExpiryIndexNotTheWholeTable() {
        jdbc.update("""
                INSERT INTO query_side.current_token (account_id, token_id, hint, expires_at, last_sequence)
                SELECT gen_random_uuid(), gen_random_uuid(), 'h' || (i % 10000), ? + i * interval '5 minutes', 1
                  FROM generate_series(1, 100000) AS i""", T0.atOffset(ZoneOffset.UTC));
        jdbc.execute("ANALYZE query_side.current_token");
        OffsetDateTime now = T0.plus(Duration.ofDays(100)).atOffset(ZoneOffset.UTC);

        String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + TokenExpiryWarningRefresh.ADD_CROSSED,
                String.class, now, now.plusDays(7), now));

        assertThat(plan).as(plan).contains("Index Scan").contains("current_token_expires_at")
                .doesNotContain("Seq Scan");
    }

    private void runWhenReleased(CountDownLatch start) {
        await(start);
        refresh.refresh();
    }

    /** A token made now, handled at once. */
    private void generate(UUID accountId, UUID tokenId, Duration validFor) {
        generate(accountId, tokenId, clock.instant(), clock.instant().plus(validFor));
    }

    private void generate(UUID accountId, UUID tokenId, Instant createdAt, Instant expiresAt) {
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> projection.on(new TokenGenerated(
                accountId, tokenId, TOKEN_HASH, "x9Qz", createdAt, expiresAt), 1));
    }

    private List<UUID> warnedTokens() {
        return jdbc.queryForList("SELECT token_id FROM query_side.token_expiry_warning ORDER BY expires_at",
                UUID.class);
    }

    private static boolean finishesWithin(Future<?> future, Duration timeout) throws Exception {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
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

package com.eoc.accounts.query.expirywarnings;

import com.eoc.accounts.platform.testing.MovableClock;
import com.eoc.accounts.query.account.TokenExpiry;
import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.ContextConfiguration;

/**
 * The projection called directly, as the event processor would, against the real tables on
 * PostgreSQL, with the clock standing still. Rows are read back with SQL after a flush.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import({TokenExpiryWarningProjection.class, TokenExpiry.class, WarningTablesLock.class,
        TokenExpiryWarningProjectionTest.StillClock.class})
class TokenExpiryWarningProjectionTest {

    static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final String TOKEN_HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TestConfiguration(proxyBeanMethods = false)
    static class StillClock {
        @Bean
        MovableClock clock() {
            return new MovableClock(T0);
        }
    }

    @Autowired
    TokenExpiryWarningProjection projection;
    @Autowired
    MovableClock clock;
    @Autowired
    EntityManager entityManager;
    @Autowired
    JdbcTemplate jdbc;

    private final UUID accountId = UUID.randomUUID();
    private final UUID tokenId = UUID.randomUUID();
    private final UUID secondTokenId = UUID.randomUUID();

    @BeforeEach
    void clockAtT0() {
        clock.setTo(T0);
    }

    @Test
    void tokenGeneratedThreeDaysBeforeItsExpiryIsWarnedAboutAtOnce() {
        projection.on(generated(tokenId, "x9Qz", Duration.ofDays(3)), 1);

        assertThat(warnings()).containsExactly(new Row(tokenId, accountId, "x9Qz", T0.plus(Duration.ofDays(3))));
    }

    @Test
    void tokenGeneratedExactlySevenDaysBeforeItsExpiryIsWarnedAbout() {
        projection.on(generated(tokenId, "x9Qz", Duration.ofDays(7)), 1);

        assertThat(warnings()).extracting(Row::tokenId).containsExactly(tokenId);
    }

    @Test
    void tokenWithMoreThanSevenDaysLeftIsNotWarnedAboutYetButIsKeptForTheRefreshJob() {
        projection.on(generated(tokenId, "x9Qz", Duration.ofDays(7).plusSeconds(1)), 1);

        assertThat(warnings()).isEmpty();
        assertThat(currentTokens()).containsOnlyKeys(accountId);
        assertThat(currentTokens().get(accountId)).startsWith(tokenId.toString());
    }

    @Test
    void aSevenDayTokenIsNotWarnedAboutWhenItIsMade() {
        projection.on(new TokenGenerated(accountId, tokenId, TOKEN_HASH, "x9Qz", T0, T0.plus(Duration.ofDays(7))), 1);

        assertThat(warnings()).isEmpty();
        assertThat(currentTokens().get(accountId)).startsWith(tokenId.toString());
    }

    @Test
    void aSevenDayTokenHandledAtItsHalfLifeIsWarnedAbout() {
        Instant made = T0.minus(Duration.ofHours(84));
        projection.on(new TokenGenerated(accountId, tokenId, TOKEN_HASH, "x9Qz", made, made.plus(Duration.ofDays(7))), 1);

        assertThat(warnings()).extracting(Row::tokenId).containsExactly(tokenId);
    }

    /** As in a replay from the first event: old tokens have long expired by the time they are handled. */
    @Test
    void tokenAlreadyExpiredWhenHandledIsNotWarnedAbout() {
        clock.setTo(T0.plus(Duration.ofDays(400)));

        projection.on(generated(tokenId, "x9Qz", Duration.ofDays(3)), 1);

        assertThat(warnings()).isEmpty();
    }

    @Test
    void deletedTokenLeavesTheWarningsAtOnce() {
        projection.on(generated(tokenId, "x9Qz", Duration.ofDays(3)), 1);

        projection.on(new TokenDeleted(accountId, tokenId), 2);

        assertThat(warnings()).isEmpty();
        assertThat(currentTokens()).containsExactly(Map.entry(accountId, "none #2"));
    }

    /** An expired token does not block a new one: the new token takes the old one's place, also in the view. */
    @Test
    void replacingTokenLeavesOnlyTheNewOneInTheWarnings() {
        projection.on(generated(tokenId, "x9Qz", Duration.ofHours(1)), 1);
        clock.advance(Duration.ofHours(2));

        projection.on(new TokenGenerated(accountId, secondTokenId, TOKEN_HASH, "Ab12",
                clock.instant().minus(Duration.ofDays(23)), clock.instant().plus(Duration.ofDays(7))), 2);

        assertThat(warnings()).containsExactly(
                new Row(secondTokenId, accountId, "Ab12", T0.plus(Duration.ofHours(2)).plus(Duration.ofDays(7))));
    }

    @Test
    void deletingOneAccountsTokenLeavesTheOtherAccountsWarnings() {
        UUID otherAccountId = UUID.randomUUID();
        UUID otherTokenId = UUID.randomUUID();
        projection.on(generated(tokenId, "x9Qz", Duration.ofDays(3)), 1);
        projection.on(new TokenGenerated(otherAccountId, otherTokenId, TOKEN_HASH, "Oth3",
                T0.minus(Duration.ofDays(28)), T0.plus(Duration.ofDays(2))), 1);

        projection.on(new TokenDeleted(accountId, tokenId), 2);

        assertThat(warnings()).extracting(Row::tokenId).containsExactly(otherTokenId);
    }

    /** Checked after each replayed event: a redelivery must not even briefly bring back an older state. */
    @Test
    void replayingEveryEventTwiceLeavesTheSameRows() {
        List<AccountEvent> history = history();
        for (int sequence = 0; sequence < history.size(); sequence++) {
            apply(history.get(sequence), sequence + 1);
        }
        List<Row> warningsOnce = warnings();
        Map<UUID, String> tokensOnce = currentTokens();
        assertThat(warningsOnce).extracting(Row::tokenId).containsExactly(secondTokenId);

        for (int sequence = 0; sequence < history.size(); sequence++) {
            apply(history.get(sequence), sequence + 1);
            assertThat(warnings()).as("warnings after replaying event %d", sequence + 1).isEqualTo(warningsOnce);
            assertThat(currentTokens()).as("tokens after replaying event %d", sequence + 1).isEqualTo(tokensOnce);
        }
    }

    @Test
    void resetClearsBothTables() {
        List<AccountEvent> history = history();
        for (int sequence = 0; sequence < history.size(); sequence++) {
            apply(history.get(sequence), sequence + 1);
        }

        projection.reset();

        assertThat(warnings()).isEmpty();
        assertThat(currentTokens()).isEmpty();
    }

    /** A token deleted, a second one generated and deleted, a third one generated: within the period, all of them. */
    private List<AccountEvent> history() {
        UUID firstTokenId = tokenId;
        UUID thirdTokenId = UUID.randomUUID();
        return List.of(
                generated(firstTokenId, "x9Qz", Duration.ofDays(3)),
                new TokenDeleted(accountId, firstTokenId),
                generated(thirdTokenId, "Zz99", Duration.ofDays(2)),
                new TokenDeleted(accountId, thirdTokenId),
                generated(secondTokenId, "Ab12", Duration.ofDays(5)));
    }

    private void apply(AccountEvent event, long sequence) {
        if (event instanceof TokenGenerated generated) {
            projection.on(generated, sequence);
        } else if (event instanceof TokenDeleted deleted) {
            projection.on(deleted, sequence);
        } else {
            throw new IllegalArgumentException("not a token event: " + event);
        }
    }

    /**
     * A 30-day token that has {@code validFor} left at T0, when it is handled (as when the
     * projection catches up): its warning is then the warning days'.
     */
    private TokenGenerated generated(UUID tokenId, String hint, Duration validFor) {
        Instant expiresAt = T0.plus(validFor);
        return new TokenGenerated(accountId, tokenId, TOKEN_HASH, hint, expiresAt.minus(Duration.ofDays(30)), expiresAt);
    }

    record Row(UUID tokenId, UUID accountId, String hint, Instant expiresAt) {
    }

    private List<Row> warnings() {
        entityManager.flush();
        entityManager.clear();
        return jdbc.query("SELECT * FROM query_side.token_expiry_warning ORDER BY expires_at", (rs, n) -> new Row(
                rs.getObject("token_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("hint"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant()));
    }

    /** Account id to its current token (id, hint, expiry), or "none" once deleted, and the last sequence applied. */
    private Map<UUID, String> currentTokens() {
        entityManager.flush();
        entityManager.clear();
        Map<UUID, String> tokens = new HashMap<>();
        jdbc.query("SELECT * FROM query_side.current_token", (RowCallbackHandler) rs -> tokens.put(
                rs.getObject("account_id", UUID.class),
                (rs.getString("token_id") == null ? "none" : rs.getString("token_id") + " " + rs.getString("hint")
                        + " " + rs.getObject("expires_at", OffsetDateTime.class).toInstant())
                        + " #" + rs.getLong("last_sequence")));
        return tokens;
    }
}

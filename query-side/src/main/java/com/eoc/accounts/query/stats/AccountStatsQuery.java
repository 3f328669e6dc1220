package com.eoc.accounts.query.stats;

import com.eoc.accounts.query.account.TokenExpiry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts the account view in one statement, so every counter sees the same snapshot. A token's
 * status is decided exactly as the account view decides it (account's {@code TokenExpiry}):
 * expired when {@code expiresAt ≤ now}, expiring soon when {@code now < expiresAt ≤ now + warning
 * days} and at most half of its lifetime is left ({@code 2 × (expiresAt − now) ≤ expiresAt −
 * createdAt}), active otherwise.
 */
@Repository
class AccountStatsQuery {

    private static final String COUNTS = """
            SELECT count(*) AS accounts,
                   count(*) FILTER (WHERE token_expires_at > :now AND NOT (token_expires_at <= :soonLimit
                       AND (token_created_at IS NULL OR 2 * (token_expires_at - :now) <= token_expires_at - token_created_at)))
                       AS active_tokens,
                   count(*) FILTER (WHERE token_expires_at > :now AND token_expires_at <= :soonLimit
                       AND (token_created_at IS NULL OR 2 * (token_expires_at - :now) <= token_expires_at - token_created_at))
                       AS expiring_soon_tokens,
                   count(*) FILTER (WHERE token_expires_at <= :now) AS expired_tokens,
                   count(*) FILTER (WHERE avatar_digest IS NOT NULL) AS accounts_with_avatar,
                   count(*) FILTER (WHERE closed_at IS NOT NULL) AS closed_accounts
              FROM query_side.account_view""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TokenExpiry expiry;

    AccountStatsQuery(JdbcClient jdbc, Clock clock, TokenExpiry expiry) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.expiry = expiry;
    }

    AccountStats now() {
        // PostgreSQL keeps microseconds and the driver would round a finer "now" to the nearest
        // one; expiry times are whole microseconds, so comparing them with "now" cut down to a
        // microsecond gives the same answers as comparing with the exact "now" (lifetimes are whole
        // days, so their halves are whole microseconds too).
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return jdbc.sql(COUNTS)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("soonLimit", OffsetDateTime.ofInstant(expiry.horizon(now), ZoneOffset.UTC))
                .query(AccountStats.class)
                .single();
    }
}

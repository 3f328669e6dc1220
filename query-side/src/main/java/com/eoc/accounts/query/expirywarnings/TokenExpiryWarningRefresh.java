package com.eoc.accounts.query.expirywarnings;

import com.eoc.accounts.query.account.TokenExpiry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled part of the warning view: moves into it the tokens that have crossed the warning
 * threshold since the last run, with no event to tell (time passing is not an event), and drops
 * the tokens that have expired. A token crosses the threshold when it is within the warning days
 * and past its half-life ({@link TokenExpiry}). Runs at start-up and then {@code accounts.token.warning-refresh}
 * after the end of each run.
 *
 * <p>Two set-based statements, whatever the number of tokens: the insert reads {@code
 * current_token} through one range scan of its {@code expires_at} index, the tokens expiring
 * within the warning period, and skips those already in the view. Safe with several query-side
 * nodes: the view's primary key with {@code ON CONFLICT DO NOTHING} means no token is ever in it
 * twice, and {@link WarningTablesLock} serialises the runs with each other and with the
 * projection, so that no run works from a snapshot that a concurrent token event has outdated.
 */
@Component
class TokenExpiryWarningRefresh {

    private static final Logger log = LoggerFactory.getLogger(TokenExpiryWarningRefresh.class);

    /**
     * The tokens expiring within the warning days (the index's range) that are also past their
     * half-life ({@code 2 × left ≤ lifetime}), as {@code TokenExpiry} judges them.
     */
    static final String ADD_CROSSED = """
            INSERT INTO query_side.token_expiry_warning (token_id, account_id, hint, expires_at)
            SELECT token_id, account_id, hint, expires_at
              FROM query_side.current_token
             WHERE expires_at > ? AND expires_at <= ?
               AND (created_at IS NULL OR 2 * (expires_at - ?) <= expires_at - created_at)
            ON CONFLICT (token_id) DO NOTHING""";

    /** Also drops what lies beyond the horizon, should the warning period have been shortened. */
    static final String DROP_OUTSIDE = """
            DELETE FROM query_side.token_expiry_warning
             WHERE expires_at <= ? OR expires_at > ?""";

    private final JdbcTemplate jdbc;
    private final WarningTablesLock lock;
    private final TokenExpiry warningPeriod;
    private final Clock clock;

    TokenExpiryWarningRefresh(JdbcTemplate jdbc, WarningTablesLock lock, TokenExpiry warningPeriod, Clock clock) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.warningPeriod = warningPeriod;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accounts.token.warning-refresh}")
    @Transactional
    public void refresh() {
        lock.acquireExclusive();
        // read after the lock: the time of the run must not be older than the last token event applied
        Instant now = clock.instant();
        OffsetDateTime from = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime to = warningPeriod.horizon(now).atOffset(ZoneOffset.UTC);
        int added = jdbc.update(ADD_CROSSED, from, to, from);
        int dropped = jdbc.update(DROP_OUTSIDE, from, to);
        if (added > 0 || dropped > 0) {
            log.info("Token expiry warnings refreshed as of {}: {} added, {} dropped", now, added, dropped);
        }
    }
}

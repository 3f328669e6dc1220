package com.eoc.accounts.query.expirywarnings;

import com.eoc.accounts.query.account.TokenExpiry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the warning view in step with the account view's token columns: drops the warnings whose
 * token has expired, left the warning period or is no longer its account's token, and adds the
 * tokens that have entered the period ({@link TokenExpiry}: within the warning days and past
 * their half-life). Time passing is not an event, so this runs on a schedule: at start-up and then
 * {@code accounts.token.warning-refresh} after the end of each run.
 *
 * <p>Two statements, each a transaction of its own, whatever the number of tokens. Any number of
 * query-side nodes may run them at the same moment: the view's primary key with {@code ON CONFLICT
 * DO NOTHING} keeps one row per token; the inserts take their keys in token order and the deletion
 * skips the rows another run is deleting, so two runs never wait for each other in a circle.
 * A run that works from a snapshot older than a token event can only add a token that has just
 * been deleted or replaced; {@link TokenExpiryWarningQuery} shows a warning only while its token
 * is the account's current one, and the next run drops it.
 */
@Component
class TokenExpiryWarningRefresh {

    private static final Logger log = LoggerFactory.getLogger(TokenExpiryWarningRefresh.class);

    static final String DROP_LEFT = """
            DELETE FROM query_side.token_expiry_warning
             WHERE token_id IN (
                   SELECT w.token_id
                     FROM query_side.token_expiry_warning w
                    WHERE w.expires_at <= :now OR w.expires_at > :horizon
                       OR NOT EXISTS (SELECT FROM query_side.account_view v
                                       WHERE v.account_id = w.account_id AND v.token_id = w.token_id)
                      FOR UPDATE SKIP LOCKED)""";

    /**
     * The tokens expiring within the warning days (a range of the account view's expiry index)
     * that are also past their half-life ({@code 2 × left ≤ lifetime}), as {@code TokenExpiry}
     * judges them.
     */
    static final String ADD_ENTERED = """
            INSERT INTO query_side.token_expiry_warning (token_id, account_id, hint, expires_at)
            SELECT token_id, account_id, token_hint, token_expires_at
              FROM query_side.account_view
             WHERE token_expires_at > :now AND token_expires_at <= :horizon
               AND (token_created_at IS NULL OR 2 * (token_expires_at - :now) <= token_expires_at - token_created_at)
             ORDER BY token_id
            ON CONFLICT (token_id) DO NOTHING""";

    private final JdbcClient jdbc;
    private final TokenExpiry warningPeriod;
    private final Clock clock;

    TokenExpiryWarningRefresh(JdbcClient jdbc, TokenExpiry warningPeriod, Clock clock) {
        this.jdbc = jdbc;
        this.warningPeriod = warningPeriod;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accounts.token.warning-refresh}")
    void refresh() {
        // expiry times are whole microseconds, PostgreSQL's precision: compared with "now" cut down
        // to a microsecond they give the answers of the exact "now", which the driver would round
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime from = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime to = warningPeriod.horizon(now).atOffset(ZoneOffset.UTC);
        int dropped = jdbc.sql(DROP_LEFT).param("now", from).param("horizon", to).update();
        int added = jdbc.sql(ADD_ENTERED).param("now", from).param("horizon", to).update();
        if (added > 0 || dropped > 0) {
            log.info("Token expiry warnings refreshed as of {}: {} added, {} dropped", now, added, dropped);
        }
    }
}

package com.eoc.accounts.query.expirywarnings;

import com.eoc.accounts.query.account.TokenExpiry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the warning view. A warning is shown only while its token is still its account's token in
 * the account view, so a deleted or replaced token leaves the list as soon as the account view has
 * its event, not at the next refresh; and only until the token expires, as the refresh may not
 * have run since.
 */
@Repository
class TokenExpiryWarningQuery {

    private static final String CURRENT = """
            SELECT w.account_id, w.token_id, w.hint, w.expires_at
              FROM query_side.token_expiry_warning w
              JOIN query_side.account_view v ON v.account_id = w.account_id AND v.token_id = w.token_id
             WHERE w.expires_at > :now
             ORDER BY w.expires_at, w.token_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    TokenExpiryWarningQuery(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The warnings as of now, soonest first, with the days left counted as in the account view. */
    List<TokenExpiryWarningResponse> current() {
        Instant now = clock.instant();
        // expiry times are whole microseconds: "now" cut down to one compares with them exactly
        OffsetDateTime from = now.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return jdbc.sql(CURRENT).param("now", from).query((row, number) -> {
            Instant expiresAt = row.getObject("expires_at", OffsetDateTime.class).toInstant();
            return new TokenExpiryWarningResponse(row.getObject("account_id", UUID.class),
                    row.getObject("token_id", UUID.class), row.getString("hint"), expiresAt,
                    TokenExpiry.daysUntil(expiresAt, now));
        }).list();
    }
}

package com.eoc.accounts.query.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Judges a token's expiry date against the current time. The status is computed on every read,
 * not stored, so that it changes when time passes without any event.
 */
@Component
class TokenExpiry {

    private final Clock clock;
    private final Duration warningPeriod;

    TokenExpiry(Clock clock, @Value("${accounts.token.warning-days}") int warningDays) {
        if (warningDays < 0) {
            throw new IllegalArgumentException("accounts.token.warning-days must not be negative: " + warningDays);
        }
        this.clock = clock;
        this.warningPeriod = Duration.ofDays(warningDays);
    }

    /**
     * The status and days left of a token expiring at {@code expiresAt}, as of now. A day begun
     * counts as a day: a 30-day token shows 30 just after it is made, and "expiring soon" is
     * exactly "{@code daysUntilExpiry} ≤ the warning days".
     */
    Assessment assess(Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return new Assessment(TokenStatus.EXPIRED, 0);
        }
        Duration left = Duration.between(now, expiresAt);
        TokenStatus status = left.compareTo(warningPeriod) <= 0 ? TokenStatus.EXPIRING_SOON : TokenStatus.ACTIVE;
        return new Assessment(status, daysUntil(left));
    }

    static long daysUntil(Duration left) {
        long days = left.toDays();
        return left.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    record Assessment(TokenStatus status, long daysUntilExpiry) {
    }
}

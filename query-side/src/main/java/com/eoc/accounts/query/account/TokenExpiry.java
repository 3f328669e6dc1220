package com.eoc.accounts.query.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
     * The same judgement as of a fixed instant, for an account's state rebuilt as it stood then:
     * a token that was active at that instant is shown active even if it has expired since.
     */
    TokenExpiry at(Instant instant) {
        return new TokenExpiry(Clock.fixed(instant, ZoneOffset.UTC), Math.toIntExact(warningPeriod.toDays()));
    }

    /** The status and whole days left of a token expiring at {@code expiresAt}, as of now. */
    Assessment assess(Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return new Assessment(TokenStatus.EXPIRED, 0);
        }
        Duration left = Duration.between(now, expiresAt);
        TokenStatus status = left.compareTo(warningPeriod) <= 0 ? TokenStatus.EXPIRING_SOON : TokenStatus.ACTIVE;
        return new Assessment(status, left.toDays());
    }

    record Assessment(TokenStatus status, long daysUntilExpiry) {
    }
}

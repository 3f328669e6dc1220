package com.eoc.accounts.query.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Judges a token's expiry date against the current time: the one rule of "expiring soon"
 * ({@code accounts.token.warning-days}) for the account view, the stats and the warning view.
 * The status is computed on every read, not stored, so that it changes when time passes
 * without any event.
 */
@Component
public class TokenExpiry {

    private final Clock clock;
    private final Duration warningPeriod;

    public TokenExpiry(Clock clock, @Value("${accounts.token.warning-days}") int warningDays) {
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

    /** Whether a token expiring at {@code expiresAt} is expiring soon at {@code now}: not expired, not too far. */
    public boolean isExpiringSoon(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt) && !expiresAt.isAfter(horizon(now));
    }

    /** The latest expiry that counts as expiring soon at {@code now}. */
    public Instant horizon(Instant now) {
        return now.plus(warningPeriod);
    }

    /** Days left at {@code now}, a day begun counting as a day; never below zero. */
    public static long daysUntil(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt) ? daysUntil(Duration.between(now, expiresAt)) : 0;
    }

    private static long daysUntil(Duration left) {
        long days = left.toDays();
        return left.equals(Duration.ofDays(days)) ? days : days + 1;
    }

    record Assessment(TokenStatus status, long daysUntilExpiry) {
    }
}

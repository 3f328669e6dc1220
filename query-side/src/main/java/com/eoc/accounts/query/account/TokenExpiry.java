package com.eoc.accounts.query.account;

import com.eoc.accounts.platform.token.TokenPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Judges a token's expiry against the current time: the one rule of "expiring soon" for the
 * account view, the stats and the warning view. A token is expiring soon when it has not expired
 * and its remaining time is at most the warning days ({@code accounts.token.warning-days}) or
 * half of its lifetime ({@code expiresAt − createdAt}), whichever is shorter: so a token made for
 * 7 days does not warn its owner the moment it is made, only from its half-life on. The status is
 * computed on every read, not stored, so that it changes when time passes without any event.
 */
@Component
@EnableConfigurationProperties(TokenPolicy.class)
public class TokenExpiry {

    private final Clock clock;
    private final int warningDays;
    private final Duration warningPeriod;

    @Autowired
    public TokenExpiry(Clock clock, TokenPolicy policy) {
        this(clock, policy.warningDays());
    }

    public TokenExpiry(Clock clock, int warningDays) {
        if (warningDays < 0) {
            throw new IllegalArgumentException("accounts.token.warning-days must not be negative: " + warningDays);
        }
        this.clock = clock;
        this.warningDays = warningDays;
        this.warningPeriod = Duration.ofDays(warningDays);
    }

    /**
     * The same judgement as of a fixed instant, for an account's state rebuilt as it stood then:
     * a token that was active at that instant is shown active even if it has expired since.
     */
    TokenExpiry at(Instant instant) {
        return new TokenExpiry(Clock.fixed(instant, ZoneOffset.UTC), warningDays);
    }

    /** The rule in one sentence, as clients show it. */
    public String rule() {
        return "A token is expiring soon when it has not expired and at most " + warningDays
                + " days, or half of its lifetime if that is shorter, remain before it expires.";
    }

    public int warningDays() {
        return warningDays;
    }

    /**
     * The status and days left of a token made at {@code createdAt} and expiring at
     * {@code expiresAt}, as of now. A day begun counts as a day: a 30-day token shows 30 just
     * after it is made.
     */
    Assessment assess(Instant createdAt, Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return new Assessment(TokenStatus.EXPIRED, 0);
        }
        Duration left = Duration.between(now, expiresAt);
        TokenStatus status = isWithinWarning(createdAt, expiresAt, left) ? TokenStatus.EXPIRING_SOON : TokenStatus.ACTIVE;
        return new Assessment(status, daysUntil(left));
    }

    /** Whether a token made at {@code createdAt} and expiring at {@code expiresAt} is expiring soon at {@code now}. */
    public boolean isExpiringSoon(Instant createdAt, Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt) && isWithinWarning(createdAt, expiresAt, Duration.between(now, expiresAt));
    }

    /**
     * At most the warning days and at most half the lifetime left ({@code 2 × left ≤ lifetime},
     * exact in whole units). A token whose making is not known warns for the warning days.
     */
    private boolean isWithinWarning(Instant createdAt, Instant expiresAt, Duration left) {
        return left.compareTo(warningPeriod) <= 0
                && (createdAt == null || left.multipliedBy(2).compareTo(Duration.between(createdAt, expiresAt)) <= 0);
    }

    /**
     * The latest expiry that can count as expiring soon at {@code now} (for a long-lived token);
     * a shorter-lived one must also be past its half-life.
     */
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

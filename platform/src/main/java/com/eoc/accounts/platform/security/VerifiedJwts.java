package com.eoc.accounts.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the JWTs that the identity provider's decoder has accepted, so that a client sending
 * the same JWT with every request (as the console does) costs one signature check and claims
 * validation a minute, not one per request (decision record 0009).
 *
 * <p>A JWT is remembered for {@value #MAX_AGE_SECONDS} s at most (measured on a monotonic clock),
 * and never past its {@code exp}, which is checked again at each use against the same clock as
 * the decoder's. Spring's decoder keeps the identity provider's keys for five minutes, so a key
 * the provider withdraws stops being honoured at most a minute later than without this cache. A
 * JWT that is refused, or that has no {@code exp}, is never remembered: it goes to the decoder
 * each time.
 */
final class VerifiedJwts implements JwtDecoder {

    static final int MAX_AGE_SECONDS = 60;
    /** Distinct JWTs in use on one node within a minute: its active users. About 3 KB each. */
    static final int MAX_ENTRIES = 1_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /** With the system's clocks, as the decoder's own checks use. */
    VerifiedJwts(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** @param clock the wall clock that {@code exp} is checked against; @param ticker a monotonic one */
    VerifiedJwts(JwtDecoder decoder, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(Duration.ofSeconds(MAX_AGE_SECONDS))
                .ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}

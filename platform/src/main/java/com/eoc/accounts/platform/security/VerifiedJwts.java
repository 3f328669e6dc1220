package com.eoc.accounts.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the JWTs that the identity provider's decoder has accepted, so that a client sending
 * the same JWT with every request (as the console does) costs one signature check and claims
 * validation, not one per request: about a sixth of the command side's CPU per command.
 *
 * <p>A JWT is remembered until it expires, and for {@value #MAX_AGE_MINUTES} minutes at most: the
 * time for which Spring's decoder already keeps the identity provider's keys, so a key the
 * provider withdraws stops being honoured no later than before. A JWT that is refused is never
 * remembered: it is checked again each time, and refused again. Only what passed every check is
 * kept, so an entry can only save work, never let in what the decoder would refuse, with one
 * exception by design: the {@code nbf}/{@code exp} window, which the entry's lifetime follows.
 */
final class VerifiedJwts implements JwtDecoder {

    static final int MAX_AGE_MINUTES = 5;
    /** Distinct JWTs in use on one node within a few minutes: its active users. About 3 KB each. */
    static final int MAX_ENTRIES = 1_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedJwts(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .ticker(() -> clock.millis() * 1_000_000)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Until the JWT expires, at most {@value #MAX_AGE_MINUTES} minutes; never negative. */
    private Duration lifetime(Jwt jwt) {
        Duration untilExpiry = Duration.between(Instant.now(clock), jwt.getExpiresAt());
        Duration lifetime = untilExpiry.compareTo(Duration.ofMinutes(MAX_AGE_MINUTES)) < 0
                ? untilExpiry : Duration.ofMinutes(MAX_AGE_MINUTES);
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }
}

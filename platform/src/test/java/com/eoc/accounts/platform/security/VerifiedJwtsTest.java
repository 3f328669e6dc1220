package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.platform.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedJwtsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    /** A monotonic clock that moves with the wall clock, unless a test moves only one of them. */
    private final AtomicLong nanos = new AtomicLong();
    private final List<String> checked = new ArrayList<>();

    @Test
    void aJwtAcceptedOnceIsNotCheckedAgainWhileItIsValid() {
        VerifiedJwts jwts = verifiedJwts(accepting(Duration.ofHours(1)));

        Jwt first = jwts.decode("jwt-a");
        advance(Duration.ofSeconds(30));
        Jwt second = jwts.decode("jwt-a");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("jwt-a");
    }

    @Test
    void eachJwtIsCheckedOnItsOwn() {
        VerifiedJwts jwts = verifiedJwts(accepting(Duration.ofHours(1)));

        assertThat(jwts.decode("jwt-a").getSubject()).isEqualTo("subject of jwt-a");
        assertThat(jwts.decode("jwt-b").getSubject()).isEqualTo("subject of jwt-b");

        assertThat(checked).containsExactly("jwt-a", "jwt-b");
    }

    @Test
    void aRefusedJwtIsNeverRememberedSoItIsRefusedEveryTime() {
        JwtDecoder refusing = token -> {
            checked.add(token);
            throw new BadJwtException("signature does not match");
        };
        VerifiedJwts jwts = verifiedJwts(refusing);

        assertThatThrownBy(() -> jwts.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> jwts.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aJwtIsCheckedAgainOnceItHasExpired() {
        VerifiedJwts jwts = verifiedJwts(accepting(Duration.ofSeconds(30)));
        jwts.decode("jwt-a");

        advance(Duration.ofSeconds(29));
        jwts.decode("jwt-a");
        advance(Duration.ofSeconds(2));
        jwts.decode("jwt-a");

        assertThat(checked).containsExactly("jwt-a", "jwt-a");
    }

    @Test
    void aLongLivedJwtIsCheckedAgainAfterAMinuteSoAWithdrawnKeyStopsCounting() {
        VerifiedJwts jwts = verifiedJwts(accepting(Duration.ofHours(12)));
        jwts.decode("jwt-a");

        advance(Duration.ofSeconds(VerifiedJwts.MAX_AGE_SECONDS - 1));
        jwts.decode("jwt-a");
        advance(Duration.ofSeconds(2));
        jwts.decode("jwt-a");

        assertThat(checked).containsExactly("jwt-a", "jwt-a");
    }

    /** Expiry is the decoder's business, on its clock: a jump of the wall clock counts at once. */
    @Test
    void aJwtIsNeverServedPastItsExpiryEvenWhenTheWallClockJumps() {
        VerifiedJwts jwts = verifiedJwts(accepting(Duration.ofSeconds(30)));
        jwts.decode("jwt-a");

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        clock.advance(Duration.ofSeconds(31));
        jwts.decode("jwt-a");

        assertThat(checked).containsExactly("jwt-a", "jwt-a");
    }

    @Test
    void aJwtWithoutExpiryIsNeverRemembered() {
        JwtDecoder noExpiry = token -> {
            checked.add(token);
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone").build();
        };
        VerifiedJwts jwts = verifiedJwts(noExpiry);

        jwts.decode("jwt-a");
        jwts.decode("jwt-a");

        assertThat(checked).containsExactly("jwt-a", "jwt-a");
    }

    private VerifiedJwts verifiedJwts(JwtDecoder decoder) {
        return new VerifiedJwts(decoder, clock, nanos::get);
    }

    private void advance(Duration duration) {
        clock.advance(duration);
        nanos.addAndGet(duration.toNanos());
    }

    /** A decoder that accepts any token, valid for this long from now, and records each check. */
    private JwtDecoder accepting(Duration validity) {
        return token -> {
            checked.add(token);
            Instant now = clock.instant();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("subject of " + token)
                    .issuedAt(now).expiresAt(now.plus(validity)).build();
        };
    }
}

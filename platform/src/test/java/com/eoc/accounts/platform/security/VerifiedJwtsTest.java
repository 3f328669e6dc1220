package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedJwtsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final List<String> checked = new ArrayList<>();

    @Test
    void aJwtAcceptedOnceIsNotCheckedAgainWhileItIsValid() {
        VerifiedJwts jwts = new VerifiedJwts(accepting(Duration.ofHours(1)), clock);

        Jwt first = jwts.decode("jwt-a");
        clock.advance(Duration.ofMinutes(1));
        Jwt second = jwts.decode("jwt-a");

        assertThat(second).isSameAs(first);
        assertThat(checked).containsExactly("jwt-a");
    }

    @Test
    void eachJwtIsCheckedOnItsOwn() {
        VerifiedJwts jwts = new VerifiedJwts(accepting(Duration.ofHours(1)), clock);

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
        VerifiedJwts jwts = new VerifiedJwts(refusing, clock);

        assertThatThrownBy(() -> jwts.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> jwts.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aJwtIsCheckedAgainOnceItHasExpired() {
        VerifiedJwts jwts = new VerifiedJwts(accepting(Duration.ofSeconds(90)), clock);
        jwts.decode("jwt-a");

        clock.advance(Duration.ofSeconds(89));
        jwts.decode("jwt-a");
        clock.advance(Duration.ofSeconds(2));
        jwts.decode("jwt-a");

        assertThat(checked).containsExactly("jwt-a", "jwt-a");
    }

    @Test
    void aLongLivedJwtIsCheckedAgainAfterFiveMinutesSoAWithdrawnKeyStopsCounting() {
        VerifiedJwts jwts = new VerifiedJwts(accepting(Duration.ofHours(12)), clock);
        jwts.decode("jwt-a");

        clock.advance(Duration.ofMinutes(VerifiedJwts.MAX_AGE_MINUTES).minusSeconds(1));
        jwts.decode("jwt-a");
        clock.advance(Duration.ofSeconds(2));
        jwts.decode("jwt-a");

        assertThat(checked).containsExactly("jwt-a", "jwt-a");
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

    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

package com.eoc.accounts.query.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {

    private static final Instant EXPIRES_AT = Instant.parse("2026-12-31T12:00:00Z");

    private static TokenExpiry.Assessment assessAt(Instant now) {
        return new TokenExpiry(Clock.fixed(now, ZoneOffset.UTC), 7).assess(EXPIRES_AT);
    }

    @Test
    void tokenIsActiveWithMoreThanTheWarningPeriodLeft() {
        TokenExpiry.Assessment assessment = assessAt(EXPIRES_AT.minus(Duration.ofDays(30)));

        assertThat(assessment.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(assessment.daysUntilExpiry()).isEqualTo(30);
    }

    @Test
    void tokenIsStillActiveOneSecondBeforeTheWarningPeriod() {
        TokenExpiry.Assessment assessment = assessAt(EXPIRES_AT.minus(Duration.ofDays(7)).minusSeconds(1));

        assertThat(assessment.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(assessment.daysUntilExpiry()).isEqualTo(8);
    }

    @Test
    void tokenIsExpiringSoonExactlySevenDaysBeforeExpiry() {
        TokenExpiry.Assessment assessment = assessAt(EXPIRES_AT.minus(Duration.ofDays(7)));

        assertThat(assessment.status()).isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(assessment.daysUntilExpiry()).isEqualTo(7);
    }

    @Test
    void aDayBegunCountsAsADay() {
        TokenExpiry.Assessment assessment = assessAt(EXPIRES_AT.minus(Duration.ofDays(2).plusHours(23)));

        assertThat(assessment.status()).isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(assessment.daysUntilExpiry()).isEqualTo(3);
    }

    @Test
    void tokenIsExpiringSoonWithLessThanADayLeft() {
        TokenExpiry.Assessment assessment = assessAt(EXPIRES_AT.minusSeconds(1));

        assertThat(assessment.status()).isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(assessment.daysUntilExpiry()).isEqualTo(1);
    }

    @Test
    void tokenIsExpiredAtItsExpiryInstant() {
        TokenExpiry.Assessment assessment = assessAt(EXPIRES_AT);

        assertThat(assessment.status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(assessment.daysUntilExpiry()).isZero();
    }

    @Test
    void expiredTokenNeverHasNegativeDaysLeft() {
        TokenExpiry.Assessment assessment = assessAt(EXPIRES_AT.plus(Duration.ofDays(40)));

        assertThat(assessment.status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(assessment.daysUntilExpiry()).isZero();
    }

    @Test
    void warningPeriodIsConfigurable() {
        Instant now = EXPIRES_AT.minus(Duration.ofDays(20));

        assertThat(new TokenExpiry(Clock.fixed(now, ZoneOffset.UTC), 30).assess(EXPIRES_AT).status())
                .isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(new TokenExpiry(Clock.fixed(now, ZoneOffset.UTC), 7).assess(EXPIRES_AT).status())
                .isEqualTo(TokenStatus.ACTIVE);
    }

    @Test
    void negativeWarningPeriodIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenExpiry(Clock.systemUTC(), -1));
    }
}

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
    /** A token made for a year: the warning days are shorter than half of its life. */
    private static final Instant CREATED_AT = EXPIRES_AT.minus(Duration.ofDays(365));

    private static TokenExpiry.Assessment assessAt(Instant now) {
        return assessAt(now, CREATED_AT);
    }

    private static TokenExpiry.Assessment assessAt(Instant now, Instant createdAt) {
        TokenExpiry expiry = new TokenExpiry(Clock.fixed(now, ZoneOffset.UTC), 7);
        TokenExpiry.Assessment assessment = expiry.assess(createdAt, EXPIRES_AT);
        // the warning view's and the stats' judgement is the same as the account view's
        assertThat(expiry.isExpiringSoon(createdAt, EXPIRES_AT, now))
                .isEqualTo(assessment.status() == TokenStatus.EXPIRING_SOON);
        return assessment;
    }

    @Test
    void aSevenDayTokenDoesNotWarnWhenItIsMade() {
        Instant made = EXPIRES_AT.minus(Duration.ofDays(7));

        assertThat(assessAt(made, made).status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(assessAt(made.plus(Duration.ofDays(3)), made).status()).isEqualTo(TokenStatus.ACTIVE);
    }

    @Test
    void aSevenDayTokenWarnsFromItsHalfLife() {
        Instant made = EXPIRES_AT.minus(Duration.ofDays(7));
        Instant halfLife = made.plus(Duration.ofHours(84));

        assertThat(assessAt(halfLife.minusMillis(1), made).status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(assessAt(halfLife, made).status()).isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(assessAt(EXPIRES_AT.minusSeconds(1), made).status()).isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(assessAt(EXPIRES_AT, made).status()).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void aThirtyDayTokenWarnsInItsLastSevenDays() {
        Instant made = EXPIRES_AT.minus(Duration.ofDays(30));

        assertThat(assessAt(made, made).status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(assessAt(EXPIRES_AT.minus(Duration.ofDays(7)).minusMillis(1), made).status())
                .isEqualTo(TokenStatus.ACTIVE);
        assertThat(assessAt(EXPIRES_AT.minus(Duration.ofDays(7)), made).status())
                .isEqualTo(TokenStatus.EXPIRING_SOON);
    }

    @Test
    void aTokenWhoseMakingIsUnknownWarnsForTheWarningDays() {
        assertThat(assessAt(EXPIRES_AT.minus(Duration.ofDays(7)), null).status()).isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(assessAt(EXPIRES_AT.minus(Duration.ofDays(7)).minusMillis(1), null).status())
                .isEqualTo(TokenStatus.ACTIVE);
    }

    @Test
    void theRuleIsSaidWithTheConfiguredDays() {
        assertThat(new TokenExpiry(Clock.systemUTC(), 10).rule()).contains("at most 10 days").contains("half");
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

        assertThat(new TokenExpiry(Clock.fixed(now, ZoneOffset.UTC), 30).assess(CREATED_AT, EXPIRES_AT).status())
                .isEqualTo(TokenStatus.EXPIRING_SOON);
        assertThat(new TokenExpiry(Clock.fixed(now, ZoneOffset.UTC), 7).assess(CREATED_AT, EXPIRES_AT).status())
                .isEqualTo(TokenStatus.ACTIVE);
    }

    @Test
    void negativeWarningPeriodIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenExpiry(Clock.systemUTC(), -1));
    }
}

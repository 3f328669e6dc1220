package com.eoc.accounts.query.expirywarnings;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long before its expiry a token is warned about: {@code accounts.token.warning-days}, the
 * same setting by which the account view calls a token "expiring soon", and with the same bounds.
 */
@Component
class WarningPeriod {

    private final Duration length;

    WarningPeriod(@Value("${accounts.token.warning-days}") int warningDays) {
        if (warningDays < 0) {
            throw new IllegalArgumentException("accounts.token.warning-days must not be negative: " + warningDays);
        }
        this.length = Duration.ofDays(warningDays);
    }

    /** Whether a token expiring at {@code expiresAt} is to be warned about at {@code now}: not expired, not too far. */
    boolean covers(Instant expiresAt, Instant now) {
        return now.isBefore(expiresAt) && !expiresAt.isAfter(horizon(now));
    }

    /** The latest expiry that is warned about at {@code now}. */
    Instant horizon(Instant now) {
        return now.plus(length);
    }
}

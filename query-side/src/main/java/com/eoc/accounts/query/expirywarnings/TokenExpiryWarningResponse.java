package com.eoc.accounts.query.expirywarnings;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One element of {@code GET /api/token-expiry-warnings}. */
record TokenExpiryWarningResponse(UUID accountId, UUID tokenId, String hint, Instant expiresAt, long daysUntilExpiry) {

    /** Whole days left at {@code now}, rounded down like the account view's, and never below zero. */
    static TokenExpiryWarningResponse of(TokenExpiryWarning warning, Instant now) {
        long daysLeft = Math.max(0, Duration.between(now, warning.getExpiresAt()).toDays());
        return new TokenExpiryWarningResponse(warning.getAccountId(), warning.getTokenId(), warning.getHint(),
                warning.getExpiresAt(), daysLeft);
    }
}

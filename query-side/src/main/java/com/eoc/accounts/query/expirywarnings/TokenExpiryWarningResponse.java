package com.eoc.accounts.query.expirywarnings;

import com.eoc.accounts.query.account.TokenExpiry;
import java.time.Instant;
import java.util.UUID;

/** One element of {@code GET /api/token-expiry-warnings}. */
record TokenExpiryWarningResponse(UUID accountId, UUID tokenId, String hint, Instant expiresAt, long daysUntilExpiry) {

    /** Days left at {@code now}, counted as in the account view. */
    static TokenExpiryWarningResponse of(TokenExpiryWarning warning, Instant now) {
        return new TokenExpiryWarningResponse(warning.getAccountId(), warning.getTokenId(), warning.getHint(),
                warning.getExpiresAt(), TokenExpiry.daysUntil(warning.getExpiresAt(), now));
    }
}

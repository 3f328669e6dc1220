package com.eoc.accounts.query.expirywarnings;

import java.time.Instant;
import java.util.UUID;

/** One element of {@code GET /api/token-expiry-warnings}. */
record TokenExpiryWarningResponse(UUID accountId, UUID tokenId, String hint, Instant expiresAt, long daysUntilExpiry) {
}

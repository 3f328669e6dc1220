package com.eoc.accounts.query.stats;

/**
 * The body of {@code GET /api/stats}: the dashboards' counters, all taken at one instant.
 * {@code accounts} counts the closed ones too.
 */
record AccountStats(long accounts, long activeTokens, long expiringSoonTokens, long expiredTokens,
                    long accountsWithAvatar, long closedAccounts) {
}

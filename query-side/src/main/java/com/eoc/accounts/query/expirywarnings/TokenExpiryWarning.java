package com.eoc.accounts.query.expirywarnings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A token that expires within the warning period: one row of {@code GET /api/token-expiry-warnings}. */
@Entity
@Table(name = "token_expiry_warning", schema = "query_side")
class TokenExpiryWarning {

    @Id
    private UUID tokenId;

    private UUID accountId;
    private String hint;
    private Instant expiresAt;

    protected TokenExpiryWarning() {
        // for JPA
    }

    TokenExpiryWarning(UUID tokenId, UUID accountId, String hint, Instant expiresAt) {
        this.tokenId = tokenId;
        this.accountId = accountId;
        this.hint = hint;
        this.expiresAt = expiresAt;
    }

    UUID getTokenId() {
        return tokenId;
    }

    UUID getAccountId() {
        return accountId;
    }

    String getHint() {
        return hint;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}

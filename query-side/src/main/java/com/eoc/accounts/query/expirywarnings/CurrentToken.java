package com.eoc.accounts.query.expirywarnings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An account's current API token as the warnings projection knows it, for the refresh job to
 * find the tokens crossing the warning threshold. Once the token is deleted the row remains,
 * without a token, to remember how far the account's events have been applied.
 */
@Entity
@Table(name = "current_token", schema = "query_side")
class CurrentToken {

    @Id
    private UUID accountId;

    private UUID tokenId;
    private String hint;
    /** When the token was made; null for a token recorded before this was kept. */
    private Instant createdAt;
    private Instant expiresAt;

    /** The sequence number of the last token event applied; -1 before the first. */
    private long lastSequence;

    protected CurrentToken() {
        // for JPA
    }

    private CurrentToken(UUID accountId) {
        this.accountId = accountId;
        this.lastSequence = -1;
    }

    static CurrentToken none(UUID accountId) {
        return new CurrentToken(accountId);
    }

    /** Whether the event with this sequence number is already reflected here (a redelivery or replay). */
    boolean hasApplied(long sequenceNumber) {
        return sequenceNumber <= lastSequence;
    }

    void issue(UUID tokenId, String hint, Instant createdAt, Instant expiresAt, long sequenceNumber) {
        this.tokenId = tokenId;
        this.hint = hint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.lastSequence = sequenceNumber;
    }

    void delete(UUID tokenId, long sequenceNumber) {
        if (tokenId.equals(this.tokenId)) {
            this.tokenId = null;
            this.hint = null;
            this.createdAt = null;
            this.expiresAt = null;
        }
        this.lastSequence = sequenceNumber;
    }

    boolean hasToken() {
        return tokenId != null;
    }

    UUID getTokenId() {
        return tokenId;
    }
}

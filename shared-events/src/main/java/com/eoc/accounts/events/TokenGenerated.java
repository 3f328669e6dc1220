package com.eoc.accounts.events;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A personal API token was issued. The token itself is never recorded: only the hex SHA-256
 * of it, so that it can be recognised, and its last four characters, so that a user can tell
 * it apart.
 */
@Revision("1")
public record TokenGenerated(UUID accountId, UUID tokenId, String tokenHash, String hint, Instant createdAt,
                             Instant expiresAt) implements AccountEvent {
}

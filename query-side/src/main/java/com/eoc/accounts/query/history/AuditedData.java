package com.eoc.accounts.query.history;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.TokenGenerated;
import java.time.Instant;
import java.util.UUID;

/**
 * What an auditor may see of an event's fields: all of them, except a secret. An event that
 * carries one is copied field by field into a record of its own (a list of what may be shown,
 * not of what may not), so a field added to it later stays hidden until someone decides to show
 * it. {@code AuditedDataTest} fails when another event gains a field that looks secret.
 */
final class AuditedData {

    private AuditedData() {
    }

    /**
     * Whether a stored payload of this type holds a credential (a token's hash): an export then
     * leaves the payload out and gives its digest only.
     */
    static boolean holdsACredential(String payloadType) {
        return TokenGenerated.class.getName().equals(payloadType);
    }

    /**
     * @return the fields to show, as a record that serialises to JSON; {@code null} for a payload
     *         that is not an account event this side knows, which might hold anything
     */
    static Object of(Object payload) {
        if (payload instanceof TokenGenerated generated) {
            return new TokenGeneratedData(generated.accountId(), generated.tokenId(), generated.hint(),
                    generated.createdAt(), generated.expiresAt());
        }
        if (payload instanceof AccountEvent event) {
            return event;
        }
        return null;
    }

    /** {@link TokenGenerated} without {@code tokenHash}: the hash identifies a live credential. */
    record TokenGeneratedData(UUID accountId, UUID tokenId, String hint, Instant createdAt, Instant expiresAt) {
    }
}

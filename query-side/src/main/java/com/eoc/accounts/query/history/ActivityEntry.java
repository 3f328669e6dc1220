package com.eoc.accounts.query.history;

import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * One event of an actor's activity: a {@link HistoryEntry} with the account it is about and its
 * position in the whole log (its global index), which names the page after it.
 */
record ActivityEntry(long position, String accountId, long sequence, String type, Instant occurredAt,
                     @Nullable String actor, @Nullable String correlationId, Object data) {

    static ActivityEntry of(long position, String accountId, HistoryEntry entry) {
        return new ActivityEntry(position, accountId, entry.sequence(), entry.type(), entry.occurredAt(),
                entry.actor(), entry.correlationId(), entry.data());
    }
}

package com.eoc.accounts.query.history;

import com.eoc.accounts.platform.eventstore.AuditedMetaData;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * One recorded event of an account, as auditors read it.
 *
 * @param sequence      the event's sequence number within the account, from 0
 * @param type          the event's name ({@code AccountRegistered}, {@code UserRenamed}…)
 * @param actor         who issued the command that caused it, from the event's metadata
 * @param correlationId the correlation id of the request that caused it (answered to its caller in
 *                      X-Correlation-Id), from the event's metadata
 * @param data          the event's fields without secrets; see {@link AuditedData}
 */
record HistoryEntry(long sequence, String type, Instant occurredAt, @Nullable String actor,
                    @Nullable String correlationId, Object data) {

    /** The metadata keys that the command side writes on every event. */
    static final String ACTOR = AuditedMetaData.ACTOR;
    static final String CORRELATION_ID = AuditedMetaData.CORRELATION_ID;

    static HistoryEntry of(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        return new HistoryEntry(event.getSequenceNumber(), typeOf(event), event.getTimestamp(),
                Objects.toString(metaData.get(ACTOR), null), Objects.toString(metaData.get(CORRELATION_ID), null),
                AuditedData.of(event.getPayload()));
    }

    /** An event that this side has no class for (written by a newer command side) is still named. */
    private static String typeOf(DomainEventMessage<?> event) {
        if (event.getPayload() instanceof UnknownSerializedType unknown) {
            String name = unknown.serializedType().getName();
            return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
        }
        return event.getPayloadType().getSimpleName();
    }
}

package com.eoc.accounts.platform.eventstore;

import com.eoc.accounts.platform.observability.CorrelationIds;
import org.axonframework.messaging.MetaData;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What auditors rely on in an event's metadata, which its chain link covers: who issued the
 * command ({@value #ACTOR}) and in which request ({@value #CORRELATION_ID}), as the command side
 * writes them. Read from a stored row's metadata (JSON) by whoever checks or exports the chain.
 *
 * @param actor         the actor, or {@code null} when the metadata holds no text under that key
 * @param correlationId the correlation id, or {@code null} likewise
 */
public record AuditedMetaData(String actor, String correlationId) {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = CorrelationIds.KEY;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param storedMetaData the metadata column's bytes, or {@code null}; bytes that are not a JSON
     *                       object (a damaged or hand-edited row) hold neither, and the event's
     *                       link then tells whether that is what was chained
     */
    public static AuditedMetaData of(byte[] storedMetaData) {
        if (storedMetaData == null) {
            return new AuditedMetaData(null, null);
        }
        try {
            JsonNode metaData = JSON.readTree(storedMetaData);
            return new AuditedMetaData(text(metaData, ACTOR), text(metaData, CORRELATION_ID));
        } catch (JacksonException notJson) {
            return new AuditedMetaData(null, null);
        }
    }

    /** As the command side is about to store them: the values under those keys that are text. */
    public static AuditedMetaData of(MetaData metaData) {
        return new AuditedMetaData(metaData.get(ACTOR) instanceof String actor ? actor : null,
                metaData.get(CORRELATION_ID) instanceof String correlationId ? correlationId : null);
    }

    private static String text(JsonNode metaData, String key) {
        JsonNode value = metaData.get(key);
        return value != null && value.isString() ? value.asString() : null;
    }
}

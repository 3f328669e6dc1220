package com.eoc.accounts.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A row of the event table as the command side wrote it. The benchmark copies real rows rather
 * than writing its own idea of them, so its synthetic events are exactly what the query side
 * reads in production: the same serializer's payload and metadata, the same sizes.
 */
record StoredEvent(String aggregateIdentifier, String type, String timeStamp, String payloadType,
                   String payloadRevision, byte[] payload, byte[] metaData) {

    /** The newest stored event whose payload type is this simple class name. */
    static StoredEvent newest(Connection connection, String simpleClassName) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT aggregate_identifier, type, time_stamp, payload_type, payload_revision, payload, meta_data
                FROM eventstore.domain_event_entry WHERE payload_type LIKE ? ORDER BY global_index DESC LIMIT 1""")) {
            select.setString(1, "%." + simpleClassName);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the event store holds no " + simpleClassName + " to copy");
                }
                return new StoredEvent(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getBytes(6), row.getBytes(7));
            }
        }
    }

    String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** This event's payload for another account: every mention of the account id replaced. */
    byte[] payloadFor(String accountId, String... replacements) {
        String text = payloadText().replace(aggregateIdentifier, accountId);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

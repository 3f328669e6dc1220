package com.eoc.accounts.platform.personaldata;

import com.eoc.accounts.events.AccountEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personal fields that events stored before encryption came in hold in plain text, encrypted
 * in place with their account's data key (made when it has none), as the serializer would have
 * written them ({@link PersonalDataSerializer}). For a one-time migration, on its connection and
 * in its transaction; the payloads change, so their chain links must be made again after it.
 */
public final class StoredPlaintext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 1_000;

    private StoredPlaintext() {
    }

    /** @return how many events were rewritten */
    public static int encrypt(Connection connection) throws SQLException {
        Map<String, List<String>> fieldsOfType = new HashMap<>();
        Arrays.stream(AccountEvent.class.getPermittedSubclasses())
                .filter(type -> !PersonalDataSerializer.personalFields(type).isEmpty())
                .forEach(type -> fieldsOfType.put(type.getName(), PersonalDataSerializer.personalFields(type)));
        Map<String, byte[]> keys = new HashMap<>();
        int rewritten = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, aggregate_identifier,"
                + " payload_type, payload FROM eventstore.domain_event_entry WHERE payload_type = ANY (?)"
                + " ORDER BY global_index");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE eventstore.domain_event_entry SET payload = ? WHERE global_index = ?")) {
            select.setArray(1, connection.createArrayOf("text", fieldsOfType.keySet().toArray()));
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String accountId = row.getString("aggregate_identifier");
                    JsonNode payload = JSON.readTree(row.getBytes("payload"));
                    if (!(payload instanceof ObjectNode event)) {
                        continue; // not an event this service wrote: the chain names it if it was changed
                    }
                    boolean changed = false;
                    for (String field : fieldsOfType.get(row.getString("payload_type"))) {
                        JsonNode value = event.get(field);
                        if (value != null && value.isString() && !FieldCipher.isEncrypted(value.asString())) {
                            byte[] key = keys.computeIfAbsent(accountId, id -> keyOf(connection, id));
                            event.put(field, FieldCipher.encrypt(key, accountId, field, value.asString()));
                            changed = true;
                        }
                    }
                    if (changed) {
                        update.setBytes(1, JSON.writeValueAsBytes(event));
                        update.setLong(2, row.getLong("global_index"));
                        update.addBatch();
                        rewritten++;
                        if (++pending == BATCH) {
                            update.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        return rewritten;
    }

    /** The account's key, made now when it has none. */
    private static byte[] keyOf(Connection connection, String accountId) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO credentials.account_data_key"
                + " (account_id, data_key) VALUES (?::uuid, ?) ON CONFLICT DO NOTHING");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT data_key FROM credentials.account_data_key WHERE account_id = ?::uuid")) {
            insert.setString(1, accountId);
            insert.setBytes(2, FieldCipher.newKey());
            insert.executeUpdate();
            select.setString(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("no data key could be made for account " + accountId, e);
        }
    }
}

package com.eoc.accounts.command.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.command.testing.MigratedDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that creates the API token index fills it from the tokens already in the event
 * store: each account's last token event, when it is a TokenGenerated. Without that, tokens
 * issued before the index existed would stop working when it arrived.
 */
class ApiTokenIndexBackfillTest {

    @Test
    void indexesEachAccountsLastTokenUnlessItWasDeleted() {
        MigratedDatabase database = new MigratedDatabase();
        JdbcClient jdbc = database.jdbc();
        database.migrateTo("1");

        UUID kept = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID replaced = UUID.randomUUID();
        append(jdbc, kept, 1, generated(kept, "a", "2026-12-01T00:00:00Z"));
        append(jdbc, deleted, 1, generated(deleted, "b", "2026-12-01T00:00:00Z"));
        append(jdbc, deleted, 2, Map.of("type", "TokenDeleted", "json",
                "{\"accountId\":\"" + deleted + "\",\"tokenId\":\"" + UUID.randomUUID() + "\"}"));
        append(jdbc, replaced, 1, generated(replaced, "c", "2026-11-01T00:00:00Z"));
        append(jdbc, replaced, 2, generated(replaced, "d", "2027-01-01T00:00:00Z"));

        database.migrateTo("latest");

        List<String> indexed = jdbc.sql("""
                        SELECT account_id || ' ' || token_hash || ' ' || to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
                        FROM credentials.api_token ORDER BY account_id""")
                .query(String.class).list();
        assertThat(indexed).containsExactlyInAnyOrder(
                kept + " " + "a".repeat(64) + " 2026-12-01",
                replaced + " " + "d".repeat(64) + " 2027-01-01");
    }

    private static Map<String, String> generated(UUID accountId, String hashDigit, String expiresAt) {
        return Map.of("type", "TokenGenerated", "json", "{\"accountId\":\"" + accountId + "\",\"tokenId\":\""
                + UUID.randomUUID() + "\",\"tokenHash\":\"" + hashDigit.repeat(64) + "\",\"hint\":\"abcd\","
                + "\"createdAt\":\"2026-10-01T00:00:00.123Z\",\"expiresAt\":\"" + expiresAt + "\"}");
    }

    /** An event row as the command side's serializer writes it (JSON in bytea, revision 1). */
    private static void append(JdbcClient jdbc, UUID accountId, long sequence, Map<String, String> event) {
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Account', '2026-10-01T00:00:00Z', ?, '1', ?, ?)""")
                .param(UUID.randomUUID().toString())
                .param(accountId.toString())
                .param(sequence)
                .param("com.eoc.accounts.events." + event.get("type"))
                .param(event.get("json").getBytes(StandardCharsets.UTF_8))
                .param("{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }
}

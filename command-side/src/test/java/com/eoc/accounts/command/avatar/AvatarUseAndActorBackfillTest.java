package com.eoc.accounts.command.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.command.testing.MigratedDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migrations of closing, avatar removal and actor reads fill their new columns and tables from
 * the events already stored: each account's latest image is in use (none was ever removed), and
 * each event's actor is its metadata's, or none where the metadata holds no text under that key or
 * is no JSON object at all.
 */
class AvatarUseAndActorBackfillTest {

    @Test
    void theStoredEventsFillTheAvatarUsesAndTheActorColumn() {
        MigratedDatabase database = new MigratedDatabase();
        JdbcClient jdbc = database.jdbc();
        database.migrateTo("1.5");
        UUID ada = UUID.randomUUID();
        UUID alan = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        append(jdbc, ada, 0, "AccountRegistered", "{}", "{\"actor\":\"ops-admin\"}");
        append(jdbc, ada, 1, "AvatarChanged", avatar(ada, "a1"), "{\"actor\":\"" + ada + "\"}");
        append(jdbc, ada, 2, "AvatarChanged", avatar(ada, "a2"), "{\"actor\":42}");
        append(jdbc, alan, 0, "AccountRegistered", "{}", "not json");
        append(jdbc, alan, 1, "AvatarChanged", avatar(alan, "b1"), "{}");
        append(jdbc, grace, 0, "AccountRegistered", "{}", "{\"actor\":\"ops-admin\"}");

        database.migrateTo("latest");

        assertThat(jdbc.sql("SELECT account_id || ' ' || digest FROM command_side.avatar_use")
                .query(String.class).list()).containsExactlyInAnyOrder(
                ada + " " + "a2".repeat(32), alan + " " + "b1".repeat(32));
        List<String> actors = jdbc.sql("""
                        SELECT aggregate_identifier || '/' || sequence_number || ' ' || coalesce(actor, '-')
                          FROM eventstore.domain_event_entry""")
                .query(String.class).list();
        assertThat(actors).containsExactlyInAnyOrder(ada + "/0 ops-admin", ada + "/1 " + ada, ada + "/2 -",
                alan + "/0 -", alan + "/1 -", grace + "/0 ops-admin");
    }

    private static String avatar(UUID accountId, String digest) {
        return "{\"accountId\":\"" + accountId + "\",\"digest\":\"" + digest.repeat(32)
                + "\",\"contentType\":\"image/png\",\"width\":64,\"height\":64,\"sizeBytes\":2048}";
    }

    /** An event row as an older release wrote it: JSON in bytea, without the columns added since. */
    private static void append(JdbcClient jdbc, UUID accountId, long sequence, String type, String payload,
                               String metaData) {
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Account', '2026-10-01T00:00:00Z', ?, '1', ?, ?)""")
                .param(UUID.randomUUID().toString())
                .param(accountId.toString())
                .param(sequence)
                .param("com.eoc.accounts.events." + type)
                .param(payload.getBytes(StandardCharsets.UTF_8))
                .param(metaData.getBytes(StandardCharsets.UTF_8))
                .update();
    }
}

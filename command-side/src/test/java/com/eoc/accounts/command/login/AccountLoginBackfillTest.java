package com.eoc.accounts.command.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.command.testing.MigratedDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that creates the login table fills it from the registrations already in the event
 * store, each account's login being its own id: without that, every owner of an older account
 * would lose access when logins arrived.
 */
class AccountLoginBackfillTest {

    @Test
    void everyRegisteredAccountGetsItsIdAsLogin() {
        MigratedDatabase database = new MigratedDatabase();
        JdbcClient jdbc = database.jdbc();
        database.migrateTo("1.1");
        UUID ada = UUID.randomUUID();
        UUID alan = UUID.randomUUID();
        append(jdbc, ada, 0, "AccountRegistered", "{\"accountId\":\"" + ada
                + "\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}");
        append(jdbc, ada, 1, "UserRenamed",
                "{\"accountId\":\"" + ada + "\",\"firstName\":\"Ada\",\"lastName\":\"King\"}");
        append(jdbc, alan, 0, "AccountRegistered", "{\"accountId\":\"" + alan
                + "\",\"firstName\":\"Alan\",\"lastName\":\"Turing\",\"email\":\"alan@example.com\"}");

        database.migrateTo("latest");

        List<String> logins = jdbc.sql("SELECT subject || ' ' || account_id FROM credentials.account_login")
                .query(String.class).list();
        assertThat(logins).containsExactlyInAnyOrder(ada + " " + ada, alan + " " + alan);
    }

    /** An event row as an older release's serializer wrote it (JSON in bytea, revision 1). */
    private static void append(JdbcClient jdbc, UUID accountId, long sequence, String type, String json) {
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Account', '2026-10-01T00:00:00Z', ?, '1', ?, ?)""")
                .param(UUID.randomUUID().toString())
                .param(accountId.toString())
                .param(sequence)
                .param("com.eoc.accounts.events." + type)
                .param(json.getBytes(StandardCharsets.UTF_8))
                .param("{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }
}

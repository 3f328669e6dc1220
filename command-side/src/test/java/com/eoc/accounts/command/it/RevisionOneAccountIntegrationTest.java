package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An account registered by an older release (AccountRegistered revision 1, no subject, its login
 * back-filled as its id) is rebuilt through the upcaster and commanded by its owner as before.
 */
class RevisionOneAccountIntegrationTest extends LocalRunTest {

    @Test
    void anAccountOfRevisionOneIsCommandedByTheOwnerItHadThen() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, 0, 'Account', '2026-10-01T00:00:00Z', 'com.eoc.accounts.events.AccountRegistered',
                            '1', ?, '{}')""")
                .param(UUID.randomUUID().toString())
                .param(id.toString())
                .param(("{\"accountId\":\"" + id + "\",\"firstName\":\"Old\",\"lastName\":\"Timer\",\"email\":\"old-"
                        + id + "@example.com\"}").getBytes(StandardCharsets.UTF_8))
                .update();
        // what the migration's back-fill gives such an account
        jdbc.sql("INSERT INTO credentials.account_login (subject, account_id) VALUES (?, ?)")
                .param(id.toString()).param(id).update();

        Http.Reply renamed = owner(id.toString()).put("/api/accounts/" + id + "/name",
                "{\"firstName\":\"Old\",\"lastName\":\"Hand\"}", "\"0\"");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
    }
}

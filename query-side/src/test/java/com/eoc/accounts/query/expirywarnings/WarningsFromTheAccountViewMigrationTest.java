package com.eoc.accounts.query.expirywarnings;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.query.QuerySideMigrations;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that derives the warning view from the account view keeps the warnings already
 * made and the account view's processor, and removes what only the warning view's own processor
 * used: its copy of the tokens, its positions, its parked events and its node records.
 */
class WarningsFromTheAccountViewMigrationTest {

    private static final String OLD_PROCESSOR = "token-expiry-warnings";

    @Test
    void theWarningsStayAndTheOldProcessorsTablesAndRowsGo() {
        QuerySideMigrations database = new QuerySideMigrations();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        database.migrateTo("6");
        UUID account = UUID.randomUUID();
        UUID token = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO query_side.account_view (account_id, subject, first_name, last_name, email, token_id,
                            token_hint, token_created_at, token_expires_at, version, updated_at)
                        VALUES (:account, :account::text, 'Ada', 'Lovelace', 'ada@example.com', :token, 'abcd',
                            '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 1, '2026-11-01T00:00:00Z')""")
                .param("account", account).param("token", token).update();
        jdbc.sql("""
                        INSERT INTO query_side.current_token (account_id, token_id, hint, created_at, expires_at, last_sequence)
                        VALUES (?, ?, 'abcd', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 1)""")
                .params(account, token).update();
        jdbc.sql("""
                        INSERT INTO query_side.token_expiry_warning (token_id, account_id, hint, expires_at)
                        VALUES (?, ?, 'abcd', '2026-12-01T00:00:00Z')""")
                .params(token, account).update();
        for (String processor : new String[] {"accounts", OLD_PROCESSOR}) {
            jdbc.sql("INSERT INTO query_side.token_entry (processor_name, segment) VALUES (?, 0)").param(processor).update();
            jdbc.sql("INSERT INTO query_side.event_processor_node (processor_name, node, seen_at) VALUES (?, 'n1', now())")
                    .param(processor).update();
            jdbc.sql("""
                            INSERT INTO query_side.dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,
                                sequence_index, message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at)
                            VALUES (gen_random_uuid()::text, ?, 'a', 0, 'e', 'e', 't', 'p', '\\x00', 't')""")
                    .param(processor).update();
        }

        database.migrateTo("latest");

        assertThat(jdbc.sql("SELECT to_regclass('query_side.current_token') IS NULL").query(Boolean.class).single())
                .isTrue();
        assertThat(jdbc.sql("SELECT token_id FROM query_side.token_expiry_warning").query(UUID.class).list())
                .containsExactly(token);
        assertThat(jdbc.sql("SELECT processor_name FROM query_side.token_entry").query(String.class).list())
                .containsExactly("accounts");
        assertThat(jdbc.sql("SELECT processor_name FROM query_side.event_processor_node").query(String.class).list())
                .containsExactly("accounts");
        assertThat(jdbc.sql("SELECT processing_group FROM query_side.dead_letter_entry").query(String.class).list())
                .containsExactly("accounts");
    }
}

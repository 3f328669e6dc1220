package com.eoc.accounts.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.query.QuerySideMigrations;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that adds the login to the account view and the making of a token to the warning
 * view fills both for what was projected before: the login is the account's id (every account
 * was registered without one), the making is the account view's.
 */
class LoginsAndLifetimesMigrationTest {

    @Test
    void projectedAccountsGetTheirIdAsLoginAndKnownTokensTheirMaking() {
        QuerySideMigrations database = new QuerySideMigrations();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        database.migrateTo("4");
        UUID account = UUID.randomUUID();
        UUID token = UUID.randomUUID();
        UUID unknownToken = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO query_side.account_view (account_id, first_name, last_name, email, token_id,
                            token_hint, token_created_at, token_expires_at, version, updated_at)
                        VALUES (?, 'Ada', 'Lovelace', 'ada@example.com', ?, 'abcd', '2026-11-01T00:00:00Z',
                            '2026-11-08T00:00:00Z', 1, '2026-11-01T00:00:00Z')""")
                .param(account).param(token).update();
        jdbc.sql("""
                        INSERT INTO query_side.current_token (account_id, token_id, hint, expires_at, last_sequence)
                        VALUES (?, ?, 'abcd', '2026-11-08T00:00:00Z', 1), (?, ?, 'wxyz', '2026-12-01T00:00:00Z', 3)""")
                .param(account).param(token).param(UUID.randomUUID()).param(unknownToken).update();

        database.migrateTo("5");

        assertThat(jdbc.sql("SELECT subject FROM query_side.account_view WHERE account_id = ?").param(account)
                .query(String.class).single()).isEqualTo(account.toString());
        assertThat(jdbc.sql("""
                        SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM query_side.current_token
                        WHERE token_id = ?""").param(token).query(String.class).single()).isEqualTo("2026-11-01");
        assertThat(jdbc.sql("SELECT created_at IS NULL FROM query_side.current_token WHERE token_id = ?")
                .param(unknownToken).query(Boolean.class).single()).isTrue();
    }
}

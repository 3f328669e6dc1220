package com.eoc.accounts.command.token;

import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code credentials.api_token}, the index that authenticates API tokens, in the same
 * transaction as the token's events (a subscribing processor that fails its command, see
 * {@code AxonConfig}): once a DELETE has answered 204, no request can use the token any more,
 * on either side.
 */
@Component
@ProcessingGroup(ApiTokenIndexing.PROCESSING_GROUP)
public class ApiTokenIndexing {

    public static final String PROCESSING_GROUP = "api-token-index";

    private final JdbcClient jdbc;

    ApiTokenIndexing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's new token replaces its previous one, which can only be an expired one. */
    @EventHandler
    void on(TokenGenerated event) {
        jdbc.sql("""
                        INSERT INTO credentials.api_token (account_id, token_id, token_hash, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (account_id) DO UPDATE SET token_id = excluded.token_id,
                            token_hash = excluded.token_hash, created_at = excluded.created_at,
                            expires_at = excluded.expires_at, last_used_at = NULL""")
                .param(event.accountId())
                .param(event.tokenId())
                .param(event.tokenHash())
                .param(Timestamp.from(event.createdAt()))
                .param(Timestamp.from(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(TokenDeleted event) {
        jdbc.sql("DELETE FROM credentials.api_token WHERE account_id = ?").param(event.accountId()).update();
    }
}

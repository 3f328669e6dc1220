package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Closing and reopening on the real path: the closing deletes the token and marks the login closed
 * in its own transaction, the closed account refuses every other command (its owner at the door,
 * an administrator at the account), and the reopening lets its owner in again.
 */
class ClosedAccountIntegrationTest extends LocalRunTest {

    private static final String NAME = "{\"firstName\":\"Ada\",\"lastName\":\"King\"}";

    @Test
    void closingDeletesTheTokenAndClosesTheLoginInTheSameCommand() {
        String id = register();
        generateToken(id);

        Http.Reply closed = admin.post("/api/accounts/" + id + "/close", "");

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.header("ETag")).isEqualTo("\"3\"");
        assertThat(closed.json().get("version").asLong()).isEqualTo(3);
        assertThat(eventTypes(id)).endsWith("TokenDeleted", "AccountClosed");
        assertThat(jdbc.sql("SELECT count(*) FROM credentials.api_token WHERE account_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
        assertThat(loginClosed(id)).isTrue();
    }

    @Test
    void theOwnerOfAClosedAccountIs403AndAnAdministrator409() {
        String id = register();
        admin.post("/api/accounts/" + id + "/close", "");

        Http.Reply owner = owner(id).put("/api/accounts/" + id + "/name", NAME, null);
        assertThat(owner.status()).as(owner.body()).isEqualTo(403);
        assertThat(owner.header("Content-Type")).startsWith("application/problem+json");
        assertThat(owner.json().get("type").asString()).isEqualTo("urn:eoc:problem:account-closed");
        assertThat(owner.json().get("detail").asString()).contains("an administrator can reopen it");

        Http.Reply administrator = admin.put("/api/accounts/" + id + "/name", NAME, null);
        assertThat(administrator.status()).as(administrator.body()).isEqualTo(409);
        assertThat(administrator.json().get("type").asString()).isEqualTo("urn:eoc:problem:account-closed");
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void closingTwiceRecordsOnceAndOnlyAnAdministratorClosesOrReopens() {
        String id = register();

        assertThat(owner(id).post("/api/accounts/" + id + "/close", "").status()).isEqualTo(403);
        assertThat(admin.post("/api/accounts/" + id + "/close", "").status()).isEqualTo(200);
        Http.Reply again = admin.post("/api/accounts/" + id + "/close", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isEqualTo(1);
        assertThat(owner(id).post("/api/accounts/" + id + "/reopen", "").status()).isEqualTo(403);
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void aReopenedAccountIsItsOwnersAgain() {
        String id = register();
        admin.post("/api/accounts/" + id + "/close", "");

        Http.Reply reopened = admin.post("/api/accounts/" + id + "/reopen", "");

        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().get("version").asLong()).isEqualTo(2);
        assertThat(loginClosed(id)).isFalse();
        assertThat(owner(id).put("/api/accounts/" + id + "/name", NAME, null).status()).isEqualTo(200);
        generateToken(id);
    }

    @Test
    void closingAnUnknownAccountIs404() {
        Http.Reply reply = admin.post("/api/accounts/" + UUID.randomUUID() + "/close", "");

        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:eoc:problem:account-not-found");
    }

    private boolean loginClosed(String accountId) {
        return jdbc.sql("SELECT closed FROM credentials.account_login WHERE account_id = ?::uuid").param(accountId)
                .query(Boolean.class).single();
    }

    private List<String> eventTypes(String accountId) {
        return jdbc.sql("SELECT payload_type FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number")
                .param(accountId).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}

package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Accounts tied to logins, on the real path: the registration binds its subject in its own
 * transaction, a taken subject is refused with nothing stored, and the login owns the account.
 */
class AccountLoginIntegrationTest extends LocalRunTest {

    @Test
    void aRegistrationWithASubjectIsOwnedByThatLogin() {
        String subject = "auth0|" + UUID.randomUUID();
        String id = registerWith(subject);

        assertThat(loginOf(id)).isEqualTo(subject);
        assertThat(as(subject).post("/api/accounts/" + id + "/api-token", "{\"expiresInDays\":7}").status())
                .isEqualTo(201);
        // the account id is no longer a way in: the login is
        assertThat(owner(id).put("/api/accounts/" + id + "/name", "{\"firstName\":\"A\",\"lastName\":\"B\"}", null)
                .status()).isEqualTo(403);
    }

    @Test
    void aRegistrationWithoutSubjectHasItsIdAsLogin() {
        String id = register();

        assertThat(loginOf(id)).isEqualTo(id);
        assertThat(owner(id).post("/api/accounts/" + id + "/api-token", "{\"expiresInDays\":7}").status())
                .isEqualTo(201);
    }

    @Test
    void aTakenSubjectIs409AndStoresNothing() {
        String subject = "  auth0|" + UUID.randomUUID() + " ";
        registerWith(subject);
        long events = totalEvents();
        long logins = jdbc.sql("SELECT count(*) FROM credentials.account_login").query(Long.class).single();

        Http.Reply again = admin.post("/api/accounts", withSubject(subject.strip()));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).isEqualTo("urn:eoc:problem:subject-taken");
        assertThat(totalEvents()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM credentials.account_login").query(Long.class).single())
                .isEqualTo(logins);
    }

    @Test
    void aSubjectWithAControlCharacterIs400() {
        Http.Reply reply = admin.post("/api/accounts", withSubject("auth0\\u0000x"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");
    }

    @Test
    void anAdministratorRevokesButDoesNotGenerateAnotherOnesToken() {
        String id = register();

        Http.Reply refused = admin.post("/api/accounts/" + id + "/api-token", "{\"expiresInDays\":30}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount(id)).isEqualTo(1);

        generateToken(id);
        assertThat(admin.delete("/api/accounts/" + id + "/api-token").status()).isEqualTo(204);
    }

    private String registerWith(String subject) {
        Http.Reply reply = admin.post("/api/accounts", withSubject(subject));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("accountId").asString();
    }

    private static String withSubject(String subject) {
        return "{\"firstName\":\"Test\",\"lastName\":\"User\",\"email\":\"user-" + UUID.randomUUID()
                + "@example.com\",\"subject\":\"" + subject + "\"}";
    }

    private String loginOf(String accountId) {
        return jdbc.sql("SELECT subject FROM credentials.account_login WHERE account_id = ?::uuid").param(accountId)
                .query(String.class).single();
    }

    private long totalEvents() {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
    }
}

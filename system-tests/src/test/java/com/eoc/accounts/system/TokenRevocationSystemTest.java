package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deleted API token is refused by the very next request, on both applications: the command
 * side deletes it from the token index in the transaction of the {@code TokenDeleted} event,
 * and both sides authenticate against that index, not against a view that lags.
 */
class TokenRevocationSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theRequestRightAfterTheDeleteIsRefusedOnBothSides() throws Exception {
        RunningSystem system = RunningSystem.get();
        Application commandSide = system.commandSide;
        Application querySide = system.querySide;
        HttpResponse<String> registered = commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Rev\",\"lastName\":\"Oked\",\"email\":\"rev.oked@example.com\"}", system.admin());
        assertThat(registered.statusCode()).isEqualTo(201);
        String accountId = JSON.readTree(registered.body()).get("accountId").asString();
        String account = "/api/accounts/" + accountId;
        String owner = system.jwt(accountId);
        String introspector = system.jwt("system-test-gateway", "introspector");
        HttpResponse<String> generated = commandSide.send("POST", account + "/api-token", "{\"expiresInDays\":30}",
                owner);
        assertThat(generated.statusCode()).isEqualTo(201);
        String token = JSON.readTree(generated.body()).get("token").asString();
        awaitVersion(querySide, account, 1, owner);

        assertThat(querySide.send("GET", account, null, token).statusCode()).isEqualTo(200);
        JsonNode active = introspect(commandSide, token, introspector);
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("sub").asString()).isEqualTo(accountId);
        assertThat(commandSide.send("PUT", account + "/name", "{\"firstName\":\"A\",\"lastName\":\"B\"}", token)
                .statusCode()).as("a token may not write, not even to its own account").isEqualTo(403);

        assertThat(commandSide.send("DELETE", account + "/api-token", null, owner).statusCode()).isEqualTo(204);

        HttpResponse<String> read = querySide.send("GET", account, null, token);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(read.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(read.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(read.body()).doesNotContain(token);
        JsonNode inactive = introspect(commandSide, token, introspector);
        assertThat(inactive.get("active").asBoolean()).isFalse();
        assertThat(inactive.size()).as("nothing but active: false").isEqualTo(1);
        assertThat(commandSide.send("PUT", account + "/name", "{\"firstName\":\"A\",\"lastName\":\"B\"}", token)
                .statusCode()).isEqualTo(401);
    }

    private static JsonNode introspect(Application commandSide, String token, String introspector) throws Exception {
        HttpResponse<String> answer = commandSide.exchange("POST", "/api/tokens/introspect", Body.form("token", token),
                introspector);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static void awaitVersion(Application querySide, String account, long version, String credential)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpResponse<String> view;
        do {
            view = querySide.send("GET", account, null, credential);
            if (view.statusCode() == 200 && JSON.readTree(view.body()).get("version").asLong() >= version) {
                return;
            }
            Application.sleep(50);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the view never reached version " + version + "; last: " + view.body());
    }
}

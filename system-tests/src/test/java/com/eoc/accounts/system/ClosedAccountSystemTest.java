package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.system.Accounts.Person;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator closes an account and reopens it, both applications as separate processes on
 * one PostgreSQL: the token stops working with the closing's answer, the owner is refused on both
 * sides with a problem that says why, and the view, the dashboards' list and counters show the
 * account as closed until it is reopened.
 */
class ClosedAccountSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSystem system = RunningSystem.get();
    private final Accounts accounts = new Accounts(system);

    @Test
    void aClosedAccountIsShutToItsOwnerAndShownClosedUntilReopened() throws Exception {
        Person person = accounts.register("Clo", "Sing");
        String token = accounts.generateToken(person, 30);
        String owner = system.jwt(person.id());
        String account = "/api/accounts/" + person.id();
        long closedBefore = closedAccounts();

        HttpResponse<String> closed = system.commandSide.send("POST", account + "/close", null, system.admin());

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        long version = JSON.readTree(closed.body()).get("version").asLong();
        // the very next request: no waiting for a view
        assertThat(accounts.statusWithToken(token)).isEqualTo(401);
        assertClosedProblem(system.querySide.send("GET", "/api/me", null, owner));
        assertClosedProblem(system.querySide.send("GET", account, null, owner));
        assertClosedProblem(system.commandSide.send("PUT", account + "/name",
                "{\"firstName\":\"Re\",\"lastName\":\"Named\"}", owner));
        HttpResponse<String> byAdmin = system.commandSide.send("PUT", account + "/email",
                "{\"email\":\"closed-" + person.id() + "@example.com\"}", system.admin());
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(409);
        assertThat(JSON.readTree(byAdmin.body()).get("type").asString()).isEqualTo("urn:eoc:problem:account-closed");

        JsonNode view = accounts.awaitView(person.id(), version);
        assertThat(view.get("status").asString()).isEqualTo("CLOSED");
        assertThat(Instant.parse(view.get("closedAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(view.get("apiToken").isNull()).isTrue();
        assertThat(view.get("firstName").asString()).isEqualTo("Clo");
        assertThat(listed(person).get("status").asString()).isEqualTo("CLOSED");
        assertThat(closedAccounts()).isEqualTo(closedBefore + 1);
        assertThat(accounts.eventTypes(person.id())).endsWith("TokenDeleted", "AccountClosed");

        HttpResponse<String> reopened = system.commandSide.send("POST", account + "/reopen", null, system.admin());

        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        HttpResponse<String> me = system.querySide.send("GET", "/api/me?minVersion="
                + JSON.readTree(reopened.body()).get("version").asLong(), null, owner);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode open = JSON.readTree(me.body());
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("closedAt").isNull()).isTrue();
        assertThat(open.get("apiToken").isNull()).as("the token deleted at the closing stays deleted").isTrue();
        assertThat(accounts.statusWithToken(token)).isEqualTo(401);
        assertThat(closedAccounts()).isEqualTo(closedBefore);
    }

    private static void assertClosedProblem(HttpResponse<String> refused) throws Exception {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:account-closed");
        assertThat(problem.get("detail").asString()).contains("closed").contains("reopen");
    }

    private JsonNode listed(Person person) throws Exception {
        HttpResponse<String> page = system.querySide.send("GET", "/api/accounts?search=" + person.lastName(), null,
                system.admin());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(page.body()).get("items")) {
            if (item.get("accountId").asString().equals(person.id())) {
                return item;
            }
        }
        throw new AssertionError("the list does not show " + person.id() + ": " + page.body());
    }

    private long closedAccounts() throws Exception {
        HttpResponse<String> stats = system.querySide.send("GET", "/api/stats", null, system.admin());
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        return JSON.readTree(stats.body()).get("closedAccounts").asLong();
    }
}

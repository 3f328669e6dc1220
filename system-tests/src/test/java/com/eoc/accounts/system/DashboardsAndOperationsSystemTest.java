package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dashboards and operators across both applications: an administrator's commands on the command
 * side, then what a dashboard ({@code viewer}) reads of the warning view, search and counters,
 * and an administrator's replay on the query side.
 */
class DashboardsAndOperationsSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Application commandSide;
    private static Application querySide;
    private static String admin;
    private static String viewer;

    @BeforeAll
    static void startBothApplications() {
        RunningSystem system = RunningSystem.get();
        commandSide = system.commandSide;
        querySide = system.querySide;
        admin = system.admin();
        viewer = system.jwt("system-test-dashboard", "viewer");
    }

    @Test
    void warningsSearchStatsAndReplayFollowTheCommands() throws Exception {
        String tag = "Dash" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode statsBefore = json(querySide.send("GET", "/api/stats", null, viewer));

        String soon = register("Grace", "Hopper" + tag);
        String later = register("Alan", "Turing" + tag);
        String plain = register("Ada", "Lovelace" + tag);
        // only an account's owner generates its token (a JWT whose sub is its login: here its id)
        JsonNode sevenDays = json(commandSide.send("POST", "/api/accounts/" + soon + "/api-token",
                "{\"expiresInDays\":7}", RunningSystem.get().jwt(soon)));
        assertThat(commandSide.send("POST", "/api/accounts/" + later + "/api-token", "{\"expiresInDays\":30}",
                RunningSystem.get().jwt(later)).statusCode()).isEqualTo(201);
        awaitVersion(soon, 1);
        awaitVersion(later, 1);
        awaitVersion(plain, 0);

        // a new 7-day token does not warn its owner at once: it warns from its half-life on
        awaitCaughtUp("accounts");
        JsonNode warnings = json(querySide.send("GET", "/api/token-expiry-warnings", null, viewer));
        assertThat(find(warnings, "accountId", soon)).isNull();
        assertThat(find(warnings, "accountId", later)).isNull();
        JsonNode soonView = json(querySide.send("GET", "/api/accounts/" + soon, null, viewer));
        assertThat(soonView.get("apiToken").get("tokenId").asString()).isEqualTo(sevenDays.get("tokenId").asString());
        assertThat(soonView.get("apiToken").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(soonView.get("apiToken").get("daysUntilExpiry").asLong()).isEqualTo(7);

        JsonNode found = json(querySide.send("GET", "/api/accounts?search=" + tag.toLowerCase() + "&size=2", null,
                viewer));
        assertThat(found.get("totalItems").asLong()).isEqualTo(3);
        assertThat(found.get("items").size()).isEqualTo(2);
        assertThat(found.get("items").get(0).get("lastName").asString()).isEqualTo("Hopper" + tag);

        JsonNode statsAfter = json(querySide.send("GET", "/api/stats", null, viewer));
        assertThat(delta(statsBefore, statsAfter, "accounts")).isEqualTo(3);
        assertThat(delta(statsBefore, statsAfter, "activeTokens")).isEqualTo(2);
        assertThat(delta(statsBefore, statsAfter, "expiringSoonTokens")).isZero();

        // an administrator revokes another one's token
        assertThat(commandSide.send("DELETE", "/api/accounts/" + soon + "/api-token", null, admin).statusCode())
                .isEqualTo(204);

        // a replay of the account views rebuilds exactly the views there were
        awaitVersion(soon, 2);
        List<String> before = views(soon, later, plain);
        HttpResponse<String> replay = querySide.send("POST", "/api/admin/processors/accounts/replay", null, admin);
        assertThat(replay.statusCode()).isEqualTo(202);
        await(() -> json(querySide.send("GET", "/api/admin/processors/accounts", null, admin)),
                status -> !status.get("replaying").asBoolean() && status.get("caughtUp").asBoolean()
                        && status.get("position").asLong() >= status.get("head").asLong());
        assertThat(await(() -> views(soon, later, plain), before::equals)).isEqualTo(before);
    }

    private static String register(String first, String last) throws Exception {
        HttpResponse<String> response = commandSide.send("POST", "/api/accounts", "{\"firstName\":\"" + first
                + "\",\"lastName\":\"" + last + "\",\"email\":\"" + last.toLowerCase() + "@example.com\"}", admin);
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("accountId").asString();
    }

    private static List<String> views(String... ids) throws Exception {
        List<String> views = new ArrayList<>();
        for (String id : ids) {
            HttpResponse<String> view = querySide.send("GET", "/api/accounts/" + id, null, viewer);
            views.add(view.statusCode() + " " + view.body());
        }
        return views;
    }

    private static void awaitCaughtUp(String processor) throws Exception {
        await(() -> json(querySide.send("GET", "/api/admin/processors/" + processor, null, admin)),
                status -> status.get("caughtUp").asBoolean()
                        && status.get("position").asLong() >= status.get("head").asLong());
    }

    private static void awaitVersion(String id, long version) throws Exception {
        await(() -> querySide.send("GET", "/api/accounts/" + id, null, viewer),
                view -> view.statusCode() == 200 && json(view).get("version").asLong() >= version);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.get(field).asString().equals(value)) {
                return element;
            }
        }
        return null;
    }

    private static long delta(JsonNode before, JsonNode after, String counter) {
        return after.get(counter).asLong() - before.get(counter).asLong();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    interface Read<T> {
        T get() throws Exception;
    }

    private static <T> T await(Read<T> read, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 30 s; last: " + last);
            }
            Application.sleep(100);
            last = read.get();
        }
        return last;
    }
}

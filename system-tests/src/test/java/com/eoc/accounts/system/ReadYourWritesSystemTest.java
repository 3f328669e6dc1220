package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes across the two processes: the version a command answers, asked of the query
 * side with {@code minVersion}, is answered at once, with no polling by the client; a version the
 * view does not reach within the bound is a 503 that says so and asks for a retry.
 */
class ReadYourWritesSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The query side's accounts.read-your-writes.max-wait, by default. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    @Test
    void eachCommandsVersionIsReadBackAtOnceAsTheCallersOwnAccount() throws Exception {
        RunningSystem system = RunningSystem.get();
        String subject = "idp|" + UUID.randomUUID();
        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Read\",\"lastName\":\"Back\",\"email\":\"read.back-" + UUID.randomUUID()
                        + "@example.com\",\"subject\":\"" + subject + "\"}", system.admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String account = "/api/accounts/" + JSON.readTree(registered.body()).get("accountId").asString();
        String owner = system.jwt(subject);

        HttpResponse<String> me = system.querySide.send("GET", "/api/me?minVersion=0", null, owner);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("subject").asString()).isEqualTo(subject);

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> renamed = system.commandSide.send("PUT", account + "/name",
                    "{\"firstName\":\"Read\",\"lastName\":\"Back " + i + "\"}", owner);
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
            long version = JSON.readTree(renamed.body()).get("version").asLong();

            long start = System.nanoTime();
            HttpResponse<String> read = system.querySide.send("GET", account + "?minVersion=" + version, null, owner);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            JsonNode view = JSON.readTree(read.body());
            assertThat(view.get("version").asLong()).isGreaterThanOrEqualTo(version);
            assertThat(view.get("lastName").asString()).isEqualTo("Back " + i);
            assertThat(read.headers().firstValue("ETag")).contains("\"" + version + "\"");
            assertThat(took).as("read %d", i).isLessThan(MAX_WAIT);
        }
    }

    @Test
    void aVersionNeverWrittenIs503ViewBehindAfterTheBound() throws Exception {
        RunningSystem system = RunningSystem.get();
        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Too\",\"lastName\":\"Early\",\"email\":\"too.early-" + UUID.randomUUID()
                        + "@example.com\"}", system.admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String accountId = JSON.readTree(registered.body()).get("accountId").asString();
        String owner = system.jwt(accountId);
        assertThat(system.querySide.send("GET", "/api/me?minVersion=0", null, owner).statusCode()).isEqualTo(200);

        long start = System.nanoTime();
        HttpResponse<String> behind = system.querySide.send("GET", "/api/me?minVersion=5", null, owner);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(behind.statusCode()).as(behind.body()).isEqualTo(503);
        assertThat(behind.headers().firstValue("Retry-After")).contains("1");
        assertThat(behind.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(behind.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:view-behind");
        assertThat(problem.get("detail").asString()).contains("at version 0");
        assertThat(took).isGreaterThanOrEqualTo(MAX_WAIT).isLessThan(MAX_WAIT.plusSeconds(2));
    }
}

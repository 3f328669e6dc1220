package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.LocalPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the applications answer while their database is gone, and that they come back by
 * themselves: both sides on a PostgreSQL of this test's own (the one the other system tests share
 * keeps running), which the test stops under a load of renames and starts again on the same data.
 *
 * <p>While it is down, a command and a query are answered 503 {@code database-unavailable} with
 * {@code Retry-After}, within about a second rather than after a hang; readiness is DOWN and
 * liveness UP (a restart would not bring the database back). Once it is up again, commands
 * succeed and readiness is UP with nobody's help, and every command that was acknowledged is in
 * the event store and in the view. The elapsed times are bounded generously: they tell a quick
 * answer from a hang, not a fast server from a slow one.
 */
class DatabaseLossSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Far above the second that an answer takes, far below the 10 s and more of a hang. */
    private static final Duration QUICK_ANSWER = Duration.ofSeconds(5);
    /** How long the applications may take to notice that the database is back. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TempDir
    static Path workDirectory;

    private static Path dataDirectory;
    private static int postgresPort;
    private static EmbeddedPostgres postgres;
    private static Application commandSide;
    private static Application querySide;
    private static String admin;

    @BeforeAll
    static void startTheSystemOnADatabaseOfItsOwn() throws IOException, InterruptedException {
        dataDirectory = workDirectory.resolve("postgres");
        postgresPort = Application.freePort();
        postgres = LocalPostgres.start(dataDirectory, postgresPort);
        Map<String, String> environment = RunningSystem.localEnvironment(
                LocalPostgres.jdbcUrl(postgresPort, LocalPostgres.DATABASE), workDirectory.resolve("signing-key.json"),
                Application.freePort());
        commandSide = Application.start("command-side", "commandSide.jar", environment);
        querySide = Application.start("query-side", "querySide.jar", environment);
        admin = jwt("database-loss-admin", "admin");
    }

    /** A JWT for {@code subject} (an account's id for its owner) with these roles, from {@code POST /dev/tokens}. */
    private static String jwt(String subject, String... roles) throws IOException, InterruptedException {
        HttpResponse<String> minted = send(commandSide, "POST", "/dev/tokens",
                JSON.writeValueAsString(Map.of("subject", subject, "roles", List.of(roles))), null);
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        return JSON.readTree(minted.body()).get("token").asString();
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aLostDatabaseIsAnswered503AtOnceAndEverythingComesBackByItself() throws Exception {
        String quiet = register("Quiet");
        HttpResponse<String> generated = send(commandSide, "POST", "/api/accounts/" + quiet + "/api-token",
                "{\"expiresInDays\":7}", jwt(quiet));
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        String apiToken = JSON.readTree(generated.body()).get("token").asString();
        String busy = register("Busy");
        Renames renames = new Renames(busy);
        Thread load = new Thread(renames, "renames");
        load.start();
        renames.awaitAcknowledged(5);
        int commandLogBefore = commandSide.log().length();
        int queryLogBefore = querySide.log().length();

        postgres.close();
        try {
            Instant stopped = Instant.now();
            HttpResponse<String> command = timed("rename",
                    () -> send(commandSide, "PUT", "/api/accounts/" + quiet + "/name",
                            "{\"firstName\":\"Never\",\"lastName\":\"Stored\"}", admin));
            assertDatabaseUnavailable(command);
            HttpResponse<String> query = timed("view",
                    () -> send(querySide, "GET", "/api/accounts/" + quiet, null, admin));
            assertDatabaseUnavailable(query);
            // the API token is looked up in the database before any controller runs: not a 401
            HttpResponse<String> withApiToken = timed("view with an API token",
                    () -> send(querySide, "GET", "/api/me", null, apiToken));
            assertDatabaseUnavailable(withApiToken);

            for (Application side : List.of(commandSide, querySide)) {
                HttpResponse<String> readiness = timed("readiness",
                        () -> send(side, "GET", "/actuator/health/readiness", null, null));
                assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
                assertThat(readiness.body()).contains("DOWN");
                HttpResponse<String> liveness = send(side, "GET", "/actuator/health/liveness", null, null);
                assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
            }
            // the load ran on while the database was away: every refusal it got was a 503 too
            Application.sleep(Math.max(0, 2000 - Duration.between(stopped, Instant.now()).toMillis()));
        } finally {
            postgres = LocalPostgres.start(dataDirectory, postgresPort);
        }

        Instant restarted = Instant.now();
        HttpResponse<String> renamed = awaitRecovered(() -> send(commandSide, "PUT", "/api/accounts/" + quiet + "/name",
                "{\"firstName\":\"Back\",\"lastName\":\"Again\"}", admin));
        assertThat(JSON.readTree(renamed.body()).get("version").asLong())
                .as("the rename refused during the outage was not stored").isEqualTo(2);
        for (Application side : List.of(commandSide, querySide)) {
            awaitRecovered(() -> send(side, "GET", "/actuator/health/readiness", null, null));
        }
        System.out.printf("database back: commands and readiness recovered %d ms after PostgreSQL started%n",
                Duration.between(restarted, Instant.now()).toMillis());
        renames.awaitAcknowledgedAfterRecovery(3);
        renames.stop();
        load.join();

        assertThat(renames.unexpectedAnswers).as("answers other than 200 and 503 database-unavailable").isEmpty();
        assertThat(renames.unavailable).as("renames refused while the database was away").isPositive();
        assertEveryAcknowledgedRenameIsStored(busy, renames.acknowledged);
        awaitView(quiet, 2, "Back");

        String commandLog = commandSide.log().substring(commandLogBefore);
        String queryLog = querySide.log().substring(queryLogBefore);
        for (String log : List.of(commandLog, queryLog)) {
            // the requests refused meanwhile: said once as what happened, not as a bug with a stack trace
            assertThat(log).contains("Database unavailable").doesNotContain("already inserted")
                    .doesNotContain("Unexpected failure").doesNotContain("Servlet.service()")
                    // nor a statement that broke with its values: a rename's name is the client's
                    .doesNotContainPattern("Loss \\d+");
        }
    }

    private static void assertDatabaseUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:database-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
    }

    /** Every rename answered 200 is in the account's history at the version it was answered with. */
    private static void assertEveryAcknowledgedRenameIsStored(String accountId, Map<Long, String> acknowledged)
            throws IOException, InterruptedException {
        HttpResponse<String> history = send(querySide, "GET", "/api/accounts/" + accountId + "/history", null, admin);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        Map<Long, String> stored = new ConcurrentHashMap<>();
        JSON.readTree(history.body()).forEach(entry -> {
            if ("UserRenamed".equals(entry.get("type").asString())) {
                stored.put(entry.get("sequence").asLong(), entry.get("data").get("lastName").asString());
            }
        });
        assertThat(stored).containsAllEntriesOf(acknowledged);
        long last = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        awaitView(accountId, last, null);
    }

    private static String register(String firstName) throws IOException, InterruptedException {
        HttpResponse<String> registered = send(commandSide, "POST", "/api/accounts",
                "{\"firstName\":\"" + firstName + "\",\"lastName\":\"Loss\",\"email\":\"" + firstName.toLowerCase()
                        + "-" + UUID.randomUUID() + "@example.com\"}", admin);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("accountId").asString();
    }

    /**
     * The view once it has {@code version}: its processors retry on their own back-off after the
     * outage, so this asks again (each ask waits up to the read-your-writes bound) until the
     * recovery bound.
     */
    private static void awaitView(String accountId, long version, String firstName)
            throws IOException, InterruptedException {
        HttpResponse<String> view = awaitRecovered(() -> send(querySide, "GET",
                "/api/accounts/" + accountId + "?minVersion=" + version, null, admin));
        if (firstName != null) {
            assertThat(JSON.readTree(view.body()).get("firstName").asString()).isEqualTo(firstName);
        }
    }

    /** Renames one account, one request after the other, until stopped, noting what each answer was. */
    private static final class Renames implements Runnable {

        private final String accountId;
        private final AtomicBoolean running = new AtomicBoolean(true);
        /** version → the last name of the rename acknowledged with that version */
        final ConcurrentMap<Long, String> acknowledged = new ConcurrentHashMap<>();
        final List<String> unexpectedAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile int unavailable;
        private volatile int acknowledgedAfterRefusal;

        Renames(String accountId) {
            this.accountId = accountId;
        }

        @Override
        public void run() {
            for (int i = 0; running.get(); i++) {
                String lastName = "Loss " + i;
                try {
                    HttpResponse<String> answer = send(commandSide, "PUT", "/api/accounts/" + accountId + "/name",
                            "{\"firstName\":\"Busy\",\"lastName\":\"" + lastName + "\"}", admin);
                    if (answer.statusCode() == 200) {
                        acknowledged.put(JSON.readTree(answer.body()).get("version").asLong(), lastName);
                        if (unavailable > 0) {
                            acknowledgedAfterRefusal++;
                        }
                    } else if (answer.statusCode() == 503
                            && answer.body().contains("urn:eoc:problem:database-unavailable")) {
                        unavailable++;
                        Application.sleep(100);
                    } else {
                        unexpectedAnswers.add(answer.statusCode() + " " + answer.body());
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    unexpectedAnswers.add(e.toString());
                    Application.sleep(100);
                }
            }
        }

        void awaitAcknowledged(int count) {
            await(() -> acknowledged.size() >= count, "renames acknowledged before the outage");
        }

        void awaitAcknowledgedAfterRecovery(int count) {
            await(() -> acknowledgedAfterRefusal >= count, "renames acknowledged after the outage");
        }

        void stop() {
            running.set(false);
        }

        private static void await(java.util.function.BooleanSupplier condition, String what) {
            Instant deadline = Instant.now().plus(RECOVERY);
            while (!condition.getAsBoolean()) {
                assertThat(Instant.now()).as(what).isBefore(deadline);
                Application.sleep(50);
            }
        }
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** The answer, which came quickly: not after a hang. */
    private static HttpResponse<String> timed(String what, Call call) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> answer = call.send();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // in the test's report, for the operations guide's figures
        System.out.printf("database away: %s answered %d after %d ms%n", what, answer.statusCode(), took.toMillis());
        assertThat(took).as("%s answered %d after %s", what, answer.statusCode(), took).isLessThan(QUICK_ANSWER);
        return answer;
    }

    /** The first 2xx answer, asked again every 200 ms until the applications have found the database again. */
    private static HttpResponse<String> awaitRecovered(Call call) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(RECOVERY);
        while (true) {
            HttpResponse<String> answer = call.send();
            if (answer.statusCode() / 100 == 2) {
                return answer;
            }
            // database-unavailable until the side finds it again, then view-behind until its view catches up
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(Instant.now()).as("recovered by " + deadline + "; last answer " + answer.body())
                    .isBefore(deadline);
            Application.sleep(200);
        }
    }

    private static HttpResponse<String> send(Application side, String method, String path, String json,
                                             String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(side.baseUrl() + path))
                // a hang is a failure, not a test that never ends
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> answer = CLIENT.send(request.build(), BodyHandlers.ofString());
        side.check(method, path, answer);
        return answer;
    }
}

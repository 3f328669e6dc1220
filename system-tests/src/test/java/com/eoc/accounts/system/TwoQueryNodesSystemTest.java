package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import com.eoc.accounts.localpostgres.LocalPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two query-side nodes on one database share the event processors' segments, each event reaches
 * the views once, and when one node is killed ({@code kill -9}) the other takes its segments over
 * within seconds. On a database of its own, with a command side of its own: the shared system's
 * query side must keep every segment for the other tests.
 */
class TwoQueryNodesSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ACCOUNTS = 40;
    /** What "a few seconds" means here: the claim timeout (5 s) and one look for free segments (1 s), with room. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);

    private static String databaseUrl;
    private static Application commandSide;
    private static Application nodeA;
    private static Application nodeB;
    private static Instant nodeBReady;
    private static String admin;

    @BeforeAll
    static void startACommandSideAndTwoQueryNodes() throws IOException {
        databaseUrl = SharedPostgres.createDatabase();
        Path keys = Files.createTempDirectory("two-query-nodes");
        Map<String, String> environment = RunningSystem.localEnvironment(databaseUrl,
                keys.resolve("signing-key.json"), Application.freePort());
        // its migrations create the event tables, and it makes the signing key: it starts first
        commandSide = Application.start("command-side", "commandSide.jar", environment);
        nodeA = Application.start("query-node-a", "querySide.jar", named(environment, "node-a"));
        nodeB = Application.start("query-node-b", "querySide.jar", named(environment, "node-b"));
        nodeBReady = Instant.now();
        admin = mintAdmin();
    }

    @AfterAll
    static void stopThem() {
        for (Application application : new Application[] {nodeB, nodeA, commandSide}) {
            if (application != null) {
                application.close();
            }
        }
    }

    @Test
    void twoNodesShareTheSegmentsAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        // both nodes work on part of the account view's stream, and keep to it
        Map<Integer, String> shared = await("both nodes hold a segment of accounts", Duration.ofSeconds(30),
                () -> owners("accounts"), owners -> owners.size() == 2 && owners.containsValue("node-a")
                        && owners.containsValue("node-b"));
        System.out.printf("segments shared %d ms after the second query-side node was ready%n",
                Duration.between(nodeBReady, Instant.now()).toMillis());
        Instant steadyUntil = Instant.now().plusSeconds(3);
        while (Instant.now().isBefore(steadyUntil)) {
            assertThat(owners("accounts")).as("the segments stay where they are").isEqualTo(shared);
            Application.sleep(250);
        }
        assertThat(nodeB.send("GET", "/api/admin/processors/accounts", null, admin).body())
                .as("the other node shows the same owners, and its own name")
                .contains("\"node\":\"node-b\"", "\"owner\":\"node-a\"", "\"owner\":\"node-b\"");

        // a burst of commands, projected by both nodes, each event once
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            ids.add(register("Node" + i));
        }
        for (int i = 0; i < ACCOUNTS; i++) {
            rename(ids.get(i), "First" + i, "Shared" + i, 0);
        }
        assertViewsExact(ids, "Shared", 1);
        Map<String, Long> positions = positions("accounts");
        assertThat(positions).as("both nodes projected events").containsOnlyKeys("node-a", "node-b");
        assertThat(positions.values()).allMatch(position -> position > 0);
        assertThat(deadLetters()).isZero();

        // kill -9 of one node: the other holds every segment of every processor within seconds
        Instant killed = Instant.now();
        nodeB.kill();
        await("node-a holds every segment", TAKEOVER_BOUND.plusSeconds(20), () -> owners("accounts"),
                owners -> owners.size() == 2 && owners.values().stream().allMatch("node-a"::equals));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.printf("takeover after kill -9 of a query-side node: %d ms%n", takeover.toMillis());
        assertThat(takeover).isLessThan(TAKEOVER_BOUND);

        // the survivor projects everything, the killed node's segment included, still each event once
        for (int i = 0; i < ACCOUNTS; i++) {
            rename(ids.get(i), "First" + i, "Survivor" + i, 1);
        }
        assertViewsExact(ids, "Survivor", 2);
        assertThat(deadLetters()).isZero();
    }

    /** Each account's view has exactly the name of its last command and the version of its events. */
    private static void assertViewsExact(List<String> ids, String lastName, long version) throws Exception {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            JsonNode view = await("the view of " + id + " at version " + version, Duration.ofSeconds(30),
                    () -> nodeA.send("GET", "/api/accounts/" + id, null, admin),
                    response -> response.statusCode() == 200
                            && JSON.readTree(response.body()).get("version").asLong() >= version)
                    .body().transform(JSON::readTree);
            assertThat(view.get("version").asLong()).as("version of %s", id).isEqualTo(version);
            assertThat(view.get("firstName").asString()).isEqualTo("First" + i);
            assertThat(view.get("lastName").asString()).isEqualTo(lastName + i);
        }
        // the same from the other side of the table: every account once, none more
        assertThat(query("SELECT count(*) FROM query_side.account_view WHERE version = ?", version))
                .isEqualTo(ids.size());
    }

    /** The owner of each segment of the processor whose claim is live, as node-a's page shows them. */
    private static Map<Integer, String> owners(String processor) throws Exception {
        Map<Integer, String> owners = new HashMap<>();
        for (JsonNode claim : status(processor).get("claims")) {
            if (claim.get("claimed").asBoolean()) {
                owners.put(claim.get("segment").asInt(), claim.get("owner").asString());
            }
        }
        return owners;
    }

    /** The furthest position each node has reached, from its own page. */
    private static Map<String, Long> positions(String processor) throws Exception {
        Map<String, Long> positions = new HashMap<>();
        for (Application node : List.of(nodeA, nodeB)) {
            JsonNode status = JSON.readTree(node.send("GET", "/api/admin/processors/" + processor, null, admin).body());
            if (status.get("claimedSegments").asInt() > 0 && !status.get("position").isNull()) {
                positions.put(status.get("node").asString(), status.get("position").asLong());
            }
        }
        return positions;
    }

    private static JsonNode status(String processor) throws Exception {
        HttpResponse<String> response = nodeA.send("GET", "/api/admin/processors/" + processor, null, admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String register(String lastName) throws Exception {
        String email = lastName.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        HttpResponse<String> response = commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Ada\",\"lastName\":\"" + lastName + "\",\"email\":\"" + email + "\"}", admin);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("accountId").asString();
    }

    private static void rename(String id, String firstName, String lastName, long version) throws Exception {
        HttpResponse<String> response = commandSide.exchange("PUT", "/api/accounts/" + id + "/name",
                Body.json("{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\"}"), admin,
                HttpResponse.BodyHandlers.ofString(), "If-Match", "\"" + version + "\"");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static long deadLetters() throws SQLException {
        return query("SELECT count(*) FROM query_side.dead_letter_entry");
    }

    private static long query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, LocalPostgres.USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static Map<String, String> named(Map<String, String> environment, String node) {
        Map<String, String> named = new HashMap<>(environment);
        named.put("QUERY_NODE_NAME", node);
        return named;
    }

    private static String mintAdmin() {
        try {
            HttpResponse<String> minted = commandSide.send("POST", "/dev/tokens",
                    "{\"subject\":\"two-query-nodes-admin\",\"roles\":[\"admin\"]}");
            assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
            return JSON.readTree(minted.body()).get("token").asString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Read<T> {
        T read() throws Exception;
    }

    private static <T> T await(String what, Duration timeout, Read<T> read, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        T last = read.read();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + timeout + "; last seen " + last);
            }
            Application.sleep(100);
            last = read.read();
        }
        return last;
    }
}

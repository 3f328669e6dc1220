package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two command-side nodes on one database, each keeping accounts in its own cache, called one
 * request at a time and in turn, as a load balancer without affinity would: every answer must be
 * the one that the account's events in the store give, never one decided on what a node
 * remembered from before the other node's write. No request here races another, so no answer may
 * be a conflict either. Where requests do race, each is stored with its own version or refused
 * with 409, never lost.
 */
class TwoCommandNodesSystemTest {

    private static final int REPETITIONS = 50;
    private static final int RACERS = 20;
    private static final int RACE_ROUNDS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningSystem system;
    private static Application nodeA;
    private static Application nodeB;

    @BeforeAll
    static void startASecondCommandSide() {
        system = RunningSystem.get();
        nodeA = system.commandSide;
        nodeB = system.startAnotherCommandSide("command-side-b");
    }

    @AfterAll
    static void stopTheSecondCommandSide() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    /** Each rename answers the next version; the same name again, on the other node, the version as it is. */
    @Test
    void renamesInTurnOnTwoNodesAnswerTheStoresVersion() throws Exception {
        Account account = register("Turn");
        List<String> events = new ArrayList<>(List.of("AccountRegistered"));
        for (int i = 0; i < REPETITIONS; i++) {
            Application renaming = i % 2 == 0 ? nodeA : nodeB;
            Application other = renaming == nodeA ? nodeB : nodeA;
            String step = "repetition " + i;

            account.version = expectVersion(200, account.version + 1, step + ": rename on " + name(renaming),
                    rename(renaming, account, "Turn" + i, null));
            events.add("UserRenamed");
            expectVersion(200, account.version, step + ": the same name again on " + name(other),
                    rename(other, account, "Turn" + i, null));
        }
        assertThat(eventTypes(account)).as("one event per rename that changed the name").isEqualTo(events);
    }

    /**
     * {@code If-Match} of the true version passes on either node, and the version the other node
     * has just made stale is refused with the true {@code currentVersion}.
     */
    @Test
    void ifMatchIsComparedWithTheStoresVersionOnEitherNode() throws Exception {
        Account account = register("Match");
        for (int i = 0; i < REPETITIONS; i++) {
            Application renaming = i % 2 == 0 ? nodeA : nodeB;
            Application other = renaming == nodeA ? nodeB : nodeA;
            String step = "repetition " + i;
            long seen = account.version;

            account.version = expectVersion(200, seen + 1, step + ": If-Match \"" + seen + "\" on " + name(renaming),
                    rename(renaming, account, "Match" + i, seen));
            HttpResponse<String> stale = rename(other, account, "Stale" + i, seen);
            assertThat(stale.statusCode()).as(step + ": stale If-Match on " + name(other) + ": " + stale.body())
                    .isEqualTo(412);
            assertThat(problem(stale).get("currentVersion").asLong())
                    .as(step + ": the currentVersion that " + name(other) + " reports").isEqualTo(account.version);
        }
        assertThat(eventTypes(account)).as("the refused renames wrote nothing").hasSize(REPETITIONS + 1);
    }

    /** Generate on A, delete on B, generate on A: the deleted token does not block the new one. */
    @Test
    void aTokenDeletedOnOneNodeNoLongerBlocksTheOther() throws Exception {
        Account account = register("Gen");
        List<String> events = new ArrayList<>(List.of("AccountRegistered"));
        for (int i = 0; i < REPETITIONS; i++) {
            String step = "repetition " + i;
            account.version = expectVersion(201, account.version + 1, step + ": generate on A", generate(nodeA, account));
            account.version = expectVersion(204, account.version + 1, step + ": delete on B", delete(nodeB, account));
            account.version = expectVersion(201, account.version + 1, step + ": generate again on A",
                    generate(nodeA, account));
            account.version = expectVersion(204, account.version + 1, step + ": delete again on B",
                    delete(nodeB, account));
            events.addAll(List.of("TokenGenerated", "TokenDeleted", "TokenGenerated", "TokenDeleted"));
        }
        assertThat(eventTypes(account)).isEqualTo(events);
    }

    /** Rename on A, generate on B, delete on A: the token B made is there for A to delete. */
    @Test
    void aTokenGeneratedOnOneNodeIsThereForTheOtherToDelete() throws Exception {
        Account account = register("Del");
        List<String> events = new ArrayList<>(List.of("AccountRegistered"));
        for (int i = 0; i < REPETITIONS; i++) {
            String step = "repetition " + i;
            account.version = expectVersion(200, account.version + 1, step + ": rename on A",
                    rename(nodeA, account, "Del" + i, null));
            account.version = expectVersion(201, account.version + 1, step + ": generate on B", generate(nodeB, account));
            account.version = expectVersion(204, account.version + 1, step + ": delete on A", delete(nodeA, account));
            events.addAll(List.of("UserRenamed", "TokenGenerated", "TokenDeleted"));
        }
        assertThat(eventTypes(account)).isEqualTo(events);
    }

    /**
     * A true race: token requests for one account sent at once, half to each node. Exactly one
     * token is issued; every other request is refused as the rules or the event table's key say.
     */
    @Test
    void tokenRequestsRacingOnTwoNodesIssueExactlyOneToken() throws Exception {
        Account account = register("Race");
        List<String> events = new ArrayList<>(List.of("AccountRegistered"));
        for (int round = 0; round < RACE_ROUNDS; round++) {
            List<HttpResponse<String>> answers = atOnce(RACERS, i -> generate(i % 2 == 0 ? nodeA : nodeB, account));

            assertThat(answers).as("round " + round + ": one token issued").filteredOn(a -> a.statusCode() == 201)
                    .hasSize(1);
            assertThat(answers).as("round " + round + ": the others refused")
                    .filteredOn(a -> a.statusCode() != 201)
                    .allSatisfy(refused -> {
                        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                        assertThat(problem(refused).get("type").asString()).isIn(
                                "urn:eoc:problem:live-token-exists", "urn:eoc:problem:concurrent-modification");
                    });
            account.version = expectVersion(204, account.version + 2, "round " + round + ": delete",
                    delete(round % 2 == 0 ? nodeB : nodeA, account));
            events.addAll(List.of("TokenGenerated", "TokenDeleted"));
        }
        assertThat(eventTypes(account)).isEqualTo(events);
    }

    /**
     * Renames racing on two nodes: each is stored and answered with its own version, or refused
     * with 409 and not stored. None is lost, none answered twice.
     */
    @Test
    void renamesRacingOnTwoNodesAreEachStoredOrRefused() throws Exception {
        Account account = register("Rival");
        List<HttpResponse<String>> answers = atOnce(RACERS,
                i -> rename(i % 2 == 0 ? nodeA : nodeB, account, "Rival" + i, null));

        List<HttpResponse<String>> stored = answers.stream().filter(a -> a.statusCode() == 200).toList();
        assertThat(answers).filteredOn(a -> a.statusCode() != 200).allSatisfy(refused -> {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(problem(refused).get("type").asString()).isEqualTo("urn:eoc:problem:concurrent-modification");
        });
        assertThat(stored).as("at least the first rename is stored").isNotEmpty();
        assertThat(stored.stream().map(a -> a.headers().firstValue("ETag").orElseThrow()))
                .as("one version per stored rename")
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, stored.size())
                        .mapToObj(version -> "\"" + version + "\"").toList());
        assertThat(eventTypes(account)).as("one event per rename answered 200").hasSize(stored.size() + 1);
    }

    /** Sends {@code count} requests at the same moment, each from its own thread; answers them in order. */
    private static List<HttpResponse<String>> atOnce(int count, Request request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.send(index);
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send(int index) throws IOException, InterruptedException;
    }

    /** An account under test, and the version its last answer gave. */
    private static final class Account {
        final String id;
        final String owner;
        long version;

        Account(String id, String owner) {
            this.id = id;
            this.owner = owner;
        }

        String path() {
            return "/api/accounts/" + id;
        }
    }

    private static Account register(String firstName) throws IOException, InterruptedException {
        String email = firstName.toLowerCase() + "." + UUID.randomUUID() + "@example.com";
        HttpResponse<String> registered = nodeA.send("POST", "/api/accounts",
                JSON.writeValueAsString(Map.of("firstName", firstName, "lastName", "Node", "email", email)),
                system.admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = JSON.readTree(registered.body()).get("accountId").asString();
        return new Account(id, system.jwt(id));
    }

    private static HttpResponse<String> rename(Application node, Account account, String firstName, Long ifMatch)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("firstName", firstName, "lastName", "Node"));
        if (ifMatch == null) {
            return node.send("PUT", account.path() + "/name", body, account.owner);
        }
        return node.exchange("PUT", account.path() + "/name", Body.json(body), account.owner, BodyHandlers.ofString(),
                "If-Match", "\"" + ifMatch + "\"");
    }

    private static HttpResponse<String> generate(Application node, Account account)
            throws IOException, InterruptedException {
        return node.send("POST", account.path() + "/api-token", "{\"expiresInDays\":30}", account.owner);
    }

    private static HttpResponse<String> delete(Application node, Account account)
            throws IOException, InterruptedException {
        return node.send("DELETE", account.path() + "/api-token", null, account.owner);
    }

    /** Asserts the status and the version the answer's ETag names; returns that version. */
    private static long expectVersion(int status, long version, String step, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(step + " answered " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("ETag")).as(step + ": ETag").contains("\"" + version + "\"");
        return version;
    }

    private static JsonNode problem(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        return JSON.readTree(answer.body());
    }

    private static String name(Application node) {
        return node == nodeA ? "A" : "B";
    }

    /** The account's events as the store holds them (the history reads the event table itself). */
    private static List<String> eventTypes(Account account) throws IOException, InterruptedException {
        HttpResponse<String> history = system.querySide.send("GET", account.path() + "/history", null,
                system.admin());
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        JSON.readTree(history.body()).forEach(entry -> types.add(entry.get("type").asString()));
        return types;
    }
}

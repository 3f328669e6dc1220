package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.EmailChanged;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A replay over HTTP on the real path: events in the event tables, the "accounts" processor on
 * PostgreSQL. Same context as the account integration test, so it is started once for both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ReplayIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ACCOUNTS = 250;
    private static final String ALL_ROWS = "SELECT * FROM query_side.account_view ORDER BY account_id";
    private static final String REPLAYED_DOMAIN = "@replayed.example.com";

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void replayRebuildsTheSameAccountViewFromTheFirstEvent() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<GenericDomainEventMessage<AccountEvent>> batch = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID accountId = UUID.randomUUID();
            batch.addAll(messages(accountId, List.of(
                    new AccountRegistered(accountId, "Ada" + i, "Lovelace", "ada" + i + "@example.com"),
                    new UserRenamed(accountId, "Ada" + i, "King"),
                    new EmailChanged(accountId, "countess" + i + REPLAYED_DOMAIN),
                    i % 2 == 0
                            ? new AvatarChanged(accountId, "%064x".formatted(i), "image/png", 64, 64, 1000L + i)
                            : new TokenGenerated(accountId, UUID.randomUUID(), "%064x".formatted(i), "Zx" + i % 100,
                                    now, now.plus(Duration.ofDays(30)))),
                    now.plusSeconds(i)));
            if (batch.size() >= 100) {
                storageEngine.appendEvents(batch);
                batch.clear();
            }
        }
        storageEngine.appendEvents(batch);
        long head = head();
        await().atMost(TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM query_side.account_view WHERE email LIKE ? AND version = 3", Long.class,
                "%" + REPLAYED_DOMAIN) == ACCOUNTS);
        List<Map<String, Object>> before = jdbc.queryForList(ALL_ROWS);
        // a damaged view, which the replay must repair: one row gone, one row wrong
        jdbc.update("DELETE FROM query_side.account_view WHERE account_id = ?", before.get(0).get("account_id"));
        jdbc.update("UPDATE query_side.account_view SET first_name = 'damaged' WHERE account_id = ?",
                before.get(1).get("account_id"));

        long started = System.nanoTime();
        HttpResponse<String> accepted = post("/api/admin/processors/accounts/replay");
        long answeredMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/admin/processors/accounts"));
        JsonNode replayed = awaitReplayed(head);
        long replayMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(jdbc.queryForList(ALL_ROWS)).isEqualTo(before);
        assertThat(replayed.get("progress").isNull()).isTrue();
        System.out.printf("Replay of %d events (%d accounts) by processor 'accounts' took %d ms "
                + "(of which %d ms to stop it and reset its tokens)%n", head, before.size(), replayMillis,
                answeredMillis);
    }

    @Test
    void listsTheAccountsProcessorWithItsPositionAndSegments() throws Exception {
        UUID accountId = UUID.randomUUID();
        storageEngine.appendEvents(messages(accountId,
                List.of(new AccountRegistered(accountId, "Edsger", "Dijkstra", "ewd@example.com")),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        long head = head();
        await().atMost(TIMEOUT).until(() -> json.readTree(get("/api/admin/processors/accounts").body()),
                status -> status.get("caughtUp").asBoolean() && status.get("position").asLong() >= head);

        HttpResponse<String> response = get("/api/admin/processors");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode accounts = null;
        for (JsonNode processor : json.readTree(response.body())) {
            if (processor.get("name").asString().equals("accounts")) {
                accounts = processor;
            }
        }
        assertThat(accounts).as("the accounts processor in %s", response.body()).isNotNull();
        assertThat(accounts.get("position").asLong()).isEqualTo(accounts.get("head").asLong()).isEqualTo(head);
        assertThat(accounts.get("caughtUp").asBoolean()).isTrue();
        assertThat(accounts.get("replaying").asBoolean()).isFalse();
        assertThat(accounts.get("segments").asInt()).isEqualTo(2);
        assertThat(accounts.get("deadLetters").asLong()).isZero();
    }

    @Test
    void unknownProcessorIsA404Problem() throws Exception {
        HttpResponse<String> response = post("/api/admin/processors/no-such-processor/replay");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:processor-not-found");
        assertThat(problem.get("detail").asString()).contains("no-such-processor");
    }

    /**
     * Every segment claimed again and none replaying any more: each has re-read the stream up to
     * where it was reset.
     */
    private JsonNode awaitReplayed(long head) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
                .until(() -> json.readTree(get("/api/admin/processors/accounts").body()),
                        status -> !status.get("replaying").asBoolean() && status.get("caughtUp").asBoolean()
                                && status.get("claimedSegments").asInt() == status.get("segments").asInt()
                                && status.get("position").asLong() >= head);
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM eventstore.domain_event_entry", Long.class);
    }

    /** As the command side's aggregate writes them: sequence numbers from 0, a millisecond apart. */
    private static List<GenericDomainEventMessage<AccountEvent>> messages(UUID accountId, List<AccountEvent> events,
                                                                          Instant firstAt) {
        List<GenericDomainEventMessage<AccountEvent>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("Account", accountId.toString(), i, events.get(i),
                    Map.of("actor", "replay-test"), UUID.randomUUID().toString(), firstAt.plusMillis(i)));
        }
        return messages;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return QuerySideHttp.get(port, path);
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return QuerySideHttp.post(port, path);
    }

}

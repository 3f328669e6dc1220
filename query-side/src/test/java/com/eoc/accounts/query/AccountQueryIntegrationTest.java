package com.eoc.accounts.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.EmailChanged;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real path: events appended to the event tables the way the command side writes them,
 * picked up by the streaming processor through polling, projected into PostgreSQL and read
 * over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class AccountQueryIntegrationTest {

    private static final String TOKEN_HASH = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    EventProcessingConfiguration eventProcessing;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void appendedEventsBecomeTheAccountViewServedOverHttp() throws Exception {
        UUID accountId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(Duration.ofDays(3)).plusSeconds(3600);
        Instant createdAt = expiresAt.minus(Duration.ofDays(30));
        append(accountId, List.of(
                new AccountRegistered(accountId, "Grace", "Hopper", "grace@example.com", "idp|grace"),
                new UserRenamed(accountId, "Grace", "Brewster Hopper"),
                new EmailChanged(accountId, "grace.hopper@example.com"),
                new AvatarChanged(accountId, "ef".repeat(32), "image/png", 512, 512, 31337L),
                // a 30-day token with three days and an hour left
                new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Zx81", createdAt, expiresAt)), now);

        HttpResponse<String> response = awaitVersion(accountId, 4);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("ETag")).contains("\"4\"");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("accountId").asString()).isEqualTo(accountId.toString());
        assertThat(body.get("subject").asString()).isEqualTo("idp|grace");
        assertThat(body.get("firstName").asString()).isEqualTo("Grace");
        assertThat(body.get("lastName").asString()).isEqualTo("Brewster Hopper");
        assertThat(body.get("email").asString()).isEqualTo("grace.hopper@example.com");
        assertThat(body.get("avatarUrl").asString())
                .isEqualTo("/api/accounts/" + accountId + "/avatar?v=" + "ef".repeat(8));
        assertThat(body.get("version").asLong()).isEqualTo(4);
        assertThat(Instant.parse(body.get("updatedAt").asString())).isEqualTo(now.plusMillis(4));
        JsonNode token = body.get("apiToken");
        assertThat(token.get("tokenId").asString()).isEqualTo(tokenId.toString());
        assertThat(token.get("hint").asString()).isEqualTo("Zx81");
        assertThat(Instant.parse(token.get("createdAt").asString())).isEqualTo(createdAt);
        assertThat(Instant.parse(token.get("expiresAt").asString())).isEqualTo(expiresAt);
        assertThat(token.get("status").asString()).isEqualTo("EXPIRING_SOON");
        assertThat(token.get("daysUntilExpiry").asLong()).isEqualTo(4);
        assertThat(response.body()).doesNotContain(TOKEN_HASH);
    }

    @Test
    void laterEventsUpdateTheViewAndADeletedTokenIsGone() throws Exception {
        UUID accountId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(accountId, List.of(
                new AccountRegistered(accountId, "Alan", "Turing", "alan@example.com"),
                new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Q7rT", now, now.plus(Duration.ofDays(90)))), now);
        JsonNode before = json.readTree(awaitVersion(accountId, 1).body());
        assertThat(before.get("apiToken").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(before.get("avatarUrl").isNull()).isTrue();

        append(accountId, 2, List.of(new TokenDeleted(accountId, tokenId)), now.plusSeconds(1));

        JsonNode after = json.readTree(awaitVersion(accountId, 2).body());
        assertThat(after.get("apiToken").isNull()).isTrue();
    }

    @Test
    void unknownAccountIsA404ProblemOverHttp() throws Exception {
        HttpResponse<String> response = get("/api/accounts/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:account-not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void theOpenApiDescriptionListsTheAccountViewsAndThePolicy() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).get("paths");
        assertThat(paths.get("/api/accounts/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/accounts/{id}").get("get").get("parameters").toString()).contains("minVersion");
        assertThat(paths.get("/api/me").get("get").get("parameters").toString()).contains("minVersion");
        assertThat(paths.get("/api/token-policy").has("get")).isTrue();
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }

    /**
     * The command side is another process: its events are found only by polling the event table.
     * With Axon's default poll of one second the median would be about that; the API promises a
     * fraction of a second.
     */
    @Test
    void eventsWrittenElsewhereReachTheViewWithinAFractionOfASecond() {
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID accountId = UUID.randomUUID();
            long start = System.nanoTime();
            append(accountId, List.of(new AccountRegistered(accountId, "Barbara", "Liskov", "bl@example.com")),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            await().atMost(PROJECTION_TIMEOUT).pollInterval(Duration.ofMillis(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM query_side.account_view WHERE account_id = ?", Long.class, accountId) == 1);
            lags.add((System.nanoTime() - start) / 1_000_000);
        }

        lags.sort(null);
        assertThat(lags.get(lags.size() / 2)).as("median lag in ms of %s", lags).isLessThan(600);
    }

    @Test
    void accountsProcessorStreamsAndCommitsThroughTheSpringTransactionManager() {
        assertThat(eventProcessing.eventProcessor("accounts", TrackingEventProcessor.class)).isPresent();
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void processorPositionIsKeptInTheQuerySideTokenTable() throws Exception {
        UUID accountId = UUID.randomUUID();
        append(accountId, List.of(new AccountRegistered(accountId, "Edsger", "Dijkstra", "ewd@example.com")),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        awaitVersion(accountId, 0);

        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM query_side.token_entry WHERE processor_name = 'accounts' AND token IS NOT NULL",
                Long.class)).isPositive());
        assertThat(jdbc.queryForObject("""
                SELECT data_type FROM information_schema.columns
                 WHERE table_schema = 'query_side' AND table_name = 'token_entry' AND column_name = 'token'""",
                String.class)).isEqualTo("bytea");
    }

    @Test
    void theAvatarIsServedUnderAVersionedUrlThatCachesForAYear() throws Exception {
        UUID accountId = UUID.randomUUID();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3, 4};
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        jdbc.update("INSERT INTO avatarstore.image (digest, content_type, width, height, size_bytes, content) "
                + "VALUES (?, 'image/png', 1, 1, ?, ?)", digest, png.length, png);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(accountId, List.of(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"),
                new AvatarChanged(accountId, digest, "image/png", 1, 1, png.length)), now);
        String url = json.readTree(awaitVersion(accountId, 1).body()).get("avatarUrl").asString();
        assertThat(url).isEqualTo("/api/accounts/" + accountId + "/avatar?v=" + digest.substring(0, 16));

        HttpResponse<byte[]> image = getBytes(url, null);

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("ETag")).contains("\"" + digest + "\"");
        assertThat(image.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache)
                .contains("max-age=31536000", "immutable", "private"));
        assertThat(image.body()).isEqualTo(png);

        HttpResponse<byte[]> unchanged = getBytes(url, "\"" + digest + "\"");
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).contains("\"" + digest + "\"");

        HttpResponse<byte[]> unversioned = getBytes("/api/accounts/" + accountId + "/avatar", "\"0000\"");
        assertThat(unversioned.statusCode()).isEqualTo(200);
        assertThat(unversioned.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache)
                .contains("no-cache").doesNotContain("max-age=31536000"));
    }

    @Test
    void anAccountWithoutAvatarOrNoAccountIs404() throws Exception {
        UUID accountId = UUID.randomUUID();
        append(accountId, List.of(new AccountRegistered(accountId, "No", "Picture", "nopic@example.com")),
                Instant.now());
        awaitVersion(accountId, 0);

        HttpResponse<String> none = get("/api/accounts/" + accountId + "/avatar");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json.readTree(none.body()).get("type").asString()).isEqualTo("urn:eoc:problem:no-avatar");
        HttpResponse<String> unknown = get("/api/accounts/" + UUID.randomUUID() + "/avatar");
        assertThat(json.readTree(unknown.body()).get("type").asString()).isEqualTo("urn:eoc:problem:account-not-found");
    }

    @Test
    void noColumnInTheDatabaseIsAnOidLargeObject() {
        assertThat(jdbc.queryForList("""
                SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                 WHERE data_type = 'oid' AND table_schema NOT IN ('pg_catalog', 'information_schema')""",
                String.class)).isEmpty();
    }

    private void append(UUID accountId, List<AccountEvent> events, Instant firstAt) {
        append(accountId, 0, events, firstAt);
    }

    /**
     * As the command side's aggregate does: consecutive sequence numbers from
     * {@code firstSequence}, each event a millisecond after the one before.
     */
    private void append(UUID accountId, long firstSequence, List<AccountEvent> events, Instant firstAt) {
        storageEngine.appendEvents(StoredEvents.of(accountId, firstSequence, firstAt, events));
    }

    private HttpResponse<String> awaitVersion(UUID accountId, long version) {
        return QuerySideHttp.awaitVersion(port, accountId, version);
    }

    private HttpResponse<byte[]> getBytes(String path, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("Authorization", "Bearer " + TestJwts.admin());
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return QuerySideHttp.get(port, path);
    }
}

package com.eoc.accounts.query.expirywarnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.platform.testing.MovableClock;
import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.query.StoredEvents;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real path: token events appended to the event tables the way the command side writes them,
 * projected into the account view, moved into the warning view by the scheduled job, read over
 * HTTP. The application's clock is one the test moves; the job runs every 200 ms here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "accounts.token.warning-refresh=200ms")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(TokenExpiryWarningsIntegrationTest.Clocks.class)
class TokenExpiryWarningsIntegrationTest {

    private static final String TOKEN_HASH = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    /** "Within a second or two" of the API, with room for a slow machine. */
    private static final Duration WITHIN = Duration.ofSeconds(3);
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void clockAtStart() {
        clock.setTo(START);
    }

    @Test
    void generatedTokenCloseToExpiryIsWarnedAboutAndLeavesWhenDeleted() throws Exception {
        UUID accountId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        Instant expiresAt = START.plus(Duration.ofDays(3)).plusSeconds(60);
        append(accountId, 0, List.of(
                new AccountRegistered(accountId, "Grace", "Hopper", "grace@example.com"),
                // a 30-day token, with three days left when the view handles it
                new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Zx81", expiresAt.minus(Duration.ofDays(30)),
                        expiresAt)));

        JsonNode warning = awaitWarning(tokenId);
        assertThat(warning.get("accountId").asString()).isEqualTo(accountId.toString());
        assertThat(warning.get("hint").asString()).isEqualTo("Zx81");
        assertThat(Instant.parse(warning.get("expiresAt").asString())).isEqualTo(expiresAt);
        assertThat(warning.get("daysUntilExpiry").asLong()).isEqualTo(4);

        append(accountId, 2, List.of(new TokenDeleted(accountId, tokenId)));

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> find(getWarnings(), tokenId) == null);
    }

    @Test
    void tokenCrossingTheThresholdIsMovedInByTheScheduledJobAndDroppedOnceExpired() throws Exception {
        UUID accountId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        Instant expiresAt = START.plus(Duration.ofDays(30));
        append(accountId, 0, List.of(
                new AccountRegistered(accountId, "Alan", "Turing", "alan@example.com"),
                new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Q7rT", START, expiresAt)));
        await().atMost(WITHIN).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM query_side.account_view WHERE token_id = ?", Long.class, tokenId) == 1);
        // not warned about while the job runs a few times
        await().during(Duration.ofMillis(600)).atMost(WITHIN).until(() -> find(getWarnings(), tokenId) == null);

        clock.setTo(expiresAt.minus(Duration.ofDays(7)));

        assertThat(awaitWarning(tokenId).get("daysUntilExpiry").asLong()).isEqualTo(7);

        clock.setTo(expiresAt);

        await().atMost(WITHIN).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM query_side.token_expiry_warning WHERE token_id = ?", Long.class, tokenId) == 0);
        assertThat(find(getWarnings(), tokenId)).isNull();
    }

    @Test
    void warningsAreListedSoonestFirst() throws Exception {
        UUID later = UUID.randomUUID();
        UUID sooner = UUID.randomUUID();
        UUID laterAccount = UUID.randomUUID();
        UUID soonerAccount = UUID.randomUUID();
        append(laterAccount, 0, List.of(
                new AccountRegistered(laterAccount, "Ada", "Lovelace", "ada@example.com"),
                new TokenGenerated(laterAccount, later, TOKEN_HASH, "Lat5", START.minus(Duration.ofDays(25)),
                        START.plus(Duration.ofDays(5)))));
        append(soonerAccount, 0, List.of(
                new AccountRegistered(soonerAccount, "Edsger", "Dijkstra", "ewd@example.com"),
                new TokenGenerated(soonerAccount, sooner, TOKEN_HASH, "Soo1", START.minus(Duration.ofDays(29)),
                        START.plus(Duration.ofDays(1)))));
        awaitWarning(later);
        awaitWarning(sooner);

        List<Instant> expiries = new ArrayList<>();
        getWarnings().forEach(warning -> expiries.add(Instant.parse(warning.get("expiresAt").asString())));

        assertThat(expiries).isSorted();
    }

    /** The warning view has no event processor of its own: replaying the account view's rebuilds it too. */
    @Test
    void aReplayOfTheAccountViewFromTheFirstEventRebuildsTheWarnings() throws Exception {
        UUID accountId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        Instant expiresAt = START.plus(Duration.ofDays(2));
        append(accountId, 0, List.of(
                new AccountRegistered(accountId, "Barbara", "Liskov", "barbara@example.com"),
                new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Rpl4", expiresAt.minus(Duration.ofDays(30)),
                        expiresAt)));
        String before = awaitWarning(tokenId).toString();

        assertThat(QuerySideHttp.post(port, "/api/admin/processors/accounts/replay").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode status = json.readTree(get("/api/admin/processors/accounts").body());
            return !status.get("replaying").asBoolean() && status.get("caughtUp").asBoolean()
                    && status.get("position").asLong() >= status.get("head").asLong();
        });

        assertThat(awaitWarning(tokenId).toString()).isEqualTo(before);
        assertThat(eventProcessing.eventProcessors()).containsOnlyKeys("accounts");
    }

    @Test
    void theOpenApiDescriptionListsTheWarnings() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(json.readTree(response.body()).get("paths").get("/api/token-expiry-warnings").has("get")).isTrue();
    }

    private JsonNode awaitWarning(UUID tokenId) {
        return await().atMost(WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> find(getWarnings(), tokenId), warning -> warning != null);
    }

    private static JsonNode find(JsonNode warnings, UUID tokenId) {
        for (JsonNode warning : warnings) {
            if (warning.get("tokenId").asString().equals(tokenId.toString())) {
                return warning;
            }
        }
        return null;
    }

    private JsonNode getWarnings() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/token-expiry-warnings");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** As the command side's aggregate does: consecutive sequence numbers, each event a millisecond after the one before. */
    private void append(UUID accountId, long firstSequence, List<AccountEvent> events) {
        storageEngine.appendEvents(StoredEvents.of(accountId, firstSequence, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                events));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return QuerySideHttp.get(port, path);
    }
}

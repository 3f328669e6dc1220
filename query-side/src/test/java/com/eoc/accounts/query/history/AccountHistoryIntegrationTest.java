package com.eoc.accounts.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.EmailChanged;
import com.eoc.accounts.events.TokenDeleted;
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
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditors' endpoints on the real path: events appended to the event tables as the command
 * side writes them (with its metadata), read back over HTTP. Configured like the account view's
 * integration test, so that both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class AccountHistoryIntegrationTest {

    private static final String TOKEN_HASH = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    private static final Instant T0 = Instant.parse("2026-03-02T09:15:00.250Z");

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;

    private final JsonMapper json = JsonMapper.builder().build();
    private final UUID accountId = UUID.randomUUID();
    private final UUID tokenId = UUID.randomUUID();

    @Test
    void historyListsEveryEventInOrderWithItsTimeActorCorrelationIdAndData() throws Exception {
        append(
                new Recorded(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0, "admin-1"),
                new Recorded(new UserRenamed(accountId, "Ada", "King"), T0.plusSeconds(60), accountId.toString()),
                new Recorded(new EmailChanged(accountId, "ada.king@example.com"), T0.plusSeconds(120), "anonymous"),
                new Recorded(new AvatarChanged(accountId, "ab".repeat(32), "image/png", 256, 128, 4096L),
                        T0.plusSeconds(180), "anonymous"),
                new Recorded(new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Zx81", T0.plusSeconds(240),
                        T0.plus(Duration.ofDays(30))), T0.plusSeconds(240), "anonymous"),
                new Recorded(new TokenDeleted(accountId, tokenId), T0.plusSeconds(300), "anonymous"));

        HttpResponse<String> response = get("/api/accounts/" + accountId + "/history");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode entries = json.readTree(response.body());
        assertThat(entries.size()).isEqualTo(6);
        List<String> types = new ArrayList<>();
        for (int sequence = 0; sequence < entries.size(); sequence++) {
            JsonNode entry = entries.get(sequence);
            assertThat(entry.get("sequence").asLong()).isEqualTo(sequence);
            assertThat(Instant.parse(entry.get("occurredAt").asString())).isEqualTo(T0.plusSeconds(60L * sequence));
            assertThat(entry.get("correlationId").asString()).isEqualTo(correlationId(sequence));
            types.add(entry.get("type").asString());
        }
        assertThat(types).containsExactly("AccountRegistered", "UserRenamed", "EmailChanged", "AvatarChanged",
                "TokenGenerated", "TokenDeleted");
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("admin-1");
        assertThat(entries.get(1).get("actor").asString()).isEqualTo(accountId.toString());

        assertThat(entries.get(0).get("data")).isEqualTo(json.readTree("""
                {"accountId": "%s", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                 "subject": "%s"}""".formatted(accountId, accountId)));
        assertThat(entries.get(1).get("data").get("lastName").asString()).isEqualTo("King");
        assertThat(entries.get(2).get("data").get("email").asString()).isEqualTo("ada.king@example.com");
        assertThat(entries.get(3).get("data")).isEqualTo(json.readTree("""
                {"accountId": "%s", "digest": "%s", "contentType": "image/png", "width": 256, "height": 128,
                 "sizeBytes": 4096}""".formatted(accountId, "ab".repeat(32))));
        JsonNode token = entries.get(4).get("data");
        assertThat(token.get("tokenId").asString()).isEqualTo(tokenId.toString());
        assertThat(token.get("hint").asString()).isEqualTo("Zx81");
        assertThat(Instant.parse(token.get("expiresAt").asString())).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(token.has("tokenHash")).isFalse();
        assertThat(entries.get(5).get("data").get("tokenId").asString()).isEqualTo(tokenId.toString());
    }

    @Test
    void historyNeverShowsTheTokenHash() throws Exception {
        append(
                new Recorded(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0, "admin-1"),
                new Recorded(new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Zx81", T0, T0.plus(Duration.ofDays(7))),
                        T0.plusSeconds(1), "anonymous"));

        HttpResponse<String> response = get("/api/accounts/" + accountId + "/history");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Zx81").doesNotContainIgnoringCase(TOKEN_HASH)
                .doesNotContain("tokenHash");
    }

    @Test
    void asOfShowsTheNameBeforeAndAfterARename() throws Exception {
        append(
                new Recorded(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0, "admin-1"),
                new Recorded(new UserRenamed(accountId, "Ada", "King"), T0.plus(Duration.ofHours(1)), "anonymous"));

        JsonNode atRegistration = asOf(T0);
        JsonNode justBeforeRename = asOf(T0.plus(Duration.ofHours(1)).minusMillis(1));
        JsonNode atRename = asOf(T0.plus(Duration.ofHours(1)));
        JsonNode muchLater = asOf(T0.plus(Duration.ofDays(400)));

        assertThat(atRegistration.get("lastName").asString()).isEqualTo("Lovelace");
        assertThat(atRegistration.get("version").asLong()).isZero();
        assertThat(Instant.parse(atRegistration.get("updatedAt").asString())).isEqualTo(T0);
        assertThat(justBeforeRename.get("lastName").asString()).isEqualTo("Lovelace");
        assertThat(justBeforeRename.get("version").asLong()).isZero();
        assertThat(atRename.get("lastName").asString()).isEqualTo("King");
        assertThat(atRename.get("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(atRename.get("updatedAt").asString())).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(muchLater.get("lastName").asString()).isEqualTo("King");
    }

    @Test
    void asOfAfterTheLastEventHasTheShapeAndContentOfTheAccountView() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(
                new Recorded(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), now, "admin-1"),
                new Recorded(new AvatarChanged(accountId, "cd".repeat(32), "image/png", 64, 64, 512L),
                        now.plusMillis(1), "anonymous"),
                new Recorded(new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Q7rT", now,
                        now.plus(Duration.ofDays(90)).plus(Duration.ofHours(12))), now.plusMillis(2), "anonymous"));
        HttpResponse<String> view = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/api/accounts/" + accountId), response -> response.statusCode() == 200
                        && json.readTree(response.body()).get("version").asLong() == 2);

        HttpResponse<String> rebuilt = get("/api/accounts/" + accountId + "/history?asOf=" + now.plusSeconds(1));

        assertThat(rebuilt.statusCode()).isEqualTo(200);
        assertThat(rebuilt.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(json.readTree(rebuilt.body())).isEqualTo(json.readTree(view.body()));
    }

    /**
     * The token's status is judged at the instant asked for: the token was active then, though it
     * has long expired now.
     */
    @Test
    void asOfJudgesTheTokenAsOfThatInstant() throws Exception {
        Instant generatedAt = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MILLIS);
        append(
                new Recorded(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"),
                        generatedAt.minusSeconds(1), "admin-1"),
                new Recorded(new TokenGenerated(accountId, tokenId, TOKEN_HASH, "Q7rT", generatedAt,
                        generatedAt.plus(Duration.ofDays(30))), generatedAt, "anonymous"));

        JsonNode atGeneration = asOf(generatedAt).get("apiToken");
        JsonNode fiveDaysBeforeExpiry = asOf(generatedAt.plus(Duration.ofDays(25))).get("apiToken");
        JsonNode today = asOf(Instant.now()).get("apiToken");

        assertThat(atGeneration.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(atGeneration.get("daysUntilExpiry").asLong()).isEqualTo(30);
        assertThat(fiveDaysBeforeExpiry.get("status").asString()).isEqualTo("EXPIRING_SOON");
        assertThat(fiveDaysBeforeExpiry.get("daysUntilExpiry").asLong()).isEqualTo(5);
        assertThat(today.get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void asOfBeforeTheRegistrationIsA404Problem() throws Exception {
        append(new Recorded(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0, "admin-1"));

        HttpResponse<String> response = get("/api/accounts/" + accountId + "/history?asOf=" + T0.minusMillis(1));

        assertProblem(response, 404, "urn:eoc:problem:account-not-found");
        assertThat(json.readTree(response.body()).get("detail").asString())
                .isEqualTo("there was no account with id " + accountId + " at " + T0.minusMillis(1));
    }

    @Test
    void unknownAccountHasNoHistoryAndNoPastState() throws Exception {
        assertProblem(get("/api/accounts/" + accountId + "/history"), 404, "urn:eoc:problem:account-not-found");
        assertProblem(get("/api/accounts/" + accountId + "/history?asOf=" + T0), 404,
                "urn:eoc:problem:account-not-found");
    }

    @Test
    void malformedInstantIsA400Problem() throws Exception {
        append(new Recorded(new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"), T0, "admin-1"));

        HttpResponse<String> response = get("/api/accounts/" + accountId + "/history?asOf=yesterday");

        assertProblem(response, 400, "urn:eoc:problem:invalid-parameter");
        assertThat(json.readTree(response.body()).get("detail").asString()).isEqualTo("'asOf' must be a valid Instant");
        assertProblem(get("/api/accounts/" + accountId + "/history?asOf="), 400, "urn:eoc:problem:bad-request");
    }

    @Test
    void malformedAccountIdIsA400Problem() throws Exception {
        assertProblem(get("/api/accounts/not-a-uuid/history"), 400, "urn:eoc:problem:invalid-parameter");
        assertProblem(get("/api/accounts/not-a-uuid/history?asOf=" + T0), 400, "urn:eoc:problem:invalid-parameter");
    }

    @Test
    void theOpenApiDescriptionListsTheHistoryWithAnOptionalAsOf() throws Exception {
        JsonNode history = json.readTree(get("/v3/api-docs").body()).get("paths").get("/api/accounts/{id}/history");

        JsonNode asOf = null;
        for (JsonNode parameter : history.get("get").get("parameters")) {
            if (parameter.get("name").asString().equals("asOf")) {
                asOf = parameter;
            }
        }
        assertThat(asOf).isNotNull();
        assertThat(asOf.path("required").asBoolean(false)).isFalse();
    }

    private record Recorded(AccountEvent event, Instant at, String actor) {
    }

    /** As the command side writes them: consecutive sequence numbers, its metadata on each event. */
    private void append(Recorded... recorded) {
        List<GenericDomainEventMessage<AccountEvent>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < recorded.length; sequence++) {
            Recorded event = recorded[sequence];
            messages.add(new GenericDomainEventMessage<>("Account", accountId.toString(), sequence, event.event(),
                    Map.of("actor", event.actor(), "correlationId", correlationId(sequence),
                            "traceId", correlationId(sequence)),
                    UUID.randomUUID().toString(), event.at()));
        }
        storageEngine.appendEvents(messages);
    }

    private String correlationId(int sequence) {
        return new UUID(accountId.getMostSignificantBits(), sequence).toString();
    }

    private JsonNode asOf(Instant instant) throws Exception {
        HttpResponse<String> response = get("/api/accounts/" + accountId + "/history?asOf=" + instant);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return QuerySideHttp.get(port, path);
    }
}

package com.eoc.accounts.query.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.platform.security.AccountLogins;
import com.eoc.accounts.platform.security.ApiTokenFormat;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.query.StoredEvents;
import com.eoc.accounts.query.TestJwts;
import com.eoc.accounts.query.config.ViewUpdates;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes and the caller's own account on the real path: events appended as the command
 * side appends them, the login bound as its registration binds it, the view read over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ReadYourWritesIntegrationTest {

    /** accounts.read-your-writes.max-wait by default. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    AccountLogins logins;
    @Autowired
    ApiTokenIndex apiTokens;
    @Autowired
    ViewUpdates viewUpdates;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aReadForAVersionJustWrittenAnswersItWithoutTheClientPolling() throws Exception {
        UUID accountId = UUID.randomUUID();
        append(accountId, 0, new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"));
        // as a client does: the command answered version 0, now it reads at least that
        HttpResponse<String> first = get("/api/accounts/" + accountId + "?minVersion=0");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        append(accountId, 1, new UserRenamed(accountId, "Ada", "King"));
        HttpResponse<String> renamed = get("/api/accounts/" + accountId + "?minVersion=1");

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(json.readTree(renamed.body()).get("lastName").asString()).isEqualTo("King");
    }

    @Test
    void aReadThatWaitsIsWokenByTheProjectionWellBeforeTheBound() throws Exception {
        UUID accountId = UUID.randomUUID();
        append(accountId, 0, new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"));

        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/api/accounts/" + accountId + "?minVersion=1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        append(accountId, 1, new UserRenamed(accountId, "Ada", "King"));
        HttpResponse<String> answer = waiting.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("version").asLong()).isEqualTo(1);
        assertThat(took).isLessThan(MAX_WAIT);
    }

    /** Here no command side announces events: what wakes the readers is the projection's own commit. */
    @Test
    void theProjectionsCommitWakesTheWaitingReaders() {
        long before = viewUpdates.count();
        UUID accountId = UUID.randomUUID();

        append(accountId, 0, new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"));

        await().atMost(Duration.ofSeconds(5)).until(() -> viewUpdates.count() > before);
    }

    @Test
    void aVersionNotReachedWithinTheBoundIs503ViewBehindWithRetryAfter() throws Exception {
        UUID accountId = UUID.randomUUID();
        append(accountId, 0, new AccountRegistered(accountId, "Ada", "Lovelace", "ada@example.com"));
        get("/api/accounts/" + accountId + "?minVersion=0");

        long start = System.nanoTime();
        HttpResponse<String> behind = get("/api/accounts/" + accountId + "?minVersion=7");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(behind.statusCode()).isEqualTo(503);
        assertThat(behind.headers().firstValue("Retry-After")).contains("1");
        assertThat(behind.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(behind.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:view-behind");
        assertThat(problem.get("detail").asString()).contains("at version 0", "version 7");
        assertThat(took).isGreaterThanOrEqualTo(MAX_WAIT).isLessThan(MAX_WAIT.plusSeconds(2));
    }

    @Test
    void anAccountNotProjectedYetIsBehindEveryVersion() throws Exception {
        HttpResponse<String> none = get("/api/accounts/" + UUID.randomUUID() + "?minVersion=0");

        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(json.readTree(none.body()).get("detail").asString()).contains("does not exist yet");
    }

    @Test
    void aMinVersionThatIsNoNonNegativeIntegerIs400() throws Exception {
        UUID accountId = UUID.randomUUID();
        for (String bad : List.of("-1", "abc", "1.5", "99999999999999999999")) {
            HttpResponse<String> response = get("/api/accounts/" + accountId + "?minVersion=" + bad);

            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:eoc:problem:invalid-parameter");
        }
    }

    @Test
    void meIsTheAccountWhoseLoginTheJwtIs() throws Exception {
        UUID accountId = UUID.randomUUID();
        String subject = "auth0|" + accountId;
        append(accountId, 0, new AccountRegistered(accountId, "Grace", "Hopper", "grace@example.com", subject));
        logins.bind(subject, accountId);

        HttpResponse<String> me = QuerySideHttp.get(port, "/api/me?minVersion=0", TestJwts.mint(subject));
        HttpResponse<String> byId = QuerySideHttp.get(port, "/api/accounts/" + accountId, TestJwts.mint(subject));

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(json.readTree(me.body()).get("subject").asString()).isEqualTo(subject);
        assertThat(json.readTree(me.body()).get("accountId").asString()).isEqualTo(accountId.toString());
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body())).isEqualTo(json.readTree(byId.body()));
        // the account id is not its login: a JWT for the id owns nothing
        assertThat(QuerySideHttp.get(port, "/api/accounts/" + accountId, TestJwts.mint(accountId.toString()))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void meOfALoginWithoutAccountIs404NoAccount() throws Exception {
        HttpResponse<String> me = QuerySideHttp.get(port, "/api/me", TestJwts.mint("auth0|nobody-" + UUID.randomUUID()));

        assertThat(me.statusCode()).isEqualTo(404);
        assertThat(me.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(me.body()).get("type").asString()).isEqualTo("urn:eoc:problem:no-account");
    }

    @Test
    void meOfAnApiTokenIsItsOwnAccount() throws Exception {
        UUID accountId = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        String token = ApiTokenFormat.generate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(Duration.ofDays(30));
        append(accountId, 0, new AccountRegistered(accountId, "Katherine", "Johnson", "kj@example.com"),
                new TokenGenerated(accountId, tokenId, ApiTokenFormat.hash(token), ApiTokenFormat.hint(token), now,
                        expiresAt));
        apiTokens.index(accountId, tokenId, ApiTokenFormat.hash(token), ApiTokenFormat.hint(token), now, expiresAt);

        HttpResponse<String> me = QuerySideHttp.get(port, "/api/me?minVersion=1", token);

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("accountId").asString()).isEqualTo(accountId.toString());
        assertThat(json.readTree(me.body()).get("apiToken").get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void theTokenPolicyIsTheConfiguredOffer() throws Exception {
        HttpResponse<String> policy = QuerySideHttp.get(port, "/api/token-policy", TestJwts.mint("anyone"));

        assertThat(policy.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(policy.body());
        assertThat(body.get("expiryChoices").toString()).isEqualTo("[7,30,60,90,365]");
        assertThat(body.get("warningDays").asInt()).isEqualTo(7);
        assertThat(body.get("warningRule").asString()).contains("7 days", "half of its lifetime");
        assertThat(QuerySideHttp.get(port, "/api/token-policy", null).statusCode()).isEqualTo(401);
    }

    private void append(UUID accountId, long firstSequence, AccountEvent... events) {
        storageEngine.appendEvents(StoredEvents.of(accountId, firstSequence,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of(events)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return QuerySideHttp.get(port, path);
    }
}

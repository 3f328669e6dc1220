package com.eoc.accounts.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.platform.security.ApiTokenFormat;
import com.eoc.accounts.platform.security.AccountLogins;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import com.eoc.accounts.platform.security.Roles;
import com.eoc.accounts.platform.testing.RawHttp;
import com.eoc.accounts.platform.testing.RawHttp.Answer;
import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.query.TestJwts;
import com.eoc.accounts.query.security.TestAccounts.ApiToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query side's security over real HTTP on PostgreSQL: who is refused (401) and how, what each
 * kind of caller may read and may not (403), what an API token (indexed in
 * {@code credentials.api_token} as the command side indexes it) sees of itself, and the headers
 * of every answer. A rule for reading covers HEAD as it covers GET, and what no rule names is
 * refused. Configured like the account view's integration test, so both share a context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
// the refused credentials are made once the context (and so the signing key and the database) exists
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySideSecurityIntegrationTest {

    private static final String TOKEN_EXPIRATION = "EOC-Token-Expiration";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 7, 7, 7};

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiTokenIndex apiTokenIndex;
    @Autowired
    AccountLogins logins;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private TestAccounts accounts;

    @BeforeAll
    void accounts() {
        accounts = new TestAccounts(port, storageEngine, apiTokenIndex, logins);
    }

    Stream<Arguments> refusedCredentials() {
        String typo = TestAccounts.typo(accounts.indexedToken(Instant.now().plus(Duration.ofDays(30))));
        String expiredToken = accounts.indexedToken(Instant.now().minus(Duration.ofMinutes(1)));
        String subject = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("none", null, "needs 'Authorization: Bearer <token>'"),
                Arguments.of("not a bearer token", "Bearer not a token!", "the Authorization header is malformed"),
                Arguments.of("another scheme", "Basic YWRtaW46YWRtaW4=", "needs 'Authorization: Bearer <token>'"),
                Arguments.of("garbage JWT", "Bearer abc.def.ghi", "the JWT is malformed"),
                Arguments.of("forged JWT", "Bearer " + TestJwts.forged(subject, Roles.ADMIN), "the JWT is malformed"),
                Arguments.of("expired JWT", "Bearer " + TestJwts.expired(subject, Roles.ADMIN), "the JWT is malformed"),
                Arguments.of("JWT not valid yet", "Bearer " + TestJwts.notYetValid(subject, Roles.ADMIN),
                        "the JWT is malformed"),
                Arguments.of("JWT without sub", "Bearer " + TestJwts.withoutSubject(Roles.ADMIN), "the JWT is malformed"),
                Arguments.of("JWT without exp", "Bearer " + TestJwts.withoutExpiry(subject, Roles.ADMIN),
                        "the JWT is malformed"),
                Arguments.of("JWT of another issuer", "Bearer " + TestJwts.fromAnotherIssuer(subject, Roles.ADMIN),
                        "the JWT is malformed"),
                Arguments.of("unsigned JWT (alg none)", "Bearer " + TestJwts.unsigned(subject, Roles.ADMIN),
                        "the JWT is malformed"),
                Arguments.of("API token with a typo", "Bearer " + typo, "the API token is malformed"),
                Arguments.of("unknown or deleted API token", "Bearer " + ApiTokenFormat.generate(),
                        "the API token is unknown or has been deleted"),
                Arguments.of("expired API token", "Bearer " + expiredToken, "the API token expired at"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCredentials")
    void refusedCredentialsAre401ProblemsWithTheBearerChallenge(String name, String authorization,
                                                                 String detail) throws Exception {
        UUID accountId = accounts.register();

        HttpResponse<String> response = send("/api/accounts/" + accountId, authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:unauthenticated");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString()).contains(detail);
        if (authorization != null) {
            assertThat(response.body()).doesNotContain(authorization.substring(authorization.indexOf(' ') + 1));
        }
        assertThat(response.headers().firstValue(TOKEN_EXPIRATION)).isEmpty();
        assertSecurityHeaders(response);
    }

    @Test
    void anApiTokenReadsItsOwnAccountAndAvatarAndIsToldWhenItExpires() throws Exception {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MILLIS);
        ApiToken token = accounts.withToken(expiresAt);
        String digest = storeAvatar(token.accountId());

        HttpResponse<String> view = get("/api/accounts/" + token.accountId(), token.value());
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(json.readTree(view.body()).get("accountId").asString()).isEqualTo(token.accountId().toString());
        assertThat(view.headers().firstValue(TOKEN_EXPIRATION)).hasValueSatisfying(
                header -> assertThat(Instant.parse(header)).isEqualTo(expiresAt));

        HttpResponse<byte[]> avatar = http.send(request("/api/accounts/" + token.accountId() + "/avatar?v="
                + digest.substring(0, 16), "Bearer " + token.value()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(avatar.statusCode()).isEqualTo(200);
        assertThat(avatar.body()).isEqualTo(PNG);
        assertThat(avatar.headers().firstValue(TOKEN_EXPIRATION)).hasValueSatisfying(
                header -> assertThat(Instant.parse(header)).isEqualTo(expiresAt));
    }

    @Test
    void anApiTokenReadsNothingElse() throws Exception {
        ApiToken token = accounts.withToken(Instant.now().plus(Duration.ofDays(60)));
        UUID otherAccount = accounts.register();

        for (String path : List.of("/api/accounts/" + otherAccount, "/api/accounts/" + otherAccount + "/avatar",
                "/api/accounts/" + token.accountId() + "/history", "/api/accounts?search=a", "/api/stats",
                "/api/token-expiry-warnings", "/api/admin/processors")) {
            HttpResponse<String> response = get(path, token.value());
            assertForbidden(path, response);
            // whatever the answer, the client learns when its token expires
            assertThat(response.headers().firstValue(TOKEN_EXPIRATION)).as(path).isPresent();
        }
    }

    @Test
    void lastUsedAtIsShownAfterAUseAndWrittenAtMostEveryTenMinutes() throws Exception {
        ApiToken token = accounts.withToken(Instant.now().plus(Duration.ofDays(60)));
        String path = "/api/accounts/" + token.accountId();
        assertThat(apiToken(QuerySideHttp.get(port, path)).get("lastUsedAt").isNull()).isTrue();
        assertThat(lastUsedAt(token)).isNull();

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonNode firstUse = apiToken(get(path, token.value()));
        Instant used = lastUsedAt(token);
        assertThat(used).isBetween(before, Instant.now());
        assertThat(Instant.parse(firstUse.get("lastUsedAt").asString())).isEqualTo(used);

        JsonNode secondUse = apiToken(get(path, token.value()));
        assertThat(lastUsedAt(token)).as("not rewritten within ten minutes").isEqualTo(used);
        assertThat(Instant.parse(secondUse.get("lastUsedAt").asString())).isEqualTo(used);

        Instant elevenMinutesAgo = used.minus(Duration.ofMinutes(11));
        jdbc.update("UPDATE credentials.api_token SET last_used_at = ? WHERE token_id = ?",
                Timestamp.from(elevenMinutesAgo), token.tokenId());
        get(path, token.value());
        assertThat(lastUsedAt(token)).as("rewritten once ten minutes have passed").isAfterOrEqualTo(used);
    }

    @Test
    void theOwnerReadsTheirOwnAccountButNotAnothersNorTheirHistory() throws Exception {
        UUID accountId = accounts.register();
        UUID otherAccount = accounts.register();
        String owner = TestJwts.mint(accountId.toString());

        HttpResponse<String> own = get("/api/accounts/" + accountId, owner);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue(TOKEN_EXPIRATION)).isEmpty();
        // the subject names the account whatever the case of its hex digits
        assertThat(get("/api/accounts/" + accountId.toString().toUpperCase(), owner).statusCode()).isEqualTo(200);
        for (String path : List.of("/api/accounts/" + otherAccount, "/api/accounts/" + accountId + "/history",
                "/api/accounts", "/api/stats", "/api/token-expiry-warnings")) {
            assertForbidden(path, get(path, owner));
        }
    }

    @Test
    void anAuditorReadsAccountsAndHistoryButNotTheDashboards() throws Exception {
        UUID accountId = accounts.register();
        String auditor = TestJwts.mint("auditor-1", Roles.AUDITOR);

        assertThat(get("/api/accounts/" + accountId, auditor).statusCode()).isEqualTo(200);
        assertThat(get("/api/accounts/" + accountId + "/history", auditor).statusCode()).isEqualTo(200);
        assertThat(get("/api/accounts/" + accountId + "/history?asOf=" + Instant.now(), auditor).statusCode())
                .isEqualTo(200);
        for (String path : List.of("/api/accounts?search=a", "/api/stats", "/api/token-expiry-warnings",
                "/api/admin/processors")) {
            assertForbidden(path, get(path, auditor));
        }
    }

    @Test
    void aViewerReadsAccountsSearchStatsAndWarningsButNotHistory() throws Exception {
        UUID accountId = accounts.register();
        String viewer = TestJwts.mint("dashboard-1", Roles.VIEWER);

        for (String path : List.of("/api/accounts/" + accountId, "/api/accounts?search=a", "/api/stats",
                "/api/token-expiry-warnings")) {
            assertThat(get(path, viewer).statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/api/accounts/" + accountId + "/history",
                "/api/accounts/" + accountId + "/history?asOf=" + Instant.now(), "/api/admin/processors")) {
            assertForbidden(path, get(path, viewer));
        }
    }

    @Test
    void aCallerWithoutAnyRoleMayReadNothingButTheirOwnAccount() throws Exception {
        UUID accountId = accounts.register();
        String service = TestJwts.mint("some-service");

        assertForbidden("account", get("/api/accounts/" + accountId, service));
        assertForbidden("search", get("/api/accounts", service));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        UUID accountId = accounts.register();

        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(QuerySideHttp.get(port, "/api/accounts/" + accountId));
        answers.add(QuerySideHttp.get(port, "/api/accounts/" + UUID.randomUUID()));
        answers.add(get("/api/accounts/" + accountId + "/history", TestJwts.mint("dashboard-1", Roles.VIEWER)));
        answers.add(get("/api/accounts/" + accountId, null));
        answers.add(get("/actuator/health", null));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 404, 403, 401, 200);
        answers.forEach(QuerySideSecurityIntegrationTest::assertSecurityHeaders);
    }

    @Test
    void aHeadIsRefusedWhereAGetIsAndAnsweredWhereAGetIs() throws Exception {
        ApiToken token = accounts.withToken(Instant.now().plus(Duration.ofDays(60)));
        UUID otherAccount = accounts.register();
        String history = "/api/accounts/" + token.accountId() + "/history";

        for (String path : List.of("/api/accounts/" + otherAccount, "/api/accounts/" + otherAccount + "/avatar",
                history, "/api/stats", "/api/accounts?search=a")) {
            HttpResponse<String> response = head(path, token.value());
            assertHeadForbidden(path, response);
            assertThat(response.headers().firstValue("ETag")).as(path).isEmpty();
            assertThat(response.headers().firstValue(TOKEN_EXPIRATION)).as(path).isPresent();
        }
        assertHeadForbidden(history, head(history, TestJwts.mint("dashboard-1", Roles.VIEWER)));

        String own = "/api/accounts/" + token.accountId();
        String owner = TestJwts.mint(token.accountId().toString());
        HttpResponse<String> ownHead = head(own, owner);
        assertThat(ownHead.statusCode()).isEqualTo(200);
        assertThat(ownHead.body()).isEmpty();
        assertThat(ownHead.headers().firstValue("ETag")).isPresent()
                .isEqualTo(get(own, owner).headers().firstValue("ETag"));
        assertThat(head(own, token.value()).statusCode()).isEqualTo(200);
    }

    @Test
    void theActuatorBeyondHealthIsTheAdministrators() throws Exception {
        assertThat(get("/actuator/info", TestJwts.admin()).statusCode()).isEqualTo(200);
        assertForbidden("viewer", get("/actuator/info", TestJwts.mint("dashboard-1", Roles.VIEWER)));
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    }

    @Test
    void whatNoRuleNamesIsRefusedEvenToTheAdministrator() throws Exception {
        HttpResponse<String> anonymous = get("/api/no-such-endpoint", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");

        assertForbidden("admin", get("/api/no-such-endpoint", TestJwts.admin()));
        assertForbidden("viewer", get("/api/no-such-endpoint", TestJwts.mint("dashboard-1", Roles.VIEWER)));
        HttpResponse<String> options = http.send(request("/api/stats", "Bearer " + TestJwts.admin())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertForbidden("OPTIONS", options);
    }

    /** Tomcat refuses these before Spring sees them, and answers as the application would. */
    @Test
    void aRequestTomcatCannotReadIsABadRequestProblem() throws Exception {
        for (String target : List.of("/api/accounts/%zz", "/api/accounts?search={x}", "/api/accounts/a|b")) {
            Answer answer = RawHttp.exchange(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestJwts.admin() + "\r\nConnection: close\r\n\r\n");

            assertThat(answer.statusLine()).as(target + ": " + answer).startsWith("HTTP/1.1 400 ");
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:bad-request");
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void healthAndTheOpenApiDescriptionArePublicAndNothingElseIs() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> openApi = get("/v3/api-docs", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(json.readTree(openApi.body()).get("paths").has("/api/accounts/{id}")).isTrue();

        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/no-such-endpoint", null).statusCode()).isEqualTo(401);
    }

    private static void assertForbidden(String path, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(path).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).as(path).contains("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
                .contains("Bearer error=\"insufficient_scope\"");
        assertThat(response.body()).as(path).contains("\"type\":\"urn:eoc:problem:forbidden\"");
    }

    /** A HEAD answer has the status and headers of the refused GET, without its problem body. */
    private static void assertHeadForbidden(String path, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(path).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).as(path).contains("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(path)
                .contains("Bearer error=\"insufficient_scope\"");
        assertThat(response.body()).as(path).isEmpty();
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        String answer = response.request().uri().getPath() + " -> " + response.statusCode();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(answer).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(answer).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(answer).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(answer)
                .contains("frame-ancestors 'none'");
    }

    /** The avatar in the avatar store and its event, projected; its digest. */
    private String storeAvatar(UUID accountId) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        jdbc.update("""
                INSERT INTO avatarstore.image (digest, content_type, width, height, size_bytes, content)
                VALUES (?, 'image/png', 1, 1, ?, ?) ON CONFLICT DO NOTHING""", digest, PNG.length, PNG);
        accounts.append(accountId, 2, List.of(new AvatarChanged(accountId, digest, "image/png", 1, 1, PNG.length)));
        QuerySideHttp.awaitVersion(port, accountId, 2);
        return digest;
    }

    private Instant lastUsedAt(ApiToken token) {
        Timestamp lastUsedAt = jdbc.queryForObject("SELECT last_used_at FROM credentials.api_token WHERE token_id = ?",
                Timestamp.class, token.tokenId());
        return lastUsedAt == null ? null : lastUsedAt.toInstant();
    }

    private JsonNode apiToken(HttpResponse<String> view) {
        assertThat(view.statusCode()).isEqualTo(200);
        return json.readTree(view.body()).get("apiToken");
    }

    private HttpResponse<String> get(String path, String bearerToken) throws IOException, InterruptedException {
        return QuerySideHttp.get(port, path, bearerToken);
    }

    private HttpResponse<String> head(String path, String bearerToken) throws IOException, InterruptedException {
        return http.send(request(path, "Bearer " + bearerToken).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** With exactly this {@code Authorization} header, or none. */
    private HttpResponse<String> send(String path, String authorization) throws IOException, InterruptedException {
        return http.send(request(path, authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}

package com.eoc.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.web.testing.Browser;
import com.eoc.accounts.web.testing.StubSide;
import com.eoc.accounts.web.testing.StubSide.Answer;
import com.eoc.accounts.web.testing.StubSide.Received;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The page's server end to end over real HTTP, in the local profile: a person signs in through the
 * local identity provider's form (authorization code with PKCE), and the gateway relays their
 * access token to stand-ins for the two sides.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
class LocalSignInAndRelayTest {

    private static final int PORT = freePort();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final Path KEY_FILE = tempKeyFile();
    private static final StubSide COMMAND_SIDE = new StubSide();
    private static final StubSide QUERY_SIDE = new StubSide();

    private static final String ADA_ID = "7d8e2a4c-1f3b-4c5d-9e6f-0a1b2c3d4e5f";
    private static final String ADA_SUBJECT = "ada-at-the-provider";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("accounts.security.local.issuer", () -> ISSUER);
        registry.add("accounts.security.local.signing-key-file", KEY_FILE::toString);
        // shorter than the early refresh (30 s): every relay renews the access token
        registry.add("accounts.security.local.access-token-lifetime", () -> "20s");
        registry.add("accounts.web.query-side-url", () -> QUERY_SIDE.url().toString());
        registry.add("accounts.web.command-side-url", () -> COMMAND_SIDE.url().toString());
    }

    @AfterAll
    static void stopSides() {
        COMMAND_SIDE.close();
        QUERY_SIDE.close();
    }

    private final Browser browser = new Browser(URI.create(ISSUER));

    @Autowired
    private OAuth2AuthorizationService authorizations;

    @BeforeEach
    void accounts() {
        QUERY_SIDE.when("GET", "/api/accounts?search=", request -> Answer.json(200, """
                {"items":[
                  {"accountId":"%s","subject":"%s","firstName":"Ada","lastName":"Lovelace","email":"ada@example.com"},
                  {"accountId":"00000000-0000-0000-0000-000000000002","firstName":"Adam","lastName":"Smith",
                   "email":"adam@example.com"}],
                 "page":0,"size":100,"totalItems":2}""".formatted(ADA_ID, ADA_SUBJECT), Map.of()));
        QUERY_SIDE.forget();
        COMMAND_SIDE.forget();
    }

    // ------------------------------------------------------------------ without a session

    @Test
    void apiCallsWithoutASessionAre401ProblemsNotRedirects() {
        HttpResponse<String> read = browser.get("/api/me", "Accept", "application/json");
        HttpResponse<String> session = browser.get("/session");

        for (HttpResponse<String> response : List.of(read, session)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":401", "urn:eoc:problem:unauthorized");
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
        assertThat(QUERY_SIDE.hasUnread()).isFalse();
    }

    @Test
    void thePageWithoutASessionRedirectsToSignIn() {
        HttpResponse<String> page = browser.get("/", "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/local"));
    }

    @Test
    void theSignInGoesThroughTheProvidersFormWithPkce() {
        HttpResponse<String> toProvider = browser.get("/oauth2/authorization/local");

        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(ISSUER + "/oauth2/authorize?")
                .contains("code_challenge=", "code_challenge_method=S256", "scope=openid");
        HttpResponse<String> form = browser.follow(toProvider);
        assertThat(form.uri().getPath()).isEqualTo("/login");
        assertThat(form.body()).contains("<form", "name=\"username\"", "name=\"password\"").doesNotContain("<script", "style=");
        assertThat(form.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
        HttpResponse<String> stylesheet = browser.get("/sign-in/sign-in.css");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
    }

    // ------------------------------------------------------------------ signing in

    @Test
    void theAdministratorSignsInAndTheirTokenIsRelayed() {
        HttpResponse<String> page = browser.signIn("admin", "local");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri()).hasToString(ISSUER + "/");
        assertThat(page.body()).contains("Account Settings");
        assertThat(browser.get("/session").body())
                .isEqualTo("{\"subject\":\"admin\",\"name\":\"Administrator\",\"roles\":[\"admin\"]}");

        browser.get("/api/accounts?search=x");
        Jwt relayed = relayedToken(QUERY_SIDE.next());
        assertThat(relayed.getSubject()).isEqualTo("admin");
        assertThat(relayed.getClaimAsStringList("roles")).containsExactly("admin");
        assertThat(relayed.getIssuer()).hasToString(ISSUER);
    }

    @Test
    void afterSignInThePersonIsWhereTheyWereGoingNotAtAScriptOrIcon() {
        browser.get("/favicon.ico", "Accept", "image/avif,image/webp,*/*");
        browser.get("/app.js", "Accept", "*/*");
        browser.get("/api/me", "Accept", "application/json");
        HttpResponse<String> form = browser.follow(browser.get("/?view=users", "Accept", "text/html"));
        browser.get("/styles.css", "Accept", "text/css,*/*;q=0.1");

        HttpResponse<String> page = browser.submitSignIn(form, "admin", "local");

        assertThat(page.uri()).hasToString(ISSUER + "/?view=users");
    }

    @Test
    void anAccountSignsInWithItsEmailAndGetsItsSubject() {
        HttpResponse<String> page = browser.signIn("Ada@Example.com", "local");

        assertThat(page.statusCode()).isEqualTo(200);
        Received lookUp = QUERY_SIDE.next();
        assertThat(lookUp.pathAndQuery()).startsWith("/api/accounts?search=Ada%40Example.com&");
        Jwt lookUpToken = relayedToken(lookUp);
        assertThat(lookUpToken.getClaimAsStringList("roles")).containsExactly("admin");
        assertThat(browser.get("/session").body()).isEqualTo(
                "{\"subject\":\"" + ADA_SUBJECT + "\",\"name\":\"Ada Lovelace\",\"roles\":[]}");

        browser.get("/api/me");
        Jwt relayed = relayedToken(QUERY_SIDE.next());
        assertThat(relayed.getSubject()).isEqualTo(ADA_SUBJECT);
        assertThat(relayed.getClaimAsStringList("roles")).isEmpty();
    }

    @Test
    void thePageOpenedAt127001SignsInToo() {
        Browser loopback = new Browser(URI.create("http://127.0.0.1:" + PORT));

        HttpResponse<String> page = loopback.signIn("admin", "local");

        assertThat(page.uri()).hasToString("http://127.0.0.1:" + PORT + "/");
        assertThat(loopback.get("/session").body()).contains("\"subject\":\"admin\"");
    }

    @Test
    void anAccountWithoutSubjectSignsInAsItsId() {
        browser.signIn("adam@example.com", "local");

        assertThat(browser.get("/session").body()).contains("\"subject\":\"00000000-0000-0000-0000-000000000002\"");
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedOnTheForm() {
        HttpResponse<String> wrongPassword = browser.signIn("admin", "not-the-password");
        HttpResponse<String> unknown = new Browser(URI.create(ISSUER)).signIn("nobody@example.com", "local");

        for (HttpResponse<String> form : List.of(wrongPassword, unknown)) {
            assertThat(form.uri().getPath()).isEqualTo("/login");
            assertThat(form.body()).contains("were not accepted");
        }
        assertThat(browser.get("/session").statusCode()).isEqualTo(401);
    }

    @Test
    void aSignInThatFailsAfterTheFormSaysSo() {
        // a callback without the authorization request it answers (a forged or replayed one)
        HttpResponse<String> callback = browser.get("/login/oauth2/code/local?code=made-up&state=made-up");

        HttpResponse<String> form = browser.follow(callback);

        assertThat(form.uri().getPath()).isEqualTo("/login");
        assertThat(form.body()).contains("did not complete").doesNotContain("were not accepted");
    }

    @Test
    void anExpiredAccessTokenIsRenewedWithTheRefreshToken() {
        browser.signIn("admin", "local");

        browser.get("/api/accounts");
        Jwt first = relayedToken(QUERY_SIDE.next());
        browser.get("/api/accounts");
        Jwt second = relayedToken(QUERY_SIDE.next());

        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(second.getSubject()).isEqualTo("admin");
        assertThat(second.getClaimAsStringList("roles")).containsExactly("admin");
    }

    @Test
    void whenTheTokenCannotBeRenewedTheSessionEndsWith401() {
        browser.signIn("admin", "local");
        browser.get("/api/accounts");
        String accessToken = relayedToken(QUERY_SIDE.next()).getTokenValue();
        // the provider forgets the sign-in, as when its refresh token expires or is revoked
        authorizations.remove(authorizations.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN));

        HttpResponse<String> refused = browser.get("/api/accounts");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(QUERY_SIDE.hasUnread()).isFalse();
        assertThat(browser.get("/session").statusCode()).isEqualTo(401);
        assertThat(browser.get("/", "Accept", "text/html").statusCode()).isEqualTo(302);
    }

    // ------------------------------------------------------------------ the routes

    @Test
    void readsGoToTheQuerySideAndChangesToTheCommandSideWithPathsUnchanged() {
        browser.signIn("admin", "local");
        QUERY_SIDE.forget();

        browser.get("/api/accounts/" + ADA_ID + "?minVersion=3");
        Received read = QUERY_SIDE.next();
        browser.send("HEAD", "/api/accounts/" + ADA_ID, HttpRequest.BodyPublishers.noBody());
        Received head = QUERY_SIDE.next();
        browser.change("POST", "/api/accounts", "{\"firstName\":\"Grace\"}");
        Received post = COMMAND_SIDE.next();
        browser.change("PUT", "/api/accounts/" + ADA_ID + "/name", "{\"firstName\":\"Ada\"}");
        Received put = COMMAND_SIDE.next();
        browser.change("DELETE", "/api/accounts/" + ADA_ID + "/api-token", "");
        Received delete = COMMAND_SIDE.next();

        assertThat(List.of(read.method(), head.method(), post.method(), put.method(), delete.method()))
                .containsExactly("GET", "HEAD", "POST", "PUT", "DELETE");
        assertThat(read.pathAndQuery()).isEqualTo("/api/accounts/" + ADA_ID + "?minVersion=3");
        assertThat(put.pathAndQuery()).isEqualTo("/api/accounts/" + ADA_ID + "/name");
        assertThat(new String(post.body(), StandardCharsets.UTF_8)).isEqualTo("{\"firstName\":\"Grace\"}");
        for (Received received : List.of(read, head, post, put, delete)) {
            assertThat(relayedToken(received).getSubject()).isEqualTo("admin");
            // the browser's cookies and CSRF header are this application's business only
            assertThat(received.header("Cookie")).isNull();
            assertThat(received.header("X-XSRF-TOKEN")).isNull();
        }
        assertThat(QUERY_SIDE.hasUnread() || COMMAND_SIDE.hasUnread()).isFalse();
    }

    @Test
    void aBearerHeaderFromTheBrowserIsReplacedByTheUsersToken() {
        browser.signIn("admin", "local");
        QUERY_SIDE.forget();

        browser.get("/api/accounts", "Authorization", "Bearer made-up");

        assertThat(relayedToken(QUERY_SIDE.next()).getSubject()).isEqualTo("admin");
    }

    @Test
    void statusHeadersAndBodiesComeBackUnchanged() {
        browser.signIn("admin", "local");
        COMMAND_SIDE.when("POST", "/api/accounts", request -> Answer.json(201, "{\"accountId\":\"" + ADA_ID + "\"}",
                Map.of("Location", "/api/accounts/" + ADA_ID, "ETag", "\"0\"",
                        "Content-Security-Policy", "frame-ancestors 'none'")));
        QUERY_SIDE.when("GET", "/api/accounts/" + ADA_ID + "?minVersion=9", request -> new Answer(503,
                Map.of("Content-Type", "application/problem+json", "Retry-After", "1"),
                "{\"type\":\"urn:eoc:problem:view-behind\",\"status\":503}".getBytes(StandardCharsets.UTF_8)));
        COMMAND_SIDE.when("PUT", "/api/accounts/" + ADA_ID + "/email", request -> new Answer(412,
                Map.of("Content-Type", "application/problem+json", "ETag", "\"4\""),
                "{\"status\":412}".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> created = browser.change("POST", "/api/accounts", "{}");
        HttpResponse<String> behind = browser.get("/api/accounts/" + ADA_ID + "?minVersion=9");
        HttpResponse<String> stale = browser.change("PUT", "/api/accounts/" + ADA_ID + "/email", "{}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/accounts/" + ADA_ID);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(created.body()).isEqualTo("{\"accountId\":\"" + ADA_ID + "\"}");
        // the side's policy stays, the page's joins it
        assertThat(created.headers().allValues("Content-Security-Policy"))
                .containsExactlyInAnyOrder("frame-ancestors 'none'", "default-src 'self'");
        assertThat(behind.statusCode()).isEqualTo(503);
        assertThat(behind.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(behind.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(behind.body()).contains("view-behind");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"4\"");
    }

    @Test
    void anImageComesBackByteForByte() {
        browser.signIn("admin", "local");
        byte[] png = new byte[40_000];
        new Random(7).nextBytes(png);
        QUERY_SIDE.when("GET", "/api/accounts/" + ADA_ID + "/avatar",
                request -> new Answer(200, Map.of("Content-Type", "image/png", "ETag", "\"abc\""), png));

        HttpResponse<byte[]> image = browser.getBytes("/api/accounts/" + ADA_ID + "/avatar");

        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("ETag")).hasValue("\"abc\"");
        assertThat(image.body()).isEqualTo(png);
    }

    @Test
    void anAvatarUploadOfSixMegabytesReachesTheCommandSideUnchanged() throws Exception {
        browser.signIn("admin", "local");
        byte[] image = new byte[6 * 1024 * 1024 - 1024];
        new Random(11).nextBytes(image);
        String boundary = "----boundary" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = concat(head, image, tail);
        COMMAND_SIDE.when("PUT", "/api/accounts/" + ADA_ID + "/avatar",
                request -> Answer.json(200, "{\"version\":2}", Map.of("ETag", "\"2\"")));

        HttpResponse<String> uploaded = browser.send("PUT", "/api/accounts/" + ADA_ID + "/avatar",
                HttpRequest.BodyPublishers.ofByteArray(body),
                "Content-Type", "multipart/form-data; boundary=" + boundary, "X-XSRF-TOKEN", browser.xsrfToken());

        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.headers().firstValue("ETag")).hasValue("\"2\"");
        Received received = COMMAND_SIDE.next();
        // Spring names the request's character encoding in the Content-Type it forwards; the
        // boundary, and so the parts, stay as they were
        assertThat(received.header("Content-Type")).startsWith("multipart/form-data").contains("boundary=" + boundary);
        assertThat(sha256(received.body())).isEqualTo(sha256(body));
    }

    @Test
    void aSideThatDoesNotAnswerGives502() {
        browser.signIn("admin", "local");
        QUERY_SIDE.when("GET", "/api/stats", request -> Answer.hangUp());

        HttpResponse<String> failed = browser.get("/api/stats");

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(failed.body()).contains("urn:eoc:problem:side-unreachable");
    }

    // ------------------------------------------------------------------ CSRF, headers, sign-out

    @Test
    void aChangeWithoutTheCsrfHeaderIsRefused() {
        browser.signIn("admin", "local");

        HttpResponse<String> refused = browser.send("POST", "/api/accounts",
                HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json");
        HttpResponse<String> wrong = browser.send("DELETE", "/api/accounts/" + ADA_ID + "/api-token",
                HttpRequest.BodyPublishers.noBody(), "X-XSRF-TOKEN", "not-the-token");

        for (HttpResponse<String> response : List.of(refused, wrong)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("urn:eoc:problem:csrf");
        }
        assertThat(COMMAND_SIDE.hasUnread()).isFalse();
    }

    @Test
    void aRefusedUploadIsAnsweredNotCutOff() {
        byte[] upload = new byte[6 * 1024 * 1024];

        browser.get("/session"); // the CSRF cookie, as a page whose session has ended still has it
        HttpResponse<String> withoutSession = browser.send("PUT", "/api/accounts/" + ADA_ID + "/avatar",
                HttpRequest.BodyPublishers.ofByteArray(upload), "Content-Type", "multipart/form-data; boundary=x",
                "X-XSRF-TOKEN", browser.xsrfToken());
        browser.signIn("admin", "local");
        HttpResponse<String> withoutCsrf = browser.send("PUT", "/api/accounts/" + ADA_ID + "/avatar",
                HttpRequest.BodyPublishers.ofByteArray(upload), "Content-Type", "multipart/form-data; boundary=x");

        assertThat(withoutSession.statusCode()).isEqualTo(401);
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(COMMAND_SIDE.hasUnread()).isFalse();
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicyAndNosniff() {
        HttpResponse<String> refused = browser.get("/api/me");
        HttpResponse<String> signInForm = browser.follow(browser.get("/", "Accept", "text/html"));
        browser.submitSignIn(signInForm, "admin", "local");
        HttpResponse<String> page = browser.get("/");
        HttpResponse<String> relayed = browser.get("/api/me");

        for (HttpResponse<String> response : List.of(refused, signInForm, page, relayed)) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(response(page).headers().allValues("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndTheCsrfCookieReadable() {
        HttpResponse<String> form = browser.follow(browser.get("/", "Accept", "text/html"));
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
                        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=local&_csrf="
                                + csrfField(form.body()))),
                "Content-Type", "application/x-www-form-urlencoded");

        List<String> setCookies = posted.headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
                .contains("HttpOnly", "SameSite=Lax"));
        assertThat(browser.xsrfToken()).isNotBlank();
        List<String> pageCookies = browser.get("/api/me").headers().allValues("Set-Cookie");
        assertThat(pageCookies).noneSatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").doesNotContain("HttpOnly"));
    }

    @Test
    void signingOutEndsTheSessionWith204() {
        browser.signIn("admin", "local");

        HttpResponse<String> withoutCsrf = browser.send("POST", "/logout", HttpRequest.BodyPublishers.noBody());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        HttpResponse<String> signedOut = browser.send("POST", "/logout", HttpRequest.BodyPublishers.noBody(),
                "X-XSRF-TOKEN", browser.xsrfToken());

        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(browser.get("/session").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void noTokenNorPasswordReachesTheLog(CapturedOutput output) {
        browser.signIn("ada@example.com", "local");
        browser.get("/api/me");
        String accessToken = relayedToken(QUERY_SIDE.next()).getTokenValue();
        new Browser(URI.create(ISSUER)).signIn("admin", "wrong-password-in-the-log?");

        assertThat(output.getAll()).doesNotContain(accessToken, "eyJ", "wrong-password-in-the-log?",
                browser.cookie("SESSION"));
    }

    @Test
    void healthIsOpen() {
        HttpResponse<String> health = browser.get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> response(HttpResponse<String> response) {
        return response;
    }

    private static String csrfField(String form) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static Jwt relayedToken(Received request) {
        String authorization = request.header("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        try {
            RSAKey key = RSAKey.parse(Files.readString(KEY_FILE));
            return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build()
                    .decode(authorization.substring("Bearer ".length()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up), where outgoing connections of
     * other processes cannot take it between this choice and the server's start.
     */
    private static int freePort() {
        Random random = new Random();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port found");
    }

    private static Path tempKeyFile() {
        try {
            return Files.createTempDirectory("web-test-keys").resolve("signing-key.json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

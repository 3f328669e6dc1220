package com.eoc.accounts.system;

import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.ADMIN;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.ANONYMOUS;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.API_TOKEN;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.AUDITOR;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.INTROSPECTOR;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.OTHER_API_TOKEN;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.OTHER_OWNER;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.OWNER;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's role table, case by case, over real HTTP on both applications: every caller
 * against every endpoint, expecting exactly the status the table gives. An allowed case really
 * succeeds: a request that changes an account gets a fresh one of its own (with a token when it
 * deletes one); reads share two accounts made once, which the query side already shows.
 *
 * <p>The owner of the account is a JWT whose subject is the login of the account the request names
 * (the accounts here are registered without a subject, so their login is their id), the api-token
 * of the account that account's API token; the callers of another account are the same for a
 * second account. Only the owner generates a token, which stands in for them; an administrator
 * revokes it. {@code /api/me} answers any caller with an account, and 404 to a caller without one.
 *
 * <p>Every read of the query side is there twice, as GET and as HEAD: one rule decides both, and
 * HEAD answers with the headers of GET but no body. A path that no rule names is refused to all.
 */
class RoleMatrixSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The query side's processor; a replay of it is awaited, so the next case finds the account views whole. */
    private static final String PROCESSOR = "/api/admin/processors/accounts";
    /** Who may call a path that no rule names: everyone is refused, as the success status is never reached. */
    private static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);

    enum Caller {
        ANONYMOUS("anonymous"),
        OWNER("owner of the account"),
        OTHER_OWNER("owner of another account"),
        API_TOKEN("api-token of the account"),
        OTHER_API_TOKEN("api-token of another account"),
        ADMIN("admin"),
        AUDITOR("auditor"),
        VIEWER("viewer"),
        INTROSPECTOR("introspector");

        private final String label;

        Caller(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What an allowed case needs of the account it names; a refused case uses the shared one. */
    enum Arrange { SHARED, FRESH, FRESH_WITH_TOKEN, FRESH_WITH_AVATAR, FRESH_CLOSED }

    /** An account the cases name, with its API token (null when none). */
    record Account(String id, String lastName, String token, Instant tokenExpiresAt) {
        String path() {
            return "/api/accounts/" + id;
        }
    }

    interface Request {
        HttpResponse<String> send(Account account, String credential) throws Exception;
    }

    record Endpoint(String label, int success, Set<Caller> allowed, Set<Caller> withoutAccount, Arrange arrange,
                    Request request) {

        /** An endpoint that names its account: every caller that is allowed has one. */
        Endpoint(String label, int success, Set<Caller> allowed, Arrange arrange, Request request) {
            this(label, success, allowed, EnumSet.noneOf(Caller.class), arrange, request);
        }

        boolean isHead() {
            return label.startsWith("HEAD ");
        }

        int expectedFor(Caller caller) {
            if (allowed.contains(caller)) {
                return success;
            }
            if (withoutAccount.contains(caller)) {
                return 404;
            }
            return caller == ANONYMOUS ? 401 : 403;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static RunningSystem system;
    private static Application commandSide;
    private static Application querySide;
    private static Account mine;
    private static Account other;

    @BeforeAll
    static void twoAccountsThatTheQuerySideShows() throws Exception {
        system = RunningSystem.get();
        commandSide = system.commandSide;
        querySide = system.querySide;
        mine = withToken(register());
        assertThat(commandSide.exchange("PUT", mine.path() + "/avatar", Body.png("image", png()), system.admin())
                .statusCode()).isEqualTo(200);
        other = withToken(register());
        awaitVersion(mine, 2);
        awaitVersion(other, 1);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(caller, endpoint, endpoint.expectedFor(caller)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("cases")
    void theRoleTableDecides(Caller caller, Endpoint endpoint, int expected) throws Exception {
        boolean allowed = expected < 400;
        Account account = !allowed ? mine : switch (endpoint.arrange()) {
            case SHARED -> mine;
            case FRESH -> register();
            case FRESH_WITH_TOKEN -> withToken(register());
            case FRESH_WITH_AVATAR -> withAvatar(register());
            case FRESH_CLOSED -> closed(register());
        };

        HttpResponse<String> response = endpoint.request().send(account, credential(caller, account));

        assertThat(response.statusCode()).as("%s: %s answered %s", caller, endpoint, response.body())
                .isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        }
        if (expected == 403) {
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .contains("Bearer error=\"insufficient_scope\"");
        }
        if (!allowed) {
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        if (endpoint.isHead()) {
            assertThat(response.body()).as("%s: %s", caller, endpoint).isEmpty();
        } else if (expected == 200) {
            assertThat(response.body()).as("%s: %s", caller, endpoint).isNotEmpty();
        }
        Account tokenOwner = caller == API_TOKEN ? account : caller == Caller.OTHER_API_TOKEN ? other : null;
        if (tokenOwner != null) {
            assertThat(response.headers().firstValue("EOC-Token-Expiration").map(Instant::parse))
                    .contains(tokenOwner.tokenExpiresAt());
        }
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    /** The role table, row by row: {@link WebRoleMatrixSystemTest} holds the page's server to the same rows. */
    static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(commandSideEndpoints());
        endpoints.addAll(querySideEndpoints());
        return endpoints;
    }

    private static List<Endpoint> commandSideEndpoints() {
        Set<Caller> everyone = EnumSet.allOf(Caller.class);
        Set<Caller> ownerOrAdmin = EnumSet.of(OWNER, ADMIN);
        Set<Caller> admin = EnumSet.of(ADMIN);
        return List.of(
                new Endpoint("POST /api/accounts", 201, admin, Arrange.SHARED, (account, credential) ->
                        commandSide.send("POST", "/api/accounts", registration(), credential)),
                new Endpoint("PUT /api/accounts/{id}/name", 200, ownerOrAdmin, Arrange.FRESH, (account, credential) ->
                        commandSide.send("PUT", account.path() + "/name",
                                "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}", credential)),
                new Endpoint("PUT /api/accounts/{id}/email", 200, ownerOrAdmin, Arrange.FRESH, (account, credential) ->
                        commandSide.send("PUT", account.path() + "/email",
                                "{\"email\":\"" + uniqueEmail() + "\"}", credential)),
                new Endpoint("PUT /api/accounts/{id}/avatar", 200, ownerOrAdmin, Arrange.FRESH, (account, credential) ->
                        commandSide.exchange("PUT", account.path() + "/avatar", Body.png("image", png()), credential)),
                new Endpoint("DELETE /api/accounts/{id}/avatar", 204, ownerOrAdmin, Arrange.FRESH_WITH_AVATAR,
                        (account, credential) -> commandSide.send("DELETE", account.path() + "/avatar", null,
                                credential)),
                new Endpoint("POST /api/accounts/{id}/api-token", 201, EnumSet.of(OWNER), Arrange.FRESH,
                        (account, credential) -> commandSide.send("POST", account.path() + "/api-token",
                                "{\"expiresInDays\":30}", credential)),
                new Endpoint("DELETE /api/accounts/{id}/api-token", 204, ownerOrAdmin, Arrange.FRESH_WITH_TOKEN,
                        (account, credential) -> commandSide.send("DELETE", account.path() + "/api-token", null,
                                credential)),
                new Endpoint("POST /api/accounts/{id}/close", 200, admin, Arrange.FRESH_WITH_TOKEN,
                        (account, credential) -> commandSide.send("POST", account.path() + "/close", null, credential)),
                new Endpoint("POST /api/accounts/{id}/reopen", 200, admin, Arrange.FRESH, (account, credential) ->
                        commandSide.send("POST", account.path() + "/reopen", null, credential)),
                new Endpoint("POST /api/accounts/{id}/erase", 200, admin, Arrange.FRESH_CLOSED,
                        (account, credential) -> commandSide.send("POST", account.path() + "/erase", null, credential)),
                new Endpoint("POST /api/tokens/introspect", 200, EnumSet.of(INTROSPECTOR, ADMIN), Arrange.SHARED,
                        (account, credential) -> commandSide.exchange("POST", "/api/tokens/introspect",
                                Body.form("token", mine.token()), credential)),
                new Endpoint("POST /api/audit/checkpoints", 200, admin, Arrange.SHARED, (account, credential) ->
                        commandSide.send("POST", "/api/audit/checkpoints", null, credential)),
                new Endpoint("GET /api/audit/public-key", 200, everyone, Arrange.SHARED, (account, credential) ->
                        commandSide.send("GET", "/api/audit/public-key", null, credential)),
                new Endpoint("GET /actuator/health (command side)", 200, everyone, Arrange.SHARED,
                        (account, credential) -> commandSide.send("GET", "/actuator/health", null, credential)),
                new Endpoint("GET /v3/api-docs (command side)", 200, everyone, Arrange.SHARED,
                        (account, credential) -> commandSide.send("GET", "/v3/api-docs", null, credential)),
                new Endpoint("GET /api/no-such-endpoint (command side)", 200, NOBODY,
                        Arrange.SHARED, (account, credential) -> commandSide.send("GET", "/api/no-such-endpoint",
                                null, credential)));
    }

    private static List<Endpoint> querySideEndpoints() {
        Set<Caller> everyone = EnumSet.allOf(Caller.class);
        Set<Caller> readers = EnumSet.of(OWNER, API_TOKEN, ADMIN, AUDITOR, VIEWER);
        Set<Caller> dashboards = EnumSet.of(VIEWER, ADMIN);
        Set<Caller> auditors = EnumSet.of(AUDITOR, ADMIN);
        Set<Caller> admin = EnumSet.of(ADMIN);
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(reads("/api/accounts/{id}", readers, Account::path));
        endpoints.addAll(reads("/api/accounts/{id}/avatar", readers, account -> account.path() + "/avatar"));
        endpoints.addAll(reads("/api/accounts?search=", dashboards,
                account -> "/api/accounts?search=" + account.lastName()));
        endpoints.addAll(reads("/api/token-expiry-warnings", dashboards, account -> "/api/token-expiry-warnings"));
        endpoints.addAll(reads("/api/accounts/{id}/history", auditors, account -> account.path() + "/history"));
        endpoints.addAll(reads("/api/accounts/{id}/history/export", auditors,
                account -> account.path() + "/history/export"));
        endpoints.addAll(reads("/api/stats", dashboards, account -> "/api/stats"));
        endpoints.addAll(reads("/api/history?actor=", auditors, account -> "/api/history?actor=" + account.id()));
        Set<Caller> withAccount = EnumSet.of(OWNER, OTHER_OWNER, API_TOKEN, OTHER_API_TOKEN);
        Set<Caller> withoutAccount = EnumSet.of(ADMIN, AUDITOR, VIEWER, INTROSPECTOR);
        for (String method : List.of("GET", "HEAD")) {
            endpoints.add(new Endpoint(method + " /api/me", 200, withAccount, withoutAccount, Arrange.SHARED,
                    (account, credential) -> querySide.send(method, "/api/me", null, credential)));
        }
        Set<Caller> signedIn = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
        endpoints.addAll(reads("/api/token-policy", signedIn, account -> "/api/token-policy"));
        endpoints.addAll(reads("/api/admin/processors", admin, account -> "/api/admin/processors"));
        endpoints.addAll(List.of(
                new Endpoint("GET /api/accounts/{id}/history?asOf=", 200, auditors, Arrange.SHARED,
                        (account, credential) -> querySide.send("GET", account.path() + "/history?asOf="
                                + Instant.now(), null, credential)),
                new Endpoint("POST /api/admin/processors/{name}/replay", 202, admin, Arrange.SHARED,
                        (account, credential) -> awaitReplayed(
                                querySide.send("POST", PROCESSOR + "/replay", null, credential))),
                new Endpoint("POST /api/admin/processors/{name}/dead-letters/retry", 202, admin, Arrange.SHARED,
                        (account, credential) -> querySide.send("POST", PROCESSOR + "/dead-letters/retry", null,
                                credential)),
                new Endpoint("GET /actuator/health (query side)", 200, everyone, Arrange.SHARED,
                        (account, credential) -> querySide.send("GET", "/actuator/health", null, credential)),
                new Endpoint("GET /v3/api-docs (query side)", 200, everyone, Arrange.SHARED,
                        (account, credential) -> querySide.send("GET", "/v3/api-docs", null, credential)),
                new Endpoint("GET /api/no-such-endpoint (query side)", 200, NOBODY,
                        Arrange.SHARED, (account, credential) -> querySide.send("GET", "/api/no-such-endpoint",
                                null, credential))));
        return endpoints;
    }

    /** A read of the query side, as GET and as HEAD, of the shared accounts. */
    private static List<Endpoint> reads(String path, Set<Caller> allowed, Function<Account, String> uri) {
        return Stream.of("GET", "HEAD").map(method -> new Endpoint(method + " " + path, 200, allowed, Arrange.SHARED,
                (account, credential) -> querySide.send(method, uri.apply(account), null, credential))).toList();
    }

    private static String credential(Caller caller, Account account) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case OWNER -> system.jwt(account.id());
            case OTHER_OWNER -> system.jwt(other.id());
            case API_TOKEN -> account.token();
            case OTHER_API_TOKEN -> other.token();
            case ADMIN -> system.admin();
            case AUDITOR -> system.jwt("system-test-auditor", "auditor");
            case VIEWER -> system.jwt("system-test-dashboard", "viewer");
            case INTROSPECTOR -> system.jwt("system-test-gateway", "introspector");
        };
    }

    private static Account register() throws Exception {
        String lastName = "Matrix" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Ada\",\"lastName\":\"" + lastName + "\",\"email\":\"" + lastName.toLowerCase()
                        + "@example.com\"}", system.admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return new Account(JSON.readTree(registered.body()).get("accountId").asString(), lastName, null, null);
    }

    private static Account withToken(Account account) throws Exception {
        HttpResponse<String> generated = commandSide.send("POST", account.path() + "/api-token",
                "{\"expiresInDays\":30}", system.jwt(account.id()));
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        JsonNode token = JSON.readTree(generated.body());
        return new Account(account.id(), account.lastName(), token.get("token").asString(),
                Instant.parse(token.get("expiresAt").asString()));
    }

    private static Account withAvatar(Account account) throws Exception {
        HttpResponse<String> uploaded = commandSide.exchange("PUT", account.path() + "/avatar", Body.png("image", png()),
                system.admin());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        return account;
    }

    private static Account closed(Account account) throws Exception {
        HttpResponse<String> closed = commandSide.send("POST", account.path() + "/close", null, system.admin());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        return account;
    }

    private static String registration() {
        return "{\"firstName\":\"New\",\"lastName\":\"Comer\",\"email\":\"" + uniqueEmail() + "\"}";
    }

    private static String uniqueEmail() {
        return "matrix-" + UUID.randomUUID() + "@example.com";
    }

    private static void awaitVersion(Account account, long version) throws Exception {
        await(() -> querySide.send("GET", account.path(), null, system.admin()),
                view -> view.statusCode() == 200 && JSON.readTree(view.body()).get("version").asLong() >= version);
    }

    /** The next case finds the processor caught up again, as before the replay. */
    private static HttpResponse<String> awaitReplayed(HttpResponse<String> replay) throws Exception {
        if (replay.statusCode() == 202) {
            await(() -> JSON.readTree(querySide.send("GET", PROCESSOR, null, system.admin()).body()),
                    status -> !status.get("replaying").asBoolean() && status.get("caughtUp").asBoolean()
                            && status.get("position").asLong() >= status.get("head").asLong());
        }
        return replay;
    }

    interface Read<T> {
        T get() throws Exception;
    }

    interface Done<T> {
        boolean test(T value) throws Exception;
    }

    private static <T> void await(Read<T> read, Done<T> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 30 s; last: " + last);
            }
            Application.sleep(50);
            last = read.get();
        }
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

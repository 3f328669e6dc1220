package com.eoc.accounts.system;

import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.ADMIN;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.ANONYMOUS;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.OTHER_OWNER;
import static com.eoc.accounts.system.RoleMatrixSystemTest.Caller.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.system.RoleMatrixSystemTest.Arrange;
import com.eoc.accounts.system.RoleMatrixSystemTest.Caller;
import com.eoc.accounts.system.RoleMatrixSystemTest.Endpoint;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role table through the page's server: every caller the page can have (no one signed in,
 * the owner of the account, the owner of another account, the administrator) against every row of
 * {@link RoleMatrixSystemTest}'s table that the page can reach, sent as the page sends it (a
 * session cookie, and a change with its CSRF header), expecting the status that the table gives
 * the same caller on the side directly. An allowed change gets a fresh account of its own, as in
 * the table; reads share two accounts made once.
 *
 * <p>A person signs in at the local identity provider with the account's email address (the
 * accounts here are registered without a subject, so their tokens' subject is the account id, as
 * the table's owner has), the administrator as {@code admin}. Each signs in once and keeps the
 * session; only the owner of a fresh account signs in to it for the one case.
 */
class WebRoleMatrixSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Caller> CALLERS = List.of(ANONYMOUS, OWNER, OTHER_OWNER, ADMIN);
    private static final String PROCESSOR = "/api/admin/processors/accounts";

    /**
     * Rows of the table that the page cannot reach: the page's server sends every read to the
     * query side and every change to the command side, so these arrive at the other side.
     */
    private static final Set<String> NOT_THROUGH_WEB = Set.of(
            "GET /api/no-such-endpoint (command side)",
            "GET /api/audit/public-key",
            "POST /api/admin/processors/{name}/replay",
            "POST /api/admin/processors/{name}/dead-letters/retry");

    /** An account the cases name, with its API token and the version the command side last answered. */
    record Account(String id, String lastName, String email, String token, long version) {

        String path() {
            return "/api/accounts/" + id;
        }
    }

    /** How the page sends a row of the table, for the account the case names. */
    record Route(String method, Function<Account, String> path, Function<Account, Body> body) {

        boolean isChange() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        HttpResponse<String> sendAsThePage(WebSession session, Account account) throws Exception {
            return isChange() ? session.change(method, path.apply(account), body.apply(account))
                    : session.send(method, path.apply(account), body.apply(account));
        }

        HttpResponse<String> sendWithoutCsrfHeader(WebSession session, Account account) throws Exception {
            return session.send(method, path.apply(account), body.apply(account));
        }
    }

    private static final Map<String, Endpoint> TABLE = RoleMatrixSystemTest.endpoints().stream()
            .collect(Collectors.toMap(Endpoint::label, Function.identity()));
    private static final Map<String, Route> ROUTES = routes();

    private static RunningSystem system;
    private static Application web;
    private static Accounts views;
    private static byte[] png;
    private static Account mine;
    private static Account other;
    private static final Map<Caller, WebSession> SESSIONS = new EnumMap<>(Caller.class);

    @BeforeAll
    static void twoAccountsAndEveryCallerSignedIn() throws Exception {
        system = RunningSystem.get();
        web = system.web();
        views = new Accounts(system);
        png = Files.readAllBytes(Images.picture(32, 32));
        Account withToken = withToken(register());
        HttpResponse<String> avatar = system.commandSide.exchange("PUT", withToken.path() + "/avatar",
                Body.png("image", png), system.admin());
        assertThat(avatar.statusCode()).as(avatar.body()).isEqualTo(200);
        mine = at(withToken, JSON.readTree(avatar.body()).get("version").asLong());
        other = withToken(register());
        SESSIONS.put(ANONYMOUS, WebSession.anonymous(web));
        SESSIONS.put(OWNER, signedIn(mine));
        SESSIONS.put(OTHER_OWNER, signedIn(other));
        SESSIONS.put(ADMIN, WebSession.signedIn(web, "admin"));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String label : ROUTES.keySet()) {
            Endpoint row = row(label);
            for (Caller caller : CALLERS) {
                cases.add(Arguments.of(caller, row, row.expectedFor(caller)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("cases")
    void theRoleTableDecidesThroughWeb(Caller caller, Endpoint row, int expected) throws Exception {
        boolean allowed = expected < 400;
        Account account = !allowed ? mine : switch (row.arrange()) {
            case SHARED -> mine;
            case FRESH -> register();
            case FRESH_WITH_TOKEN -> withToken(register());
            case FRESH_WITH_AVATAR -> withAvatar(register());
            case FRESH_CLOSED -> closed(register());
        };
        WebSession session = caller == OWNER && account != mine ? signedIn(account) : SESSIONS.get(caller);

        HttpResponse<String> response = ROUTES.get(row.label()).sendAsThePage(session, account);

        assertThat(response.statusCode()).as("%s: %s answered %s", caller, row, response.body()).isEqualTo(expected);
        if (!allowed) {
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        if (expected == 401) {
            // the page's script learns to sign in again; a redirect would be followed silently
            assertThat(response.headers().firstValue("Location")).isEmpty();
            if (!row.isHead()) {
                assertThat(response.body()).contains("urn:eoc:problem:unauthorized");
            }
        }
        if (row.isHead()) {
            assertThat(response.body()).as("%s: %s", caller, row).isEmpty();
        } else if (expected == 200) {
            assertThat(response.body()).as("%s: %s", caller, row).isNotEmpty();
        }
        assertThat(response.headers().allValues("Content-Security-Policy")).contains("default-src 'self'");
    }

    static Stream<Endpoint> changes() {
        return ROUTES.entrySet().stream().filter(route -> route.getValue().isChange())
                .map(route -> row(route.getKey()));
    }

    /** Sent by a caller whose change would go through, so that only the missing header refuses it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangeWithoutTheCsrfHeaderIsRefusedAndChangesNothing(Endpoint row) throws Exception {
        Account account = switch (row.arrange()) {
            case FRESH_WITH_TOKEN -> withToken(register());
            case FRESH_WITH_AVATAR -> withAvatar(register());
            case FRESH_CLOSED -> closed(register());
            default -> register();
        };
        WebSession session = row.allowed().contains(ADMIN) ? SESSIONS.get(ADMIN) : signedIn(account);

        HttpResponse<String> refused = ROUTES.get(row.label()).sendWithoutCsrfHeader(session, account);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(refused.body()).contains("urn:eoc:problem:csrf");
        // the account is where it was (a command that expects its version still goes through: a rename,
        // or for a closed account, closing it again), and the email address a registration would have
        // taken is still free
        HttpResponse<String> unchanged = row.arrange() == Arrange.FRESH_CLOSED
                ? system.commandSide.exchange("POST", account.path() + "/close", Body.none(), system.admin(),
                        BodyHandlers.ofString(), "If-Match", "\"" + account.version() + "\"")
                : system.commandSide.exchange("PUT", account.path() + "/name",
                        Body.json("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}"), system.admin(),
                        BodyHandlers.ofString(), "If-Match", "\"" + account.version() + "\"");
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(200);
        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                registration(newcomerEmail(account)), system.admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Caller.class, names = {"OWNER", "OTHER_OWNER", "ADMIN"})
    void theSessionNamesTheSignedInSubjectAndRoles(Caller caller) throws Exception {
        HttpResponse<String> answer = SESSIONS.get(caller).send("GET", "/session", Body.none());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode session = JSON.readTree(answer.body());
        assertThat(session.get("subject").asString()).isEqualTo(switch (caller) {
            case OWNER -> mine.id();
            case OTHER_OWNER -> other.id();
            default -> "admin";
        });
        List<String> roles = new ArrayList<>();
        session.get("roles").forEach(role -> roles.add(role.asString()));
        assertThat(roles).isEqualTo(caller == ADMIN ? List.of("admin") : List.of());
    }

    @Test
    void withoutASessionThereIsNoOneToName() throws Exception {
        HttpResponse<String> answer = SESSIONS.get(ANONYMOUS).send("GET", "/session", Body.none());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(answer.body()).contains("urn:eoc:problem:unauthorized");
    }

    /**
     * The query side's two changes arrive at the command side, which has no such path and refuses
     * it even to an administrator, who gets 202 from the query side directly.
     */
    @Test
    void theQuerySidesProcessorChangesDoNotReachItThroughWeb() throws Exception {
        for (String path : List.of(PROCESSOR + "/replay", PROCESSOR + "/dead-letters/retry")) {
            HttpResponse<String> answer = SESSIONS.get(ADMIN).change("POST", path, Body.none());

            assertThat(answer.statusCode()).as("POST %s answered %s", path, answer.body()).isEqualTo(403);
        }
    }

    @Test
    void everyApiRowOfTheTableIsSentThroughWebOrSaysWhyNot() {
        Set<String> apiRows = TABLE.keySet().stream().filter(label -> label.split(" ")[1].startsWith("/api/"))
                .collect(Collectors.toSet());

        assertThat(apiRows).containsAll(NOT_THROUGH_WEB);
        assertThat(ROUTES.keySet()).containsExactlyInAnyOrderElementsOf(
                apiRows.stream().filter(label -> !NOT_THROUGH_WEB.contains(label)).toList());
    }

    /** The table's rows that the page can reach, by their labels there, each as the page sends it. */
    private static Map<String, Route> routes() {
        Map<String, Route> routes = new LinkedHashMap<>();
        change(routes, "POST /api/accounts", account -> "/api/accounts",
                account -> Body.json(registration(newcomerEmail(account))));
        change(routes, "PUT /api/accounts/{id}/name", account -> account.path() + "/name",
                account -> Body.json("{\"firstName\":\"Grace\",\"lastName\":\"Hopper\"}"));
        change(routes, "PUT /api/accounts/{id}/email", account -> account.path() + "/email",
                account -> Body.json("{\"email\":\"" + uniqueEmail() + "\"}"));
        change(routes, "PUT /api/accounts/{id}/avatar", account -> account.path() + "/avatar",
                account -> Body.png("image", png));
        change(routes, "DELETE /api/accounts/{id}/avatar", account -> account.path() + "/avatar",
                account -> Body.none());
        change(routes, "POST /api/accounts/{id}/api-token", account -> account.path() + "/api-token",
                account -> Body.json("{\"expiresInDays\":30}"));
        change(routes, "DELETE /api/accounts/{id}/api-token", account -> account.path() + "/api-token",
                account -> Body.none());
        change(routes, "POST /api/accounts/{id}/close", account -> account.path() + "/close", account -> Body.none());
        change(routes, "POST /api/accounts/{id}/reopen", account -> account.path() + "/reopen", account -> Body.none());
        change(routes, "POST /api/accounts/{id}/erase", account -> account.path() + "/erase", account -> Body.none());
        change(routes, "POST /api/tokens/introspect", account -> "/api/tokens/introspect",
                account -> Body.form("token", mine.token()));
        reads(routes, "/api/accounts/{id}", Account::path);
        reads(routes, "/api/accounts/{id}/avatar", account -> account.path() + "/avatar");
        reads(routes, "/api/accounts?search=", account -> "/api/accounts?search=" + account.lastName());
        reads(routes, "/api/token-expiry-warnings", account -> "/api/token-expiry-warnings");
        reads(routes, "/api/accounts/{id}/history", account -> account.path() + "/history");
        reads(routes, "/api/accounts/{id}/history/export", account -> account.path() + "/history/export");
        change(routes, "POST /api/audit/checkpoints", account -> "/api/audit/checkpoints", account -> Body.none());
        reads(routes, "/api/stats", account -> "/api/stats");
        reads(routes, "/api/history?actor=", account -> "/api/history?actor=" + account.id());
        reads(routes, "/api/me", account -> "/api/me");
        reads(routes, "/api/token-policy", account -> "/api/token-policy");
        reads(routes, "/api/admin/processors", account -> "/api/admin/processors");
        routes.put("GET /api/accounts/{id}/history?asOf=", new Route("GET",
                account -> account.path() + "/history?asOf=" + Instant.now(), account -> Body.none()));
        routes.put("GET /api/no-such-endpoint (query side)", new Route("GET",
                account -> "/api/no-such-endpoint", account -> Body.none()));
        return routes;
    }

    private static void change(Map<String, Route> routes, String label, Function<Account, String> path,
                               Function<Account, Body> body) {
        routes.put(label, new Route(label.substring(0, label.indexOf(' ')), path, body));
    }

    /** A read, as GET and as HEAD. */
    private static void reads(Map<String, Route> routes, String label, Function<Account, String> path) {
        for (String method : List.of("GET", "HEAD")) {
            routes.put(method + " " + label, new Route(method, path, account -> Body.none()));
        }
    }

    private static Endpoint row(String label) {
        Endpoint row = TABLE.get(label);
        if (row == null) {
            throw new IllegalStateException("the role table has no row " + label);
        }
        return row;
    }

    /** The account's owner, signed in with its email address once the query side knows the account. */
    private static WebSession signedIn(Account account) throws Exception {
        views.awaitView(account.id(), account.version());
        return WebSession.signedIn(web, account.email());
    }

    private static Account register() throws Exception {
        String lastName = "WebMatrix" + UUID.randomUUID().toString().substring(0, 8);
        String email = lastName.toLowerCase() + "@example.com";
        HttpResponse<String> registered = system.commandSide.send("POST", "/api/accounts",
                "{\"firstName\":\"Ada\",\"lastName\":\"" + lastName + "\",\"email\":\"" + email + "\"}",
                system.admin());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(registered.body());
        return new Account(answer.get("accountId").asString(), lastName, email, null, answer.get("version").asLong());
    }

    private static Account withToken(Account account) throws Exception {
        HttpResponse<String> generated = system.commandSide.send("POST", account.path() + "/api-token",
                "{\"expiresInDays\":30}", system.jwt(account.id()));
        assertThat(generated.statusCode()).as(generated.body()).isEqualTo(201);
        JsonNode token = JSON.readTree(generated.body());
        return new Account(account.id(), account.lastName(), account.email(), token.get("token").asString(),
                token.get("version").asLong());
    }

    private static Account withAvatar(Account account) throws Exception {
        HttpResponse<String> uploaded = system.commandSide.exchange("PUT", account.path() + "/avatar",
                Body.png("image", png), system.admin());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        return at(account, JSON.readTree(uploaded.body()).get("version").asLong());
    }

    private static Account closed(Account account) throws Exception {
        HttpResponse<String> closed = system.commandSide.send("POST", account.path() + "/close", null, system.admin());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        return at(account, JSON.readTree(closed.body()).get("version").asLong());
    }

    private static Account at(Account account, long version) {
        return new Account(account.id(), account.lastName(), account.email(), account.token(), version);
    }

    private static String registration(String email) {
        return "{\"firstName\":\"New\",\"lastName\":\"Comer\",\"email\":\"" + email + "\"}";
    }

    /** What a registration in the name of this account's case registers, so that a test can look for it. */
    private static String newcomerEmail(Account account) {
        return "newcomer-" + account.id() + "@example.com";
    }

    private static String uniqueEmail() {
        return "web-matrix-" + UUID.randomUUID() + "@example.com";
    }
}

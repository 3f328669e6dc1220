package com.eoc.accounts.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.query.StoredEvents;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/accounts} over HTTP on PostgreSQL, events projected by the real processor, with
 * "now" fixed so that token statuses are known. Each test finds its own accounts through a random
 * tag of letters that appear in no other test data, so the tests do not depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
// no other test class shares this context: closed at once, its processor does not outlive the tests
@DirtiesContext
@Import(AccountSearchIntegrationTest.FixedClock.class)
class AccountSearchIntegrationTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AccountSearch search;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void searchFindsPartOfAFirstNameLastNameOrEmailWhateverTheCase() throws Exception {
        String tag = tag();
        UUID inFirstName = register("Fi" + tag.toUpperCase(), "Lovelace", "ada@example.com");
        UUID inLastName = register("Grace", "La" + tag + "son", "grace@example.com");
        UUID inEmail = register("Alan", "Turing", "Em" + tag + "@Example.com");
        UUID elsewhere = register("Edsger", "Dijkstra", "ewd@example.com");
        awaitProjected(inFirstName, inLastName, inEmail, elsewhere);

        assertThat(idsFound("I" + tag.substring(0, 4))).containsExactly(inFirstName);
        assertThat(idsFound("A" + tag.toUpperCase())).containsExactly(inLastName);
        assertThat(idsFound("m" + tag + "@exa")).containsExactly(inEmail);
        assertThat(idsFound(mixedCase(tag))).as("ordered by last name").containsExactly(inLastName, inFirstName, inEmail);
        assertThat(idsFound("  " + tag + " ")).as("surrounding blanks are ignored").hasSize(3);
    }

    @Test
    void wildcardsInTheSearchAreMatchedLiterally() throws Exception {
        String tag = tag();
        UUID underscore = register("Under_" + tag, "Score", "u@example.com");
        UUID plain = register("Underx" + tag, "Score", "p@example.com");
        awaitProjected(underscore, plain);

        assertThat(idsFound("r_" + tag)).containsExactly(underscore);
        assertThat(json.readTree(get("/api/accounts?search=" + encode("%")).body()).get("totalItems").asLong())
                .isZero();
    }

    @Test
    void pagesFollowOneStableOrderAndCountEveryMatch() throws Exception {
        String tag = tag();
        UUID b = register("Bob", "Page" + tag, "b@example.com");
        UUID a = register("Alice", "Page" + tag, "a@example.com");
        UUID twin1 = register("Carol", "Page" + tag, "c1@example.com");
        UUID twin2 = register("Carol", "Page" + tag, "c2@example.com");
        UUID d = register("Dan", "Page" + tag, "d@example.com");
        awaitProjected(a, b, twin1, twin2, d);
        // same name: the id decides, as PostgreSQL orders UUIDs (byte by byte, like their text)
        List<UUID> twins = new ArrayList<>(List.of(twin1, twin2));
        twins.sort(Comparator.comparing(UUID::toString));

        JsonNode first = json.readTree(get("/api/accounts?search=" + tag + "&page=0&size=2").body());
        JsonNode second = json.readTree(get("/api/accounts?search=" + tag + "&page=1&size=2").body());
        JsonNode third = json.readTree(get("/api/accounts?search=" + tag + "&page=2&size=2").body());
        JsonNode beyond = json.readTree(get("/api/accounts?search=" + tag + "&page=3&size=2").body());

        assertThat(ids(first)).containsExactly(a, b);
        assertThat(ids(second)).containsExactlyElementsOf(twins);
        assertThat(ids(third)).containsExactly(d);
        assertThat(ids(beyond)).isEmpty();
        for (JsonNode page : List.of(first, second, third, beyond)) {
            assertThat(page.get("totalItems").asLong()).isEqualTo(5);
            assertThat(page.get("size").asInt()).isEqualTo(2);
        }
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void emptyOrMissingSearchListsEveryAccount() throws Exception {
        UUID one = register("Niklaus", "Wirth", "nw@example.com");
        awaitProjected(one);
        long all = jdbc.queryForObject("SELECT count(*) FROM query_side.account_view", Long.class);

        for (String query : List.of("", "?search=", "?search=%20%20", "?page=0")) {
            JsonNode page = json.readTree(get("/api/accounts" + query).body());
            assertThat(page.get("totalItems").asLong()).as(query).isEqualTo(all);
            assertThat(page.get("page").asInt()).isZero();
            assertThat(page.get("size").asInt()).isEqualTo(20);
            assertThat(page.get("items").size()).isEqualTo((int) Math.min(20, all));
        }
    }

    @Test
    void itemsAreTheAccountViewsWithTheirTokenStatusAsOfNow() throws Exception {
        String tag = tag();
        UUID active = UUID.randomUUID();
        append(active, List.of(
                new AccountRegistered(active, "Hedy", "Lamarr" + tag, "hedy@example.com"),
                new TokenGenerated(active, UUID.randomUUID(), "ab".repeat(32), "H3dy", NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(30)).plus(Duration.ofHours(12)))));
        UUID expiringSoon = UUID.randomUUID();
        append(expiringSoon, List.of(
                new AccountRegistered(expiringSoon, "Katherine", "Johnson" + tag, "kj@example.com"),
                new TokenGenerated(expiringSoon, UUID.randomUUID(), "cd".repeat(32), "K4th", NOW.minus(Duration.ofDays(5)),
                        NOW.plus(Duration.ofDays(2)))));
        JsonNode activeView = json.readTree(awaitVersion(active, 1).body());
        JsonNode expiringSoonView = json.readTree(awaitVersion(expiringSoon, 1).body());

        JsonNode items = json.readTree(get("/api/accounts?search=" + tag).body()).get("items");

        assertThat(items.get(0)).isEqualTo(expiringSoonView);
        assertThat(items.get(1)).isEqualTo(activeView);
        assertThat(items.get(0).get("apiToken").get("status").asString()).isEqualTo("EXPIRING_SOON");
        assertThat(items.get(0).get("apiToken").get("daysUntilExpiry").asLong()).isEqualTo(2);
        assertThat(items.get(1).get("apiToken").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(items.get(1).get("apiToken").get("daysUntilExpiry").asLong()).isEqualTo(31);
        assertThat(items.toString()).doesNotContain("ab".repeat(32), "cd".repeat(32));
    }

    @Test
    void aHundredPerPageIsServedAndMoreIsRefusedWithAProblem() throws Exception {
        assertThat(get("/api/accounts?size=100").statusCode()).isEqualTo(200);

        HttpResponse<String> response = get("/api/accounts?size=101");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:invalid-parameter");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isEqualTo("'size' must be at most 100");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void badPagingParametersAreProblemsNeverServerErrors() throws Exception {
        for (String query : List.of("page=-1", "size=0", "size=-1", "page=abc", "size=ten", "page=1e3",
                "page=99999999999", "page=21474837", "size=2147483648")) {
            HttpResponse<String> response = get("/api/accounts?" + query);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).contains("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("type").asString()).as(query).isEqualTo("urn:eoc:problem:invalid-parameter");
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
    }

    /** The last page whose offset JPA can still address answers, empty, instead of overflowing. */
    @Test
    void theFarthestAllowedPageAnswersEmpty() throws Exception {
        HttpResponse<String> response = get("/api/accounts?page=21474836&size=100");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("items").isEmpty()).isTrue();
    }

    @Test
    void theOpenApiDescriptionListsTheDashboardsEndpointsAndThePageLimit() throws Exception {
        JsonNode paths = json.readTree(get("/v3/api-docs").body()).get("paths");

        assertThat(paths.get("/api/stats").has("get")).isTrue();
        JsonNode size = null;
        for (JsonNode parameter : paths.get("/api/accounts").get("get").get("parameters")) {
            if (parameter.get("name").asString().equals("size")) {
                size = parameter;
            }
        }
        assertThat(size).isNotNull();
        assertThat(size.get("schema").get("maximum").asInt()).isEqualTo(100);
        assertThat(size.get("schema").get("default").asInt()).isEqualTo(20);
    }

    @Test
    void pgTrgmIsInstalledByTheMigration() {
        assertThat(jdbc.queryForObject("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'",
                String.class)).isEqualTo("query_side");
    }

    /**
     * On a table large enough for the planner to care, a substring search reads the trigram
     * indexes instead of the whole table.
     */
    @Test
    void substringSearchOfALargeTableUsesTheTrigramIndexes() {
        List<String> plan = withManyAccounts(() -> jdbc.queryForList("""
                EXPLAIN SELECT * FROM query_side.account_view a
                 WHERE lower(a.first_name) LIKE lower('%ovelac%') ESCAPE '\\'
                    OR lower(a.last_name) LIKE lower('%ovelac%') ESCAPE '\\'
                    OR lower(a.email) LIKE lower('%ovelac%') ESCAPE '\\'
                 ORDER BY a.last_name, a.first_name, a.account_id LIMIT 20""", String.class));

        assertThat(String.join("\n", plan))
                .as("the plan of the SQL that the search's JPQL query becomes")
                .contains("account_view_first_name_trgm", "account_view_last_name_trgm", "account_view_email_trgm")
                .doesNotContain("Seq Scan");
    }

    /**
     * Once the driver prepares the search's statements on the server, PostgreSQL would be free to
     * plan them once for every term; with the table's statistics here it does, and the generic
     * plan is the wrong one for most terms.
     */
    @Test
    void everySearchIsPlannedForItsOwnTerm() {
        List<Long> genericPlans = withManyAccounts(() -> {
            for (int i = 0; i < 20; i++) {
                search.find(i % 2 == 0 ? "ovelac" : "ser12", PageRequest.of(0, 20, Sort.by("lastName")));
            }
            return jdbc.queryForList("""
                    SELECT generic_plans FROM pg_prepared_statements
                     WHERE statement LIKE '%from query_side.account_view%like%'""", Long.class);
        });

        assertThat(genericPlans).as("the search statements prepared on the server").isNotEmpty().containsOnly(0L);
    }

    /**
     * Runs {@code work} with 20,000 more accounts in the view, in one transaction that is rolled
     * back afterwards, so no other test sees them.
     */
    private <T> T withManyAccounts(Supplier<T> work) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.update("""
                    INSERT INTO query_side.account_view (account_id, subject, first_name, last_name, email, version,
                        updated_at)
                    SELECT id, id::text, 'First' || i, 'Last' || md5(i::text), 'user' || i || '@example.com', 0, now()
                      FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, 20000) AS i) AS accounts""");
            // VACUUM would do both, but it cannot run in a transaction: fresh statistics, and the
            // new index entries moved out of the GIN pending list (which the planner counts as
            // extra cost on top of the index)
            jdbc.execute("ANALYZE query_side.account_view");
            for (String index : List.of("account_view_first_name_trgm", "account_view_last_name_trgm",
                    "account_view_email_trgm")) {
                jdbc.queryForObject("SELECT gin_clean_pending_list(?::regclass)", Long.class, "query_side." + index);
            }
            return work.get();
        });
    }

    /** Letters from a set that no fixed test data strings together, so only this test's accounts match. */
    private static String tag() {
        String letters = "jkqvwxz";
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            tag.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return tag.toString();
    }

    private static String mixedCase(String text) {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            mixed.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    private List<UUID> idsFound(String search) throws Exception {
        HttpResponse<String> response = get("/api/accounts?search=" + encode(search));
        assertThat(response.statusCode()).isEqualTo(200);
        return ids(json.readTree(response.body()));
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(UUID.fromString(item.get("accountId").asString())));
        return ids;
    }

    private UUID register(String firstName, String lastName, String email) {
        UUID accountId = UUID.randomUUID();
        append(accountId, List.of(new AccountRegistered(accountId, firstName, lastName, email)));
        return accountId;
    }

    private void append(UUID accountId, List<AccountEvent> events) {
        storageEngine.appendEvents(StoredEvents.of(accountId, 0, Instant.now().truncatedTo(ChronoUnit.MILLIS), events));
    }

    private void awaitProjected(UUID... accountIds) {
        for (UUID accountId : accountIds) {
            awaitVersion(accountId, 0);
        }
    }

    private HttpResponse<String> awaitVersion(UUID accountId, long version) {
        return QuerySideHttp.awaitVersion(port, accountId, version);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return QuerySideHttp.get(port, path);
    }
}

package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.query.StoredEvents;
import com.eoc.accounts.query.TestJwts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * What the query side's Prometheus scrape tells an operator of its processors, over real HTTP on
 * PostgreSQL: gauges of position, lag, segments and dead letters beside Axon's own meters and
 * Spring Boot's, for administrators only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext
class ProcessorSignalsIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theScrapeTellsWhereTheProcessorIsAndWhatItHasHandled() throws Exception {
        UUID accountId = UUID.randomUUID();
        append(accountId, 0, new AccountRegistered(accountId, "Ada", "Lovelace", accountId + "@example.com"),
                new UserRenamed(accountId, "Ada", "King"));
        QuerySideHttp.awaitVersion(port, accountId, 1);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM eventstore.domain_event_entry", Long.class);

        String scrape = await().atMost(PATIENCE).until(this::scrape,
                metrics -> value(metrics, "accounts_processor_position", "accounts") >= head);

        assertThat(value(scrape, "accounts_processor_lag_events", "accounts")).isZero();
        assertThat(value(scrape, "accounts_processor_dead_letters", "accounts")).isZero();
        assertThat(value(scrape, "accounts_processor_segments_claimed", "accounts")).isPositive();
        assertThat(value(scrape, "accounts_processor_segments_failing", "accounts")).isZero();
        assertThat(scrape).contains("eventProcessor_", "processor=\"accounts\"", "http_server_requests_seconds",
                "hikaricp_connections_active", "jvm_memory_used_bytes", "application=\"query-side\"");
    }

    @Test
    void theScrapeIsForAdministratorsOnly() throws Exception {
        assertThat(QuerySideHttp.get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(QuerySideHttp.get(port, "/actuator/prometheus", TestJwts.mint("dashboard", "viewer")).statusCode())
                .isEqualTo(403);
    }

    private void append(UUID accountId, long firstSequence, AccountEvent... events) {
        storageEngine.appendEvents(StoredEvents.of(accountId, firstSequence,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of(events)));
    }

    /** As Prometheus asks: its text format, not JSON. */
    private String scrape() throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + TestJwts.admin()).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        return scrape.body();
    }

    /** The value of the series {@code name} whose processor tag is {@code processor}. */
    private static double value(String scrape, String name, String processor) {
        Matcher line = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        while (line.find()) {
            if (line.group(1).contains("processor=\"" + processor + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError(name + "{processor=\"" + processor + "\"} is not in the scrape");
    }
}

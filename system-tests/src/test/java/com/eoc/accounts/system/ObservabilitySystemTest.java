package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.system.Accounts.Person;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operators see of one request across both applications: the caller's W3C trace context
 * and correlation id are honoured, answered, recorded in the event, and named by the log lines
 * of both sides for that account change; and every metric that the documented Grafana dashboard
 * asks for is in the applications' Prometheus scrapes.
 */
class ObservabilitySystemTest {

    /** A metric name in a PromQL expression: the name right before its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningSystem system;
    private static Accounts accounts;

    @BeforeAll
    static void startBothApplications() {
        system = RunningSystem.get();
        accounts = new Accounts(system);
    }

    @Test
    void oneTraceAndOneCorrelationIdFollowAnAccountChangeThroughBothSides() throws Exception {
        Person person = accounts.register("Trace", "Parent");
        String traceId = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        String correlationId = "observability-" + UUID.randomUUID();

        HttpResponse<String> renamed = system.commandSide.exchange("PUT", "/api/accounts/" + person.id() + "/name",
                Body.json("{\"firstName\":\"Trace\",\"lastName\":\"Child\"}"), system.jwt(person.id()),
                BodyHandlers.ofString(),
                "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8))
                        + "-01",
                "X-Correlation-Id", correlationId);

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        accounts.awaitView(person.id(), 1);
        assertThat(awaitLine(system.commandSide, traceId, "RenameUser")).contains(correlationId);
        assertThat(awaitLine(system.querySide, traceId, "UserRenamed")).contains(correlationId);
        JsonNode history = JSON.readTree(system.querySide.send("GET", "/api/accounts/" + person.id() + "/history",
                null, system.admin()).body());
        assertThat(history.get(1).get("correlationId").asString()).isEqualTo(correlationId);
    }

    @Test
    void aRequestWithoutAWellFormedCorrelationIdIsGivenOne() throws Exception {
        HttpResponse<String> policy = system.querySide.exchange("GET", "/api/token-policy", Body.none(),
                system.admin(), BodyHandlers.ofString(), "X-Correlation-Id", "no spaces\tor tabs");

        assertThat(policy.statusCode()).isEqualTo(200);
        assertThat(policy.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(id ->
                assertThat(UUID.fromString(id)).isNotNull());
    }

    @Test
    void everyMetricOfTheDashboardIsScraped() throws Exception {
        accounts.register("Scraped", "Once"); // a command's and an event's meters exist from the first one on
        String scrapes = scrape(system.commandSide) + scrape(system.querySide);
        JsonNode dashboard = JSON.readTree(Files.readString(Path.of(System.getProperty("grafanaDashboard"))));

        Set<String> asked = new TreeSet<>();
        for (JsonNode expression : dashboard.findValues("expr")) {
            Matcher selector = SELECTOR.matcher(expression.asString());
            while (selector.find()) {
                asked.add(selector.group(1));
            }
        }

        assertThat(asked).hasSizeGreaterThan(10);
        assertThat(asked).allSatisfy(name ->
                assertThat(scrapes).as("the scrapes of both sides").containsPattern("(?m)^" + name + "[{ ]"));
    }

    private static String scrape(Application application) throws Exception {
        HttpResponse<String> scrape = application.send("GET", "/actuator/prometheus", null, system.admin());
        assertThat(scrape.statusCode()).as(scrape.body()).isEqualTo(200);
        return scrape.body();
    }

    /** The first log line of {@code application} that holds both words, once it is written. */
    private static String awaitLine(Application application, String traceId, String word) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            String line = application.log().lines().filter(l -> l.contains(traceId) && l.contains(word))
                    .findFirst().orElse(null);
            if (line != null) {
                return line;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no log line of " + application.baseUrl() + " names trace " + traceId
                        + " and " + word);
            }
            Application.sleep(100);
        }
    }
}

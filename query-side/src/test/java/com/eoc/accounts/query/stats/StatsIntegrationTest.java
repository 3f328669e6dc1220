package com.eoc.accounts.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.events.AccountClosed;
import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.query.StoredEvents;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AccountReopened;
import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/stats} over HTTP on PostgreSQL, with "now" fixed, on a database of its own so
 * that the counters are exactly this test's accounts. Each counter must agree with the status
 * that {@code GET /api/accounts/{id}} shows at the same instant, boundaries included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
// no other test class shares this context: closed at once, its processor does not outlive the tests
@DirtiesContext
@Import(StatsIntegrationTest.FixedClock.class)
class StatsIntegrationTest {

    /** A few hundred nanoseconds into a microsecond, finer than PostgreSQL keeps time. */
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00.000000600Z");
    static final Instant WHOLE_MICROSECOND = Instant.parse("2026-11-28T12:00:00Z");
    static final Duration WARNING = Duration.ofDays(7);
    static final Duration MICROSECOND = Duration.ofNanos(1000);

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

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void countersAgreeWithTheAccountViewsAtTheSameInstant() throws Exception {
        Map<UUID, String> expectedStatus = new LinkedHashMap<>();
        expectedStatus.put(withToken(WHOLE_MICROSECOND.plus(Duration.ofDays(30))), "ACTIVE");
        expectedStatus.put(withToken(WHOLE_MICROSECOND.plus(WARNING).plus(MICROSECOND)), "ACTIVE");
        expectedStatus.put(withToken(WHOLE_MICROSECOND.plus(WARNING)), "EXPIRING_SOON");
        expectedStatus.put(withToken(WHOLE_MICROSECOND.plus(MICROSECOND)), "EXPIRING_SOON");
        expectedStatus.put(withToken(WHOLE_MICROSECOND), "EXPIRED");
        expectedStatus.put(withToken(WHOLE_MICROSECOND.minus(Duration.ofDays(3))), "EXPIRED");
        // 7-day tokens warn from their half-life on: a microsecond before it, and at it
        Instant halfLifeNow = WHOLE_MICROSECOND.plus(Duration.ofHours(84));
        expectedStatus.put(withToken(halfLifeNow.plus(MICROSECOND).minus(Duration.ofDays(7)),
                halfLifeNow.plus(MICROSECOND)), "ACTIVE");
        expectedStatus.put(withToken(halfLifeNow.minus(Duration.ofDays(7)), halfLifeNow), "EXPIRING_SOON");
        UUID deletedToken = UUID.randomUUID();
        UUID tokenId = UUID.randomUUID();
        append(deletedToken, List.of(registered(deletedToken),
                generated(deletedToken, tokenId, WHOLE_MICROSECOND.plus(Duration.ofDays(30))),
                new TokenDeleted(deletedToken, tokenId)));
        UUID avatarOnly = UUID.randomUUID();
        append(avatarOnly, List.of(registered(avatarOnly), avatar(avatarOnly)));
        UUID avatarAndToken = UUID.randomUUID();
        append(avatarAndToken, List.of(registered(avatarAndToken), avatar(avatarAndToken),
                generated(avatarAndToken, UUID.randomUUID(), WHOLE_MICROSECOND.plus(Duration.ofDays(90)))));
        expectedStatus.put(avatarAndToken, "ACTIVE");
        UUID nothing = UUID.randomUUID();
        append(nothing, List.of(registered(nothing)));
        UUID closed = UUID.randomUUID();
        append(closed, List.of(registered(closed), avatar(closed), new AccountClosed(closed)));
        UUID reopened = UUID.randomUUID();
        append(reopened, List.of(registered(reopened), new AccountClosed(reopened), new AccountReopened(reopened)));

        awaitVersion(deletedToken, 2);
        awaitVersion(avatarOnly, 1);
        awaitVersion(avatarAndToken, 2);
        awaitVersion(nothing, 0);
        awaitVersion(closed, 2);
        awaitVersion(reopened, 2);
        for (UUID accountId : expectedStatus.keySet()) {
            JsonNode view = json.readTree(awaitVersion(accountId, 1).body());
            assertThat(view.get("apiToken").get("status").asString()).as("status of %s", accountId)
                    .isEqualTo(expectedStatus.get(accountId));
        }

        HttpResponse<String> response = get("/api/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode stats = json.readTree(response.body());
        assertThat(stats.get("accounts").asLong()).isEqualTo(14);
        assertThat(stats.get("activeTokens").asLong()).isEqualTo(4);
        assertThat(stats.get("expiringSoonTokens").asLong()).isEqualTo(3);
        assertThat(stats.get("expiredTokens").asLong()).isEqualTo(2);
        assertThat(stats.get("accountsWithAvatar").asLong()).isEqualTo(3);
        assertThat(stats.get("closedAccounts").asLong()).isEqualTo(1);
        assertThat(stats.properties()).hasSize(6);
        assertThat(tallyOfTheListedStatuses()).isEqualTo(Map.of(
                "ACTIVE", stats.get("activeTokens").asLong(),
                "EXPIRING_SOON", stats.get("expiringSoonTokens").asLong(),
                "EXPIRED", stats.get("expiredTokens").asLong()));
    }

    /** The token statuses as the dashboards' account list shows them, counted. */
    private Map<String, Long> tallyOfTheListedStatuses() throws Exception {
        Map<String, Long> tally = new LinkedHashMap<>();
        JsonNode page = json.readTree(get("/api/accounts?size=100").body());
        for (JsonNode item : page.get("items")) {
            if (!item.get("apiToken").isNull()) {
                tally.merge(item.get("apiToken").get("status").asString(), 1L, Long::sum);
            }
        }
        return tally;
    }

    /** A 30-day token expiring at {@code expiresAt}. */
    private UUID withToken(Instant expiresAt) {
        return withToken(expiresAt.minus(Duration.ofDays(30)), expiresAt);
    }

    private UUID withToken(Instant createdAt, Instant expiresAt) {
        UUID accountId = UUID.randomUUID();
        append(accountId, List.of(registered(accountId),
                new TokenGenerated(accountId, UUID.randomUUID(), "ab".repeat(32), "Zx81", createdAt, expiresAt)));
        return accountId;
    }

    private static AccountRegistered registered(UUID accountId) {
        return new AccountRegistered(accountId, "Ada", "Lovelace", accountId + "@example.com");
    }

    private static TokenGenerated generated(UUID accountId, UUID tokenId, Instant expiresAt) {
        return new TokenGenerated(accountId, tokenId, "ab".repeat(32), "Zx81", expiresAt.minus(Duration.ofDays(30)),
                expiresAt);
    }

    private static AvatarChanged avatar(UUID accountId) {
        return new AvatarChanged(accountId, "ef".repeat(32), "image/png", 64, 64, 2048L);
    }

    private void append(UUID accountId, List<AccountEvent> events) {
        storageEngine.appendEvents(StoredEvents.of(accountId, 0, WHOLE_MICROSECOND.minus(Duration.ofDays(31)), events));
    }

    private HttpResponse<String> awaitVersion(UUID accountId, long version) {
        return QuerySideHttp.awaitVersion(port, accountId, version);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return QuerySideHttp.get(port, path);
    }
}

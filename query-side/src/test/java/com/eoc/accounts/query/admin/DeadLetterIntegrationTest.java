package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.EmailChanged;
import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event that the "accounts" processing group cannot handle, on the real path: a second handler
 * in the group, registered by this test only, fails for the accounts it is told to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(DeadLetterIntegrationTest.Poisoning.class)
class DeadLetterIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PoisonedAccounts poisoned;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void poisonedEventIsDeadLetteredWhileTheNextAccountFlowsAndARetryCatchesUpOnceItIsCured() throws Exception {
        UUID poisonedId = UUID.randomUUID();
        // in the same segment, so the very thread that failed must go on with it
        UUID nextId = accountInTheSegmentOf(poisonedId);
        poisoned.accounts.add(poisonedId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(poisonedId, now,
                new AccountRegistered(poisonedId, "Grace", "Hopper", "grace@example.com"),
                new EmailChanged(poisonedId, "grace.hopper@example.com"),
                new UserRenamed(poisonedId, "Grace", "Brewster Hopper"));
        append(nextId, now.plusSeconds(1),
                new AccountRegistered(nextId, "Alan", "Turing", "alan@example.com"),
                new EmailChanged(nextId, "alan.turing@example.com"),
                new UserRenamed(nextId, "Alan", "Mathison Turing"));

        await().atMost(TIMEOUT).until(() -> version(nextId) == 2);
        assertThat(view(nextId)).containsEntry("email", "alan.turing@example.com")
                .containsEntry("last_name", "Mathison Turing");
        // the failed event and the rename queued behind it: nothing after the failure was applied
        assertThat(view(poisonedId)).containsEntry("last_name", "Hopper");
        assertThat(deadLetterCauses(poisonedId)).containsExactly(IllegalStateException.class.getName(), null);
        JsonNode processor = json.readTree(get("/api/admin/processors/accounts").body());
        assertThat(processor.get("deadLetters").asLong()).isEqualTo(2);
        assertThat(processor.get("failing").asBoolean()).isFalse();

        poisoned.accounts.remove(poisonedId);
        HttpResponse<String> retry = post("/api/admin/processors/accounts/dead-letters/retry");

        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/admin/processors/accounts"));
        await().atMost(TIMEOUT).until(() -> json.readTree(get("/api/admin/processors/accounts").body())
                .get("deadLetters").asLong() == 0);
        assertThat(view(poisonedId)).containsEntry("email", "grace.hopper@example.com")
                .containsEntry("last_name", "Brewster Hopper").containsEntry("version", 2L);
    }

    @Test
    void eventsOfAnAccountWithADeadLetterQueueBehindItUntilRetried() throws Exception {
        UUID poisonedId = UUID.randomUUID();
        poisoned.accounts.add(poisonedId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(poisonedId, now,
                new AccountRegistered(poisonedId, "Barbara", "Liskov", "bl@example.com"),
                new EmailChanged(poisonedId, "barbara@example.com"));
        await().atMost(TIMEOUT).until(() -> deadLetterCauses(poisonedId).size() == 1);
        poisoned.accounts.remove(poisonedId);

        // cured, but not retried yet: a later event must not overtake the parked one
        storageEngine.appendEvents(List.of(new GenericDomainEventMessage<>("Account", poisonedId.toString(), 2,
                new UserRenamed(poisonedId, "Barbara", "Jane Liskov"), Map.of())));

        await().atMost(TIMEOUT).until(() -> deadLetterCauses(poisonedId).size() == 2);
        assertThat(view(poisonedId)).containsEntry("last_name", "Liskov");
        assertThat(post("/api/admin/processors/accounts/dead-letters/retry").statusCode()).isEqualTo(202);
        await().atMost(TIMEOUT).until(() -> version(poisonedId) == 2);
        assertThat(view(poisonedId)).containsEntry("email", "barbara@example.com")
                .containsEntry("last_name", "Jane Liskov");
        assertThat(deadLetterCauses(poisonedId)).isEmpty();
    }

    @Test
    void aReplayDropsTheOldLettersAndParksWhatStillFailsOnce() throws Exception {
        UUID poisonedId = UUID.randomUUID();
        poisoned.accounts.add(poisonedId);
        append(poisonedId, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new AccountRegistered(poisonedId, "Edsger", "Dijkstra", "ewd@example.com"),
                new EmailChanged(poisonedId, "edsger@example.com"),
                new UserRenamed(poisonedId, "Edsger", "Wybe Dijkstra"));
        await().atMost(TIMEOUT).until(() -> deadLetterCauses(poisonedId).size() == 2);

        assertThat(post("/api/admin/processors/accounts/replay").statusCode()).isEqualTo(202);

        // the replay hands both events to the handlers again, which park them anew: two letters, not four
        await().atMost(TIMEOUT).until(() -> json.readTree(get("/api/admin/processors/accounts").body())
                .path("replaying").asBoolean(true) == false);
        assertThat(deadLetterCauses(poisonedId)).containsExactly(IllegalStateException.class.getName(), null);

        poisoned.accounts.remove(poisonedId);
        assertThat(post("/api/admin/processors/accounts/dead-letters/retry").statusCode()).isEqualTo(202);
        await().atMost(TIMEOUT).until(() -> deadLetterCauses(poisonedId).isEmpty());
    }

    @Test
    void deadLettersAreStoredAsByteaNeverAsOid() {
        assertThat(jdbc.queryForList("""
                SELECT column_name || ' ' || data_type FROM information_schema.columns
                 WHERE table_schema = 'query_side' AND table_name = 'dead_letter_entry'
                   AND column_name IN ('payload', 'meta_data', 'token', 'diagnostics')
                 ORDER BY column_name""", String.class))
                .containsExactly("diagnostics bytea", "meta_data bytea", "payload bytea", "token bytea");
    }

    @Test
    void retryOfAnUnknownProcessorIsA404Problem() throws Exception {
        HttpResponse<String> response = post("/api/admin/processors/nothing-like-it/dead-letters/retry");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asString())
                .isEqualTo("urn:eoc:problem:processor-not-found");
    }

    /** Causes of the account's dead letters in queue order; null for a letter only queued behind. */
    private List<String> deadLetterCauses(UUID accountId) {
        return jdbc.query("""
                SELECT cause_type FROM query_side.dead_letter_entry
                 WHERE processing_group = 'accounts' AND sequence_identifier = ? ORDER BY sequence_index""",
                (row, index) -> row.getString(1), accountId.toString());
    }

    private UUID accountInTheSegmentOf(UUID accountId) {
        await().atMost(TIMEOUT).until(() -> !segmentIds().isEmpty());
        Segment segment = Arrays.stream(Segment.computeSegments(segmentIds().stream().mapToInt(Integer::intValue)
                        .toArray()))
                .filter(candidate -> candidate.matches(accountId.toString())).findFirst().orElseThrow();
        UUID other;
        do {
            other = UUID.randomUUID();
        } while (!segment.matches(other.toString()));
        return other;
    }

    private List<Integer> segmentIds() {
        return jdbc.queryForList("SELECT segment FROM query_side.token_entry WHERE processor_name = 'accounts'",
                Integer.class);
    }

    private long version(UUID accountId) {
        List<Long> versions = jdbc.queryForList("SELECT version FROM query_side.account_view WHERE account_id = ?",
                Long.class, accountId);
        return versions.isEmpty() ? -1 : versions.get(0);
    }

    private Map<String, Object> view(UUID accountId) {
        return jdbc.queryForMap("SELECT * FROM query_side.account_view WHERE account_id = ?", accountId);
    }

    private void append(UUID accountId, Instant firstAt, AccountEvent... events) {
        List<GenericDomainEventMessage<AccountEvent>> messages = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            messages.add(new GenericDomainEventMessage<>("Account", accountId.toString(), i, events[i],
                    Map.of("actor", "dead-letter-test"), UUID.randomUUID().toString(), firstAt.plusMillis(i)));
        }
        storageEngine.appendEvents(messages);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return QuerySideHttp.get(port, path);
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return QuerySideHttp.post(port, path);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Poisoning {

        @Bean
        PoisonedAccounts poisonedAccounts() {
            return new PoisonedAccounts();
        }
    }

    /** A handler in the accounts processing group that cannot handle an email change of the listed accounts. */
    @ProcessingGroup("accounts")
    static class PoisonedAccounts {

        final Set<UUID> accounts = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(EmailChanged event) {
            if (accounts.contains(event.accountId())) {
                throw new IllegalStateException("this test cannot handle the email change of " + event.accountId());
            }
        }
    }
}

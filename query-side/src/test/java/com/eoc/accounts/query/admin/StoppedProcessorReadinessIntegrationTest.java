package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.UserRenamed;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.query.QuerySideHttp;
import com.eoc.accounts.query.StoredEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Readiness over real HTTP on PostgreSQL when the account view's processor stops on an error (its
 * thread ends on an {@link Error}, which Axon does not retry): the node answers 503 to the
 * readiness probe, so a load balancer stops sending it reads that would stay stale, while
 * liveness stays UP and the node goes on answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext
class StoppedProcessorReadinessIntegrationTest {

    private static final String FATAL_NAME = "Fatal";

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void aProcessorStoppedOnAnErrorMakesTheNodeUnreadyButAlive() throws Exception {
        UUID accountId = UUID.randomUUID();
        append(new AccountRegistered(accountId, "Grace", "Hopper", accountId + "@example.com"));
        QuerySideHttp.awaitVersion(port, accountId, 0);
        assertThat(health("readiness").statusCode()).isEqualTo(200);

        storageEngine.appendEvents(StoredEvents.of(accountId, 1, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of(new UserRenamed(accountId, "Grace", FATAL_NAME))));

        HttpResponse<String> notReady = await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> health("readiness"), response -> response.statusCode() == 503);
        assertThat(notReady.body()).contains("\"DOWN\"");
        assertThat(health("liveness").statusCode()).isEqualTo(200);
        assertThat(QuerySideHttp.get(port, "/api/admin/processors/accounts").body()).contains("\"name\":\"accounts\"");
    }

    private void append(AccountRegistered registered) {
        storageEngine.appendEvents(StoredEvents.of(registered.accountId(), 0,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of(registered)));
    }

    private HttpResponse<String> health(String group) throws Exception {
        return QuerySideHttp.get(port, "/actuator/health/" + group, null);
    }

    @TestConfiguration
    static class AHandlerThatStopsTheProcessor {

        /** In the account view's processing group: its error ends that processor's thread. */
        @Bean
        Fatal fatal() {
            return new Fatal();
        }
    }

    @ProcessingGroup("accounts")
    static class Fatal {

        @EventHandler
        void on(UserRenamed event) {
            if (FATAL_NAME.equals(event.lastName())) {
                throw new StackOverflowError("a handler that cannot go on");
            }
        }
    }
}

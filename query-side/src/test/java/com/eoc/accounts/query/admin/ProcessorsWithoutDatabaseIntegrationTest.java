package com.eoc.accounts.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import com.eoc.accounts.query.QuerySideHttp;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processors page while the database is gone: the processors' threads are merely waiting for
 * events, so their own flags would read "caught up, not failing"; the page answers that it does
 * not know instead, and answers again by itself once the database is back. The database is taken
 * away for real: it refuses new connections and its open ones are ended. The pool waits one
 * second for a connection here, so the answer comes without the default thirty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.connection-timeout=1000")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext
class ProcessorsWithoutDatabaseIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void processorsOfAnUnreachableDatabaseAreUnknownUntilItIsBack() throws Exception {
        awaitCaughtUp();

        HttpResponse<String> unknown;
        allowConnections(false);
        try {
            unknown = QuerySideHttp.get(port, "/api/admin/processors");
        } finally {
            allowConnections(true);
        }

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(503);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = JSON.readTree(unknown.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:eoc:problem:processor-state-unknown");
        assertThat(unknown.body()).doesNotContain("caughtUp");
        awaitCaughtUp();
    }

    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = QuerySideHttp.get(port, "/api/admin/processors/accounts");
            return response.statusCode() == 200 && JSON.readTree(response.body()).get("caughtUp").asBoolean();
        });
    }

    /** As an operator would cut the database off: no new connection, and the open ones ended. */
    private void allowConnections(boolean allowed) throws SQLException {
        String database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1).split("\\?")[0];
        try (Connection admin = SharedPostgres.server().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                try (PreparedStatement end = admin.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                    end.setString(1, database);
                    end.execute();
                }
            }
        }
    }
}

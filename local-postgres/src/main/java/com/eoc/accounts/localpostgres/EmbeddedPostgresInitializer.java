package com.eoc.accounts.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * For tests: points a Spring application context at a fresh database of its own on a real
 * PostgreSQL that is started once per JVM. Use with
 * {@code @ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)} or
 * {@code @SpringBootTest(... )} plus that annotation.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = SharedPostgres.createDatabase();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", LocalPostgres.USER,
                "spring.datasource.password", "")));
    }

    /** One server per test JVM, one database per caller. */
    public static final class SharedPostgres {

        private static EmbeddedPostgres server;

        private SharedPostgres() {
        }

        public static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = LocalPostgres.startEphemeral();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start embedded PostgreSQL", e);
                }
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    awaitSpringContextsClosed();
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temporary data folder goes with it
                    }
                }, "embedded-postgres-shutdown"));
            }
            return server;
        }

        /**
         * Shutdown hooks run at the same time: let the application contexts (their hooks are named by Spring)
         * stop their event processors while the database is still there, instead of leaving
         * them retrying against a stopped server until the JVM is killed.
         */
        private static void awaitSpringContextsClosed() {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("SpringApplicationShutdownHook")
                        || thread.getName().startsWith("SpringContextShutdownHook")) {
                    try {
                        thread.join(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /** Creates an empty database and answers its JDBC URL. */
        public static String createDatabase() {
            EmbeddedPostgres postgres = server();
            String name = "test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database", e);
            }
            return LocalPostgres.jdbcUrl(postgres.getPort(), name);
        }
    }
}

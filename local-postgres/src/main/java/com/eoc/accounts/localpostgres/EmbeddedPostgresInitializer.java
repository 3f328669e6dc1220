package com.eoc.accounts.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
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
        SharedPostgres.closeWhenTestsEnd(context);
        context.addApplicationListener(event -> {
            // a child context's close reaches its parent too
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                SharedPostgres.USERS.remove(context);
            }
        });
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", LocalPostgres.USER,
                "spring.datasource.password", "")));
    }

    /** One server per test JVM, one database per caller. */
    public static final class SharedPostgres {

        private static EmbeddedPostgres server;
        /**
         * What uses the server and is to be closed before it stops, in the order it came: the
         * application contexts not yet closed, and what {@link #closeWhenTestsEnd} was given.
         */
        private static final List<AutoCloseable> USERS = new CopyOnWriteArrayList<>();

        private SharedPostgres() {
        }

        public static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = LocalPostgres.startEphemeral();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start embedded PostgreSQL", e);
                }
                // it stops itself from a shutdown hook of its own; the contexts using it are closed
                // before that, when the tests end (ContextsClosedBeforeExit)
            }
            return server;
        }

        /**
         * Has something that uses the server (an application context, applications started as
         * processes of their own) closed when the tests end, before the server stops.
         */
        public static void closeWhenTestsEnd(AutoCloseable user) {
            USERS.add(user);
        }

        /** Closes what uses the server, the last first ({@link ContextsClosedBeforeExit}). */
        static void closeUsers() {
            List<AutoCloseable> users = new ArrayList<>(USERS);
            Collections.reverse(users);
            for (AutoCloseable user : users) {
                USERS.remove(user);
                try {
                    user.close();
                } catch (Exception e) {
                    // the others are still closed; the JVM is about to go
                    LoggerFactory.getLogger(SharedPostgres.class).warn("could not close {}", user, e);
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

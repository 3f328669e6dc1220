package com.eoc.accounts.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a real PostgreSQL 16 (binaries from Maven Central, no install, no Docker) and keeps it
 * running until the process is stopped. Used by {@code ./run}; the data folder survives restarts.
 *
 * <p>Settings are the production ones that matter for correctness and speed: {@code fsync} and
 * {@code synchronous_commit} stay on.
 */
public final class LocalPostgres {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private LocalPostgres() {
    }

    /** Starts a server on the given port with its data in the given folder (created if missing). */
    public static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        return start(dataDirectory, port, Map.of());
    }

    /** As {@link #start(Path, int)}, with further server settings (the benchmark's statement counting). */
    public static EmbeddedPostgres start(Path dataDirectory, int port, Map<String, String> settings) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB");
        settings.forEach(server::setServerConfig);
        return server.start();
    }

    /** Starts a throw-away server on a free port, for tests. */
    public static EmbeddedPostgres startEphemeral() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .start();
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /**
     * {@code java LocalPostgres <dataDirectory> <port> [name=value ...]}: prints the JDBC URL, then
     * waits to be stopped (Ctrl-C or SIGTERM), shutting the server down cleanly. Each further
     * argument is a server setting.
     */
    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : ".local/postgres");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a server setting is name=value: " + args[i]);
            }
            settings.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        EmbeddedPostgres postgres = start(dataDirectory, port, settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "local-postgres-shutdown"));
        Map<String, String> env = Map.of("url", jdbcUrl(port, DATABASE), "user", USER);
        System.out.println("PostgreSQL ready: " + env.get("url") + " (user " + env.get("user") + ", data in " + dataDirectory + ")");
        stopped.await();
    }
}

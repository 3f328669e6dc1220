package com.eoc.accounts.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.eoc.accounts.harness.Machine;

/**
 * The processes of a trial run: one PostgreSQL (the project's embedded one, in a fresh data
 * folder, on a port that survives its restarts) and as many command-side and query-side nodes as
 * the trials ask for, all on that database.
 */
final class Cluster implements AutoCloseable {

    private final Settings settings;
    private final int postgresPort;
    private final String jdbcUrl;
    private final Path signingKey;
    private final List<Node> nodes = new ArrayList<>();
    private Process postgres;

    Cluster(Settings settings) throws IOException {
        this.settings = settings;
        this.postgresPort = freePort();
        this.jdbcUrl = "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
        this.signingKey = settings.data().resolve("dev-signing-key.json").toAbsolutePath();
        Files.createDirectories(settings.logs());
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    Connection connect() throws SQLException {
        return Machine.connect(jdbcUrl);
    }

    /** Starts PostgreSQL on its data folder (kept across restarts); answers the seconds until it takes connections. */
    double startPostgres() throws IOException, InterruptedException {
        long began = System.nanoTime();
        Path log = settings.logs().resolve("postgres.log");
        postgres = new ProcessBuilder(settings.java(), "-cp", settings.postgresClasspath(),
                "com.eoc.accounts.localpostgres.LocalPostgres", settings.data().resolve("postgres").toString(),
                Integer.toString(postgresPort))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = began + TimeUnit.SECONDS.toNanos(120);
        while (!postgresAnswers()) {
            if (!postgres.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not start (log: " + log + ")");
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - began) / 1e9;
    }

    /**
     * Stops PostgreSQL as an operator or a failover would: a fast shutdown, which ends every
     * connection at once. Answers when the server is gone.
     */
    void stopPostgres() throws InterruptedException {
        postgres.destroy(); // LocalPostgres stops its server from its shutdown hook
        if (!postgres.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("PostgreSQL did not stop within 60 s");
        }
    }

    boolean postgresAnswers() {
        try (Connection connection = connect()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A command-side node, not yet started. */
    Node commandSide(String name) throws IOException {
        return node(name, settings.commandOptions(), settings.commandJar());
    }

    /** A query-side node, not yet started. */
    Node querySide(String name) throws IOException {
        return node(name, settings.queryOptions(), settings.queryJar());
    }

    private Node node(String name, Path options, Path jar) throws IOException {
        int port = freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("DEV_SIGNING_KEY_FILE", signingKey.toString());
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        // as ./run and the Dockerfiles set it: two malloc arenas, not eight per core
        environment.put("MALLOC_ARENA_MAX", "2");
        Node node = new Node(name, Node.javaCommand(settings, options, jar), environment,
                settings.logs().resolve(name + ".log"), port);
        nodes.add(node);
        return node;
    }

    /** The applications first (newest first), then PostgreSQL, so that none of them writes into a closed database. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null && postgres.isAlive()) {
            try {
                stopPostgres();
            } catch (InterruptedException | RuntimeException e) {
                postgres.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

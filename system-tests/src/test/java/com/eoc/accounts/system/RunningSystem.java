package com.eoc.accounts.system;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import com.eoc.accounts.localpostgres.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Both applications on one fresh database, started once for all system tests of this JVM (each
 * start costs seconds) and stopped when the JVM ends. Tests share it, so each uses its own
 * accounts and email addresses. The page's server, {@code web}, is started in front of them only
 * when a test asks for it ({@link #web()}): the browser tests.
 *
 * <p>They run in the {@code local} profile, as under {@code ./run}: JWTs are signed with a key
 * that the command side makes on its first start and the query side reads from the same file,
 * and {@code POST /dev/tokens} on the command side hands them out ({@link #jwt}). The web
 * application's local identity provider signs with the same key, as the issuer that both sides
 * are told of, so its port is chosen before they start.
 */
final class RunningSystem {

    /** The subject of the administrator's JWT: what the events of its commands name as their actor. */
    static final String ADMIN = "system-test-admin";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningSystem instance;

    final String databaseUrl;
    final Application commandSide;
    final Application querySide;
    private final Map<String, String> environment;
    private final int webPort;
    private Application web;
    private final Map<List<String>, String> jwts = new ConcurrentHashMap<>();

    private RunningSystem(String databaseUrl, Application commandSide, Application querySide,
                          Map<String, String> environment, int webPort) {
        this.databaseUrl = databaseUrl;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.environment = environment;
        this.webPort = webPort;
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = start();
            RunningSystem started = instance;
            Runnable stop = () -> {
                started.stopWeb();
                started.querySide.close();
                started.commandSide.close();
            };
            // stopped while the database is still there: they write their last positions as they
            // stop; the hook is for a JVM that ends otherwise (stopping twice does nothing more)
            SharedPostgres.closeWhenTestsEnd(stop::run);
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "stop-applications"));
        }
        return instance;
    }

    /**
     * A JWT for {@code subject} (an account id for its owner, else a service's name) with the
     * given roles, from {@code POST /dev/tokens}; the same one again for the same question.
     */
    String jwt(String subject, String... roles) {
        return jwts.computeIfAbsent(Stream.concat(Stream.of(subject), Stream.of(roles)).toList(),
                ignored -> mint(subject, roles));
    }

    /**
     * The page's server in front of both sides, as under {@code ./run}: started on the first call
     * (in the {@code local} profile, with its identity provider), the same one afterwards.
     */
    synchronized Application web() {
        if (web == null) {
            Map<String, String> webEnvironment = new HashMap<>(environment);
            webEnvironment.put("COMMAND_SIDE_URL", commandSide.baseUrl());
            webEnvironment.put("QUERY_SIDE_URL", querySide.baseUrl());
            try {
                web = Application.start("web", "web.jar", webEnvironment, webPort);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the web application", e);
            }
        }
        return web;
    }

    /**
     * One more command-side node on the same database, keys and settings as {@link #commandSide}:
     * for tests of several nodes. The caller closes it.
     */
    Application startAnotherCommandSide(String name) {
        try {
            return Application.start(name, "commandSide.jar", environment);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    private synchronized void stopWeb() {
        if (web != null) {
            web.close();
        }
    }

    /** A JWT with the role {@code admin}: may do anything. */
    String admin() {
        return jwt(ADMIN, "admin");
    }

    private String mint(String subject, String... roles) {
        try {
            HttpResponse<String> minted = commandSide.send("POST", "/dev/tokens",
                    JSON.writeValueAsString(Map.of("subject", subject, "roles", List.of(roles))));
            if (minted.statusCode() != 200) {
                throw new IllegalStateException("POST /dev/tokens answered " + minted.statusCode() + " "
                        + minted.body());
            }
            return JSON.readTree(minted.body()).get("token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The environment of both sides in the {@code local} profile, as under {@code ./run}: on this
     * database, with JWTs signed by the key in {@code signingKey} (made by the command side on its
     * first start) and issued by {@code http://localhost:issuerPort}.
     */
    static Map<String, String> localEnvironment(String databaseUrl, Path signingKey, int issuerPort) {
        return Map.of(
                "SPRING_DATASOURCE_URL", databaseUrl,
                "SPRING_DATASOURCE_USERNAME", LocalPostgres.USER,
                "SPRING_DATASOURCE_PASSWORD", "",
                "SPRING_PROFILES_ACTIVE", "local",
                "DEV_SIGNING_KEY_FILE", signingKey.toString(),
                "LOCAL_ISSUER", "http://localhost:" + issuerPort,
                // the checkpoints' key beside the JWTs' one; checkpoints signed when a test asks
                "AUDIT_SIGNING_KEY_FILE", signingKey.resolveSibling("system-test-audit-key.pem").toString(),
                "AUDIT_CHECKPOINT_INTERVAL", "PT1H",
                // Axon's message log: a line per command and event handled, with their trace and correlation ids
                "LOGGING_LEVEL_COM_EOC_ACCOUNTS_MESSAGES", "info");
    }

    private static RunningSystem start() {
        String databaseUrl = SharedPostgres.createDatabase();
        try {
            // a key of this run's own, made by the command side as on a fresh clone
            Path signingKey = Path.of(System.getProperty("signingKeyFile"));
            Files.deleteIfExists(signingKey);
            int webPort = Application.freePort();
            // the local identity provider is the web application: its address is the issuer
            Map<String, String> environment = localEnvironment(databaseUrl, signingKey, webPort);
            // the command side's migrations create the event tables that the query side reads, and
            // it makes the signing key that the query side reads: it starts first
            Application commandSide = Application.start("command-side", "commandSide.jar", environment);
            Application querySide = Application.start("query-side", "querySide.jar", environment);
            return new RunningSystem(databaseUrl, commandSide, querySide, environment, webPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the applications", e);
        }
    }
}

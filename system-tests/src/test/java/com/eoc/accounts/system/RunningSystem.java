package com.eoc.accounts.system;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer.SharedPostgres;
import com.eoc.accounts.localpostgres.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Both applications on one fresh database, started once for all system tests of this JVM (each
 * start costs seconds) and stopped when the JVM ends. Tests share it, so each uses its own
 * accounts and email addresses.
 */
final class RunningSystem {

    private static RunningSystem instance;

    final String databaseUrl;
    final Application commandSide;
    final Application querySide;

    private RunningSystem(String databaseUrl, Application commandSide, Application querySide) {
        this.databaseUrl = databaseUrl;
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.querySide.close();
                instance.commandSide.close();
            }, "stop-applications"));
        }
        return instance;
    }

    private static RunningSystem start() {
        String databaseUrl = SharedPostgres.createDatabase();
        Map<String, String> database = Map.of(
                "SPRING_DATASOURCE_URL", databaseUrl,
                "SPRING_DATASOURCE_USERNAME", LocalPostgres.USER,
                "SPRING_DATASOURCE_PASSWORD", "");
        try {
            // the command side's migrations create the event tables that the query side reads
            Application commandSide = Application.start("command-side", "commandSide.jar", database);
            Application querySide = Application.start("query-side", "querySide.jar", database);
            return new RunningSystem(databaseUrl, commandSide, querySide);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the applications", e);
        }
    }
}

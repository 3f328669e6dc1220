package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Arguments;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What bench/run tells the harness: where everything listens, and how hard and how long to
 * measure. Given as {@code --name=value} arguments.
 */
record Settings(boolean full, String jdbcUrl, URI commandSide, URI querySide, URI crud, long commandSidePid,
                long querySidePid, long crudPid, Path postgresData, Path output, int clients, Duration warmup, Duration warmupCeiling, Duration measure,
                int slices, int accounts,
                long replayEvents, String appJavaOptions, boolean statements) {

    static Settings parse(String[] args) {
        Arguments values = Arguments.parse(args);
        boolean full = values.full();
        Duration warmup = Duration.ofSeconds(Long.parseLong(values.get("warmup", full ? "20" : "10")));
        Duration warmupCeiling = Duration.ofSeconds(Long.parseLong(values.get("warmup-max", full ? "120" : "90")));
        return new Settings(full,
                values.required("jdbc-url"),
                URI.create(values.required("command-side")),
                URI.create(values.required("query-side")),
                URI.create(values.required("crud")),
                Long.parseLong(values.required("command-side-pid")),
                Long.parseLong(values.required("query-side-pid")),
                Long.parseLong(values.required("crud-pid")),
                Path.of(values.get("postgres-data", "bench/.data/postgres")),
                Path.of(values.get("output", "bench/results/latest.json")),
                Integer.parseInt(values.get("clients", "16")),
                warmup,
                warmupCeiling.compareTo(warmup) < 0 ? warmup : warmupCeiling,
                Duration.ofSeconds(Long.parseLong(values.get("duration", full ? "60" : "30"))),
                Math.max(1, Integer.parseInt(values.get("slices", full ? "4" : "2"))),
                Integer.parseInt(values.get("accounts", "10000")),
                Long.parseLong(values.get("replay-events", full ? "1000000" : "200000")),
                values.get("app-java-options", ""),
                Boolean.parseBoolean(values.get("statements", "false")));
    }

    /** PostgreSQL's server process, from its data folder; -1 when unknown. */
    long postmasterPid() {
        try {
            return Long.parseLong(java.nio.file.Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    String mode() {
        return full ? "full" : "quick";
    }
}

package com.eoc.accounts.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What bench/run tells the harness: where everything listens, and how hard and how long to
 * measure. Given as {@code --name=value} arguments.
 */
record Settings(boolean full, String jdbcUrl, URI commandSide, URI querySide, URI crud, long commandSidePid,
                long querySidePid, long crudPid, Path postgresData, Path output, int clients, Duration warmup, Duration warmupCeiling, Duration measure,
                int slices, int accounts,
                long replayEvents, String appJavaOptions) {

    static Settings parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        boolean full = "full".equals(values.getOrDefault("mode", "quick"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", full ? "20" : "10")));
        Duration warmupCeiling = Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup-max", full ? "120" : "90")));
        return new Settings(full,
                required(values, "jdbc-url"),
                URI.create(required(values, "command-side")),
                URI.create(required(values, "query-side")),
                URI.create(required(values, "crud")),
                Long.parseLong(required(values, "command-side-pid")),
                Long.parseLong(required(values, "query-side-pid")),
                Long.parseLong(required(values, "crud-pid")),
                Path.of(values.getOrDefault("postgres-data", "bench/.data/postgres")),
                Path.of(values.getOrDefault("output", "bench/results/latest.json")),
                Integer.parseInt(values.getOrDefault("clients", "16")),
                warmup,
                warmupCeiling.compareTo(warmup) < 0 ? warmup : warmupCeiling,
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("duration", full ? "60" : "30"))),
                Math.max(1, Integer.parseInt(values.getOrDefault("slices", full ? "4" : "2"))),
                Integer.parseInt(values.getOrDefault("accounts", "10000")),
                Long.parseLong(values.getOrDefault("replay-events", full ? "1000000" : "200000")),
                values.getOrDefault("app-java-options", ""));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
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

package com.eoc.accounts.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What faults/run tells the harness: the jars and options to start, where to keep data and logs,
 * and how hard and how long to try. Given as {@code --name=value} arguments.
 */
record Settings(boolean full, String java, Path data, String postgresClasspath, Path commandJar, Path queryJar,
                Path commandOptions, Path queryOptions, List<String> extraJavaOptions, Path output, int clients,
                int accounts, int kills, int repeats, Duration load, Duration outage, Duration takeoverLimit) {

    static Settings parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        boolean full = "full".equals(values.getOrDefault("mode", "quick"));
        String extra = values.getOrDefault("java-options", "").strip();
        return new Settings(full,
                values.getOrDefault("java", "java"),
                Path.of(values.getOrDefault("data", "faults/.data")),
                required(values, "postgres-classpath"),
                Path.of(required(values, "command-jar")),
                Path.of(required(values, "query-jar")),
                Path.of(values.getOrDefault("command-options", "command-side/jvm.options")),
                Path.of(values.getOrDefault("query-options", "query-side/jvm.options")),
                extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
                Path.of(values.getOrDefault("output", "faults/results/latest.json")),
                Integer.parseInt(values.getOrDefault("clients", full ? "12" : "8")),
                Integer.parseInt(values.getOrDefault("accounts", full ? "600" : "200")),
                Integer.parseInt(values.getOrDefault("kills", full ? "3" : "1")),
                Integer.parseInt(values.getOrDefault("repeats", full ? "100" : "50")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("load", full ? "8" : "4"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("outage", "8"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("takeover-limit", "10"))));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
    }

    String mode() {
        return full ? "full" : "quick";
    }

    Path logs() {
        return data.resolve("logs");
    }
}

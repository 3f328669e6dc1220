package com.eoc.accounts.faults;

import com.eoc.accounts.harness.Arguments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What faults/run tells the harness: the jars and options to start, where to keep data and logs,
 * and how hard and how long to try. Given as {@code --name=value} arguments.
 */
record Settings(boolean full, String java, Path data, String postgresClasspath, Path commandJar, Path queryJar,
                Path commandOptions, Path queryOptions, List<String> extraJavaOptions, Path output, int clients,
                int accounts, int kills, int repeats, Duration load, Duration outage, Duration takeoverLimit) {

    static Settings parse(String[] args) {
        Arguments values = Arguments.parse(args);
        boolean full = values.full();
        String extra = values.get("java-options", "").strip();
        return new Settings(full,
                values.get("java", "java"),
                Path.of(values.get("data", "faults/.data")),
                values.required("postgres-classpath"),
                Path.of(values.required("command-jar")),
                Path.of(values.required("query-jar")),
                Path.of(values.get("command-options", "command-side/jvm.options")),
                Path.of(values.get("query-options", "query-side/jvm.options")),
                extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
                Path.of(values.get("output", "faults/results/latest.json")),
                Integer.parseInt(values.get("clients", full ? "12" : "8")),
                Integer.parseInt(values.get("accounts", full ? "600" : "200")),
                Integer.parseInt(values.get("kills", full ? "3" : "1")),
                Integer.parseInt(values.get("repeats", full ? "100" : "50")),
                Duration.ofSeconds(Long.parseLong(values.get("load", full ? "8" : "4"))),
                Duration.ofSeconds(Long.parseLong(values.get("outage", "8"))),
                Duration.ofSeconds(Long.parseLong(values.get("takeover-limit", "10"))));
    }

    String mode() {
        return full ? "full" : "quick";
    }

    Path logs() {
        return data.resolve("logs");
    }
}

package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as {@code latest.json} and as a table for people, with the floors they must reach. */
final class Report {

    /** A figure's floor: what the product must reach on the same machine in the same run. */
    private record Floor(String figure, String rule, boolean atLeast, double bound) {

        boolean met(double value) {
            return atLeast ? value >= bound : value <= bound;
        }
    }

    private static final List<Floor> FLOORS = List.of(
            new Floor("command_vs_pg_limit", ">= 0.35", true, 0.35),
            new Floor("command_vs_crud", ">= 0.70", true, 0.70),
            new Floor("lag_p99_ms", "<= 100", false, 100),
            new Floor("replay_events_per_s", ">= 10000", true, 10_000),
            new Floor("command_side_rss_mb", "<= 512", false, 512),
            new Floor("query_side_rss_mb", "<= 512", false, 512));

    private final Settings settings;
    private final Map<String, Object> figures;
    private final Map<String, Object> details;
    private final Map<String, Object> machine;
    private final Instant began;
    private final String error;

    Report(Settings settings, Map<String, Object> figures, Map<String, Object> details, Map<String, Object> machine,
           Instant began, String error) {
        this.settings = settings;
        this.figures = new LinkedHashMap<>(figures);
        this.details = details;
        this.machine = machine;
        this.began = began;
        this.error = error;
        ratio("command_vs_pg_limit", "command_rps", "pg_limit_tps");
        ratio("command_vs_crud", "command_rps", "crud_rps");
        // no floor: how near the alternative itself comes to the physical limit on this machine,
        // to read command_vs_pg_limit against
        ratio("crud_vs_pg_limit", "crud_rps", "pg_limit_tps");
    }

    private void ratio(String name, String numerator, String denominator) {
        if (figures.get(numerator) instanceof Double top && figures.get(denominator) instanceof Double bottom) {
            figures.put(name, top / bottom);
        }
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>(figures);
        Map<String, Object> floors = new LinkedHashMap<>();
        for (Floor floor : FLOORS) {
            if (figures.get(floor.figure()) instanceof Double value) {
                floors.put(floor.figure() + " " + floor.rule(), floor.met(value));
            }
        }
        root.put("floors_met", floors);
        root.put("settings", settings());
        root.put("machine", machine);
        root.put("details", details);
        root.put("started_at", began.toString());
        root.put("error", error);
        return Json.write(root, "") + "\n";
    }

    private Map<String, Object> settings() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mode", settings.mode());
        values.put("concurrent_clients", settings.clients());
        values.put("warmup_s", settings.warmup().toSeconds());
        values.put("warmup_max_s", settings.warmupCeiling().toSeconds());
        values.put("warmup", "at least warmup_s, then until the JVMs' JIT compilers used under 5 % of a core over 5 s,"
                + " at most warmup_max_s; each load's own in details (<load>_warmup_s)");
        values.put("measured_s", settings.measure().toSeconds());
        values.put("crud_and_command_slices", settings.slices());
        values.put("crud_and_command", "measured in turns: each warmed up, then " + settings.slices()
                + " slice(s) of measured_s/" + settings.slices() + " each, in the order crud command command"
                + " crud..., each after " + Alternating.LEAD_IN.toSeconds() + " s of lead-in not counted");
        values.put("accounts", settings.accounts());
        values.put("replay_events_target", settings.replayEvents());
        values.put("lag_load", "half of command_rps, fixed rate; 4 of the clients probe the query side's view every 5 ms");
        values.put("rss", "largest VmRSS read at the end of each load");
        values.put("app_java_options", settings.appJavaOptions());
        values.put("statements_counted", settings.statements()); // pg_stat_statements loaded: PostgreSQL a little slower
        values.put("load_generator", "JDK HttpClient (HTTP/1.1, kept-alive connections), one for all HTTP targets; JDBC for pg_limit_tps");
        return values;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Benchmark, %s mode: %d concurrent clients, %d s measured per figure after a warm-up"
                        + " of %d-%d s (until the JIT settles)%n", settings.mode(), settings.clients(),
                settings.measure().toSeconds(), settings.warmup().toSeconds(), settings.warmupCeiling().toSeconds()));
        out.append(String.format("crud_rps and command_rps measured in turns (%d slice(s) each, %d s of lead-in"
                + " before each)%n", settings.slices(), Alternating.LEAD_IN.toSeconds()));
        out.append(String.format("%s, %s cores, %s MB; PostgreSQL %s (fsync %s, synchronous_commit %s)%n%n",
                machine.get("cpu"), machine.get("cores"), machine.get("memory_mb"), machine.get("postgresql"),
                machine.get("postgresql_fsync"), machine.get("postgresql_synchronous_commit")));
        out.append(String.format("  %-26s %12s   %-10s %s%n", "figure", "value", "floor", ""));
        for (Map.Entry<String, Object> figure : figures.entrySet()) {
            Floor floor = FLOORS.stream().filter(f -> f.figure().equals(figure.getKey())).findFirst().orElse(null);
            double value = (Double) figure.getValue();
            out.append(String.format(Locale.ROOT, "  %-26s %12s   %-10s %s%n", figure.getKey(), format(value),
                    floor == null ? "" : floor.rule(), floor == null ? "" : floor.met(value) ? "ok" : "BELOW FLOOR"));
        }
        if (error != null) {
            out.append(String.format("%nNot measured to the end: %s%n", error));
        }
        return out.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}

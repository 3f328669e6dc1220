package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Machine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL's statements during a measured period, from {@code pg_stat_statements}: how many a
 * request costs and how long the server spent executing them, in all and for the statements that
 * took most of it. Unlike CPU time, these do not move with the machine's speed: what a change adds
 * or saves in the database shows in one run. Only with {@code bench/run --statements=true}, which
 * loads the module into the server; it costs the server a little time per statement.
 */
final class Statements {

    /** Each statement's text, shortened, with its calls and its execution time in ms. */
    private static final String READ = """
            SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 120), sum(calls), sum(total_exec_time)
              FROM pg_stat_statements GROUP BY 1""";
    /** The statements listed per load, by the time they took. */
    private static final int LISTED = 10;

    private final String jdbcUrl;
    private Map<String, double[]> atStart;
    private final Map<String, double[]> spent = new HashMap<>();

    Statements(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Whether the server can count statements (the module loaded); says why not on standard error. */
    static boolean available(String jdbcUrl) {
        try (var connection = Machine.connect(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.executeQuery("SELECT count(*) FROM pg_stat_statements").close();
            return true;
        } catch (SQLException e) {
            System.err.println("bench: no statement figures: " + e.getMessage());
            return false;
        }
    }

    void start() {
        atStart = read();
    }

    /** Ends a period; the figures add up over several periods (a load measured in turns). */
    void stop() {
        Map<String, double[]> atStop = read();
        atStop.forEach((query, now) -> {
            double[] before = atStart.getOrDefault(query, new double[2]);
            double[] sum = spent.computeIfAbsent(query, q -> new double[2]);
            sum[0] += now[0] - before[0];
            sum[1] += now[1] - before[1];
        });
    }

    /**
     * Statements and their execution time per request, and the statements that took most of it,
     * each with its calls per request and its mean time.
     */
    Map<String, Object> perRequest(String prefix, long requests) {
        Map<String, Object> figures = new LinkedHashMap<>();
        double calls = spent.values().stream().mapToDouble(s -> s[0]).sum();
        double ms = spent.values().stream().mapToDouble(s -> s[1]).sum();
        figures.put(prefix + "_postgres_statements_per_request", requests == 0 ? Double.NaN : calls / requests);
        figures.put(prefix + "_postgres_statement_ms_per_request", requests == 0 ? Double.NaN : ms / requests);
        Map<String, Object> listed = new LinkedHashMap<>();
        spent.entrySet().stream()
                .filter(entry -> entry.getValue()[0] > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> entry) -> entry.getValue()[1]).reversed())
                .limit(LISTED)
                .forEach(entry -> listed.put(entry.getKey(), Map.of(
                        "calls_per_request", requests == 0 ? Double.NaN : entry.getValue()[0] / requests,
                        "mean_us", entry.getValue()[1] * 1000 / entry.getValue()[0])));
        figures.put(prefix + "_postgres_statements", listed);
        return figures;
    }

    private Map<String, double[]> read() {
        Map<String, double[]> now = new HashMap<>();
        try (var connection = Machine.connect(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(READ)) {
            while (rows.next()) {
                now.put(rows.getString(1), new double[] {rows.getDouble(2), rows.getDouble(3)});
            }
        } catch (SQLException e) {
            System.err.println("bench: statement figures not read: " + e.getMessage());
        }
        return now;
    }
}

package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Machine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time the applications spend during a measured period, from /proc, and PostgreSQL's
 * transactions and WAL flushes, from its statistics views. On a machine shared with other work the
 * rates move with the neighbours' load; the work per request hardly does, so it tells whether a
 * change made the work itself cheaper.
 */
final class CpuMeter {

    /**
     * Commits of every database, and the WAL's writes and flushes to disk: PostgreSQL 14 to 17
     * (18 moved the WAL's to {@code pg_stat_io}); elsewhere these figures are NaN.
     */
    private static final String DATABASE_WORK = """
            SELECT (SELECT sum(xact_commit) FROM pg_stat_database), wal_write, wal_sync FROM pg_stat_wal""";
    private static final String[] DATABASE_FIGURES = {"postgres_commits", "postgres_wal_writes", "postgres_wal_syncs"};

    /** Linux's USER_HZ, the unit of /proc/[pid]/stat's times, is 100 on every common platform. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;
    private final long postmaster;
    private final String jdbcUrl;
    /** PostgreSQL's statements too, with {@code --statements=true}; null otherwise. */
    private final Statements statements;
    private long[] databaseAtStart;
    private long[] databaseSpent;
    /** A period whose statistics could not be read: the sums would be too small. */
    private boolean databaseUnknown;
    private final Map<String, Double> atStart = new LinkedHashMap<>();
    private final Map<String, Double> spent = new LinkedHashMap<>();
    private final Map<String, Double> compilingAtStart = new LinkedHashMap<>();
    private final Map<String, Double> compiling = new LinkedHashMap<>();
    private double machineBusyAtStart;
    private double machineBusy;
    private long startedAt;
    private double wallSeconds;

    /**
     * The applications by name, PostgreSQL's server process (its backends are its children), and
     * a JDBC URL of that server.
     */
    CpuMeter(Map<String, Long> pids, long postmaster, String jdbcUrl, Statements statements) {
        this.pids = pids;
        this.postmaster = postmaster;
        this.jdbcUrl = jdbcUrl;
        this.statements = statements;
    }

    void start() {
        if (statements != null) {
            statements.start();
        }
        databaseAtStart = databaseWork();
        pids.forEach((name, pid) -> atStart.put(name, seconds(pid)));
        pids.forEach((name, pid) -> compilingAtStart.put(name, compilerSeconds(pid)));
        atStart.put("postgres", postgresSeconds());
        machineBusyAtStart = machineBusySeconds();
        startedAt = System.nanoTime();
    }

    /** Ends a period; the figures add up over several periods of one meter (a load measured in turns). */
    void stop() {
        pids.forEach((name, pid) -> spent.merge(name, seconds(pid) - atStart.getOrDefault(name, 0.0), Double::sum));
        pids.forEach((name, pid) -> compiling.merge(name,
                compilerSeconds(pid) - compilingAtStart.getOrDefault(name, 0.0), Double::sum));
        spent.merge("postgres", postgresSeconds() - atStart.getOrDefault("postgres", 0.0), Double::sum);
        machineBusy += machineBusySeconds() - machineBusyAtStart;
        wallSeconds += (System.nanoTime() - startedAt) / 1e9;
        long[] atStop = databaseWork();
        if (statements != null) {
            statements.stop();
        }
        if (databaseAtStart == null || atStop == null) {
            databaseUnknown = true;
        } else {
            if (databaseSpent == null) {
                databaseSpent = new long[atStop.length];
            }
            for (int i = 0; i < atStop.length; i++) {
                databaseSpent[i] += atStop[i] - databaseAtStart[i];
            }
        }
    }

    /**
     * How busy the whole machine was, in percent of all its cores, and how much of that was
     * neither the benchmark nor what it measures: other work on a shared machine.
     */
    Map<String, Object> machine(String prefix) {
        Map<String, Object> figures = new LinkedHashMap<>();
        double cores = Runtime.getRuntime().availableProcessors();
        double ours = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        figures.put(prefix + "_machine_busy_percent", 100 * machineBusy / (wallSeconds * cores));
        figures.put(prefix + "_other_work_percent", 100 * Math.max(0, machineBusy - ours) / (wallSeconds * cores));
        return figures;
    }

    /**
     * Milliseconds of CPU per request, for each application, over the measured period; and, for
     * each JVM, how much of that its JIT compiler threads spent (a warmed-up JVM hardly compiles).
     */
    Map<String, Object> perRequestMs(String prefix, long requests) {
        Map<String, Object> figures = new LinkedHashMap<>();
        spent.forEach((name, seconds) -> figures.put(prefix + "_cpu_ms_per_request_" + name,
                requests == 0 ? Double.NaN : seconds * 1000 / requests));
        compiling.forEach((name, seconds) -> figures.put(prefix + "_jit_cpu_ms_per_request_" + name,
                requests == 0 ? Double.NaN : seconds * 1000 / requests));
        return figures;
    }

    /**
     * PostgreSQL's commits, WAL writes and WAL flushes per request, over the measured period: a
     * busy backend reports them within a second, an idle one up to 10 s after it went idle
     * (PostgreSQL 15 and later), so a period should begin that long after another load ended.
     */
    Map<String, Object> databasePerRequest(String prefix, long requests) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < DATABASE_FIGURES.length; i++) {
            figures.put(prefix + "_" + DATABASE_FIGURES[i] + "_per_request",
                    databaseSpent == null || databaseUnknown || requests == 0
                            ? Double.NaN : (double) databaseSpent[i] / requests);
        }
        return figures;
    }

    /** PostgreSQL's statements per request ({@link Statements}), when they are counted. */
    Map<String, Object> statementsPerRequest(String prefix, long requests) {
        return statements == null ? Map.of() : statements.perRequest(prefix, requests);
    }

    private long[] databaseWork() {
        try (var connection = Machine.connect(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(DATABASE_WORK)) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
        } catch (SQLException e) {
            System.err.println("bench: no commit and WAL figures: " + e.getMessage());
            return null;
        }
    }

    /** The server process, its live backends, and the backends that have ended (its children's time). */
    private double postgresSeconds() {
        if (postmaster <= 0) {
            return Double.NaN;
        }
        double total = seconds(postmaster) + childrenSeconds(postmaster);
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && parent(Long.parseLong(name)) == postmaster) {
                    total += seconds(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    private static String[] statFields(long pid) throws IOException {
        return statFields(Path.of("/proc/" + pid + "/stat"));
    }

    private static String[] statFields(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // the command name, in parentheses, may hold spaces: count the fields after its end
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long parent(long pid) {
        try {
            return Long.parseLong(statFields(pid)[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double childrenSeconds(long pid) {
        try {
            String[] fields = statFields(pid);
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** All cores' busy time so far, from the first line of /proc/stat (everything but idle and iowait). */
    private static double machineBusySeconds() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * User and system time so far of a JVM's JIT compiler threads (HotSpot names them "C1
     * CompilerThread" and "C2 CompilerThread"; Linux keeps the first 15 characters), in seconds.
     * A compiler thread that the JVM stops takes its time with it: the sum then falls, and a
     * warm-up may end a little early. With two cores HotSpot keeps one thread of each kind.
     */
    static double compilerSeconds(long pid) {
        double total = 0;
        try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        String[] fields = statFields(thread.resolve("stat"));
                        total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read: its time is no longer counted anywhere
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return total;
    }

    /** User and system time of a process so far (fields 14 and 15 of /proc/[pid]/stat), in seconds. */
    static double seconds(long pid) {
        try {
            String[] fields = statFields(pid);
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

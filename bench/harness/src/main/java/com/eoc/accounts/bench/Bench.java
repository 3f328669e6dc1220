package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Http;
import com.eoc.accounts.harness.Machine;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's phases, in order, against applications that bench/run has started: the
 * physical limit of PostgreSQL, the plain CRUD service and the command side (measured in turns),
 * the query side's lag behind the command side, a replay of the query side's views, and the
 * applications' memory. Writes
 * {@code bench/results/latest.json} and prints a table. Exits with 1 only when a figure could not
 * be measured.
 */
public final class Bench {

    private final Settings settings;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private double commandSideRss;
    private double querySideRss;
    /** PostgreSQL's statements are counted per load too ({@link Statements}). */
    private final boolean countStatements;

    private Bench(Settings settings) {
        this.settings = settings;
        this.countStatements = settings.statements() && Statements.available(settings.jdbcUrl());
    }

    public static void main(String[] args) throws Exception {
        Bench bench = new Bench(Settings.parse(args));
        boolean measured = bench.measure();
        System.exit(measured ? 0 : 1);
    }

    private boolean measure() throws Exception {
        Instant began = Instant.now();
        Map<String, Object> machine = Machine.describe(settings.jdbcUrl());
        String error = null;
        try {
            run();
        } catch (Exception e) {
            error = e.toString();
            System.err.println("bench: could not measure: " + e);
            e.printStackTrace();
        }
        Report report = new Report(settings, figures, details, machine, began, error);
        Files.createDirectories(settings.output().toAbsolutePath().getParent());
        Files.writeString(settings.output(), report.json());
        System.out.println();
        System.out.println(report.table());
        System.out.println("Written to " + settings.output());
        return error == null;
    }

    private void run() throws Exception {
        Http http = new Http();
        CommandSide commandSide = new CommandSide(http, settings.commandSide());
        boolean signedIn = commandSide.signIn();
        details.put("authenticated", signedIn);
        say("Requests " + (signedIn ? "carry a bearer token from POST /dev/tokens" : "go without a token (no /dev/tokens)"));

        say(String.format("Each load warms up until the JIT compilers settle (%d-%d s), then is measured for %d s",
                settings.warmup().toSeconds(), settings.warmupCeiling().toSeconds(), settings.measure().toSeconds()));
        say("Registering " + settings.accounts() + " accounts on the command side");
        long registering = System.nanoTime();
        List<UUID> accounts = commandSide.register(settings.accounts(), settings.clients());
        details.put("registrations_per_s", accounts.size() / seconds(registering));
        commandSide.rename(accounts.get(0)); // a real UserRenamed to copy below
        StoredEvent registered;
        StoredEvent renamed;
        try (var connection = Machine.connect(settings.jdbcUrl())) {
            registered = StoredEvent.newest(connection, "AccountRegistered");
            renamed = StoredEvent.newest(connection, "UserRenamed");
        }
        details.put("user_renamed_payload_bytes", renamed.payload().length);
        details.put("user_renamed_meta_data_bytes", renamed.metaData().length);

        say("pg_limit_tps: one event-shaped INSERT per transaction over JDBC");
        CpuMeter pgCpu = cpu();
        ClosedLoop.Result pgLimit = ClosedLoop.checked("pg_limit", PgLimit.measure(settings, renamed, warmup(), pgCpu));
        loadDetails("pg_limit", pgLimit.warmupSeconds(), pgCpu, pgLimit.succeeded());
        figures.put("pg_limit_tps", pgLimit.perSecond());
        details.put("pg_limit_p50_ms", pgLimit.latencies().percentileMs(50));
        details.put("pg_limit_p99_ms", pgLimit.latencies().percentileMs(99));

        say(String.format(Locale.ROOT, "crud_rps and command_rps: PUT .../name on the plain Spring MVC + JPA service"
                        + " and on the command side, in turns of %.1f s, each after %d s of lead-in",
                settings.measure().dividedBy(settings.slices()).toMillis() / 1000.0, Alternating.LEAD_IN.toSeconds()));
        List<UUID> crudAccounts = Crud.seed(settings, settings.accounts());
        CpuMeter crudCpu = cpu();
        CpuMeter commandCpu = cpu();
        Map<String, ClosedLoop.Result> inTurns = Alternating.measure(settings.clients(),
                new Alternating.Load("crud", Crud.rename(settings, http, crudAccounts), crudCpu),
                new Alternating.Load("command", client -> commandSide.renameAny(accounts), commandCpu),
                this::warmup, settings.measure(), settings.slices());
        ClosedLoop.Result crud = ClosedLoop.checked("crud", inTurns.get("crud"));
        ClosedLoop.Result command = ClosedLoop.checked("command", inTurns.get("command"));
        loadDetails("crud", crud.warmupSeconds(), crudCpu, crud.succeeded());
        figures.put("crud_rps", crud.perSecond());
        details.put("crud_p50_ms", crud.latencies().percentileMs(50));
        details.put("crud_p99_ms", crud.latencies().percentileMs(99));
        details.put("crud_failed", crud.failed());
        loadDetails("command", command.warmupSeconds(), commandCpu, command.succeeded());
        figures.put("command_rps", command.perSecond());
        figures.put("command_p50_ms", command.latencies().percentileMs(50));
        figures.put("command_p99_ms", command.latencies().percentileMs(99));
        sampleMemory();

        double lagRate = command.perSecond() / 2;
        say(String.format("lag: commands at %.0f/s, probes reading the query side's view", lagRate));
        CpuMeter lagCpu = cpu();
        Lag.Result lag = Lag.measure(settings, http, commandSide, accounts, lagRate, warmup(), lagCpu);
        long lagCommands = Math.round(lag.commandsPerSecond() * settings.measure().toSeconds());
        loadDetails("lag", lag.warmupSeconds(), lagCpu, lagCommands);
        figures.put("lag_p50_ms", lag.lags().percentileMs(50));
        figures.put("lag_p99_ms", lag.lags().percentileMs(99));
        details.put("lag_commands_per_s", lag.commandsPerSecond());
        details.put("lag_probes", lag.probes());
        details.put("lag_probes_timed_out", lag.timeouts());
        sampleMemory();

        say("Warming up the replay: every view replayed once on the " + Replay.storedEvents(settings.jdbcUrl())
                + " events stored so far (not counted)");
        Replay.Result replayWarmup = Replay.run(http, settings.querySide(), settings.jdbcUrl(), cpu());
        details.put("replay_warmup_events", replayWarmup.events());
        details.put("replay_warmup_seconds", replayWarmup.seconds());
        say("Filling the event store to " + settings.replayEvents() + " events");
        long filling = System.nanoTime();
        long added = Replay.fill(settings.jdbcUrl(), registered, renamed, settings.replayEvents());
        details.put("events_loaded", added);
        details.put("events_loaded_per_s", added / seconds(filling));
        say("replay_events_per_s: POST /api/admin/processors/{name}/replay, every view at once");
        CpuMeter replayCpu = cpu();
        Replay.Result replay = Replay.run(http, settings.querySide(), settings.jdbcUrl(), replayCpu);
        details.putAll(replayCpu.perRequestMs("replay_per_1000_events", replay.events() / 1000));
        details.putAll(replayCpu.machine("replay"));
        details.putAll(replayCpu.databasePerRequest("replay_per_1000_events", replay.events() / 1000));
        details.putAll(replayCpu.statementsPerRequest("replay_per_1000_events", replay.events() / 1000));
        figures.put("replay_events_per_s", replay.eventsPerSecond());
        details.put("replay_events", replay.events());
        details.put("replay_processors", String.join(", ", replay.processors()));
        details.put("replay_seconds", replay.seconds());
        sampleMemory();

        if (settings.full()) {
            say("command_rps_at_1m_events: the command load again, on " + Replay.storedEvents(settings.jdbcUrl()) + " events");
            ClosedLoop.Result large = commandLoad(commandSide, accounts, cpu());
            figures.put("command_rps_at_1m_events", large.perSecond());
            details.put("command_warmup_s_at_1m_events", large.warmupSeconds());
            details.put("command_p99_ms_at_1m_events", large.latencies().percentileMs(99));
            sampleMemory();
        }
        figures.put("command_side_rss_mb", commandSideRss);
        figures.put("query_side_rss_mb", querySideRss);
        details.put("events_stored_at_end", Replay.storedEvents(settings.jdbcUrl()));
    }

    /** A load's warm-up, and the work per request its meter counted: CPU, the machine, PostgreSQL's. */
    private void loadDetails(String load, double warmupSeconds, CpuMeter cpu, long requests) {
        details.put(load + "_warmup_s", warmupSeconds);
        details.putAll(cpu.perRequestMs(load, requests));
        details.putAll(cpu.machine(load));
        details.putAll(cpu.databasePerRequest(load, requests));
        details.putAll(cpu.statementsPerRequest(load, requests));
    }

    private ClosedLoop.Result commandLoad(CommandSide commandSide, List<UUID> accounts, CpuMeter cpu)
            throws InterruptedException {
        return ClosedLoop.checked("command", ClosedLoop.run("command", settings.clients(), warmup(),
                settings.measure(), cpu, client -> commandSide.renameAny(accounts)));
    }

    /** The warm-up of a load: the three applications and this harness are the JVMs that compile under it. */
    private Warmup warmup() {
        return new Warmup(settings.warmup(), settings.warmupCeiling(), jvms().values());
    }

    /** CPU time of the three applications and of this harness, and PostgreSQL's commits and flushes. */
    private CpuMeter cpu() {
        return new CpuMeter(jvms(), settings.postmasterPid(), settings.jdbcUrl(),
                countStatements ? new Statements(settings.jdbcUrl()) : null);
    }

    /** The benchmark's JVMs by name: the three applications and this harness. */
    private Map<String, Long> jvms() {
        return Map.of("command_side", settings.commandSidePid(), "query_side", settings.querySidePid(),
                "crud", settings.crudPid(), "harness", ProcessHandle.current().pid());
    }

    /** Resident memory is read at the end of each load; the figure is the largest reading. */
    private void sampleMemory() throws Exception {
        commandSideRss = Math.max(commandSideRss, Machine.rssMb(settings.commandSidePid()));
        querySideRss = Math.max(querySideRss, Machine.rssMb(settings.querySidePid()));
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void say(String line) {
        System.out.println("bench: " + line);
    }
}

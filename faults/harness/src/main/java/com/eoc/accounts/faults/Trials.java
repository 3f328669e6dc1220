package com.eoc.accounts.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.eoc.accounts.harness.Json;

/**
 * The trials, in the order faults/run runs them, on one PostgreSQL: a command-side node killed
 * under load, a query-side node killed under load and during a replay, the database restarted
 * and stopped for longer, then two command-side nodes and two query-side nodes.
 */
final class Trials {

    /** How long the views may take to catch up after a fault before a lagging view counts as wrong. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(90);
    /** How long, in all, the views may still answer 503 view-behind once their processor reported caught up. */
    private static final Duration VIEW_PATIENCE = Duration.ofSeconds(30);
    /** How long two query-side nodes are watched for sharing the segments. */
    private static final Duration SHARE_WATCH = Duration.ofSeconds(15);
    /** How long a surviving query-side node is watched for taking over all segments. */
    private static final Duration TAKEOVER_WATCH = Duration.ofSeconds(60);

    private final Settings settings;
    private final Cluster cluster;
    private final Store store;
    private final Api api = new Api();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong values = new AtomicLong();
    private Node commandSide;
    private Node querySide;
    private List<UUID> accounts;

    Trials(Settings settings, Cluster cluster) {
        this.settings = settings;
        this.cluster = cluster;
        this.store = new Store(cluster);
    }

    /** Starts one node of each side and registers the accounts that the loads change. */
    void setUp() throws Exception {
        say("starting PostgreSQL: %.1f s", cluster.startPostgres());
        commandSide = cluster.commandSide("command-side-a");
        say("starting command-side-a: %.1f s", commandSide.start());
        querySide = cluster.querySide("query-side-1");
        say("starting query-side-1: %.1f s", querySide.start());
        api.signIn(commandSide);
        accounts = api.register(commandSide, run, settings.accounts());
        say("registered %d accounts", accounts.size());
    }

    private Load load() {
        return new Load(api, () -> commandSide, accounts, settings.clients(), run, values);
    }

    // ------------------------------------------------------------------ a

    Trial commandSideKilled() throws Exception {
        Trial trial = new Trial("a_command_side_kill", "kill -9 of the command side under load, then a restart");
        List<Window> windows = new ArrayList<>();
        List<Double> recoveries = new ArrayList<>();
        List<Double> startups = new ArrayList<>();
        Load load = load();
        load.start();
        for (int kill = 0; kill < settings.kills(); kill++) {
            pause(settings.load());
            long killed = System.nanoTime();
            commandSide.kill();
            startups.add(commandSide.start());
            long ready = System.nanoTime();
            pause(settings.load());
            windows.add(Window.of(load.outcomes(), killed, ready));
            recoveries.add(Window.firstSuccessAfter(load.outcomes(), ready) == null ? null
                    : (ready - killed) / 1e9 + Window.firstSuccessAfter(load.outcomes(), ready));
            say("kill %d: restarted in %.1f s; during the fault: %s", kill + 1, startups.get(kill), windows.get(kill).summary());
        }
        load.stop();
        Store.Check check = store.check(accounts, load.acks());
        trial.putAll(check.figures());
        trial.put("kills", settings.kills());
        trial.put("restart_to_ready_s", join(startups));
        trial.put("kill_to_first_acknowledged_s", join(recoveries));
        trial.putAll(during(windows));
        trial.put("all_requests_by_status", Window.of(load.outcomes(), 0, Long.MAX_VALUE).byStatus());
        requireClean(trial, check);
        trial.require(!recoveries.contains(null), "no command acknowledged after a restart");
        return trial;
    }

    // ------------------------------------------------------------------ b

    Trial querySideKilled() throws Exception {
        Trial trial = new Trial("b_query_side_kill", "kill -9 of the query side under load, and once during a replay");
        List<Window> reads = new ArrayList<>();
        Load load = load();
        Reader reader = new Reader(() -> querySide);
        load.start();
        reader.start();
        for (int kill = 0; kill < settings.kills(); kill++) {
            pause(settings.load());
            long killed = System.nanoTime();
            querySide.kill();
            double startup = querySide.start();
            long ready = System.nanoTime();
            reads.add(Window.of(reader.outcomes(), killed, ready));
            say("kill %d: restarted in %.1f s; readers during the fault: %s", kill + 1, startup, reads.get(kill).summary());
            pause(settings.load());
        }
        load.stop();
        reader.stop();
        trial.put("caught_up_after_load_s", settle(querySide));
        Store.Check check = store.check(accounts, load.acks());
        trial.putAll(check.figures());
        trial.putAll(during(reads));
        int wrong = compareViews(trial, "view_mismatches", querySide);

        // during a replay: the replay must go on from where it was after the restart
        Outcome replay = api.post(querySide, "/api/admin/processors/" + Processors.ACCOUNTS + "/replay");
        trial.put("replay_request_status", replay.status());
        long replayDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Processors seen = Processors.read(api, querySide, Processors.ACCOUNTS);
        while (!(seen.replaying() && seen.done() > 0) && !seen.settled() && System.nanoTime() < replayDeadline) {
            Thread.sleep(10);
            seen = Processors.read(api, querySide, Processors.ACCOUNTS);
        }
        boolean killedDuringReplay = seen.replaying();
        trial.put("killed_during_replay", killedDuringReplay);
        trial.put("replay_done_at_kill", seen.done());
        querySide.kill();
        long restarted = System.nanoTime();
        querySide.start();
        Double replayed = settle(querySide);
        trial.put("replay_finished_after_restart_s", replayed == null ? null : (System.nanoTime() - restarted) / 1e9);
        wrong += compareViews(trial, "view_mismatches_after_replay", querySide);
        say("replay killed at %d events; views: %d wrong", seen.done(), wrong);
        requireClean(trial, check);
        trial.require(replay.status() == 202, "the replay was not accepted (" + replay.status() + ")");
        trial.require(killedDuringReplay, "the replay ended before the kill: too few events to catch it");
        return trial;
    }

    // ------------------------------------------------------------------ c

    Trial databaseLost() throws Exception {
        Trial trial = new Trial("c_database_restart_and_outage",
                "PostgreSQL restarted under load, then stopped for " + settings.outage().toSeconds() + " s");
        Load load = load();
        Reader reader = new Reader(() -> querySide);
        Watch watch = new Watch();
        load.start();
        reader.start();
        watch.start();
        pause(settings.load());
        phase(trial, "restart_", Duration.ZERO, load, reader, watch);
        pause(settings.load());
        phase(trial, "outage_", settings.outage(), load, reader, watch);
        pause(settings.load());
        load.stop();
        reader.stop();
        watch.stop();
        Store.Check check = store.check(accounts, load.acks());
        trial.putAll(check.figures());
        settle(querySide);
        compareViews(trial, "view_mismatches", querySide);
        requireClean(trial, check);
        return trial;
    }

    /** One loss of the database: stopped, down for {@code down}, started; what clients saw, how long recovery took. */
    private void phase(Trial trial, String prefix, Duration down, Load load, Reader reader, Watch watch) throws Exception {
        long stopping = System.nanoTime();
        cluster.stopPostgres();
        long stopped = System.nanoTime();
        pause(down);
        cluster.startPostgres();
        long started = System.nanoTime();
        Double commands = null;
        Double reads = null;
        Double commandReady = null;
        Double queryReady = null;
        long deadline = started + Duration.ofSeconds(120).toNanos();
        while ((commands == null || reads == null || commandReady == null || queryReady == null) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            commands = commands != null ? commands : Window.firstSuccessAfter(load.outcomes(), started);
            reads = reads != null ? reads : Window.firstSuccessAfter(reader.outcomes(), started);
            commandReady = commandReady != null ? commandReady : watch.upAfter(watch.commandReady, started);
            queryReady = queryReady != null ? queryReady : watch.upAfter(watch.queryReady, started);
        }
        Window commandWindow = Window.of(load.outcomes(), stopping, started);
        Window readWindow = Window.of(reader.outcomes(), stopping, started);
        trial.put(prefix + "stop_took_s", (stopped - stopping) / 1e9);
        trial.put(prefix + "database_down_s", (started - stopped) / 1e9);
        trial.putAll(commandWindow.figures(prefix + "commands_"));
        trial.putAll(readWindow.figures(prefix + "reads_"));
        trial.put(prefix + "command_side_readiness_down_seen", watch.downBetween(watch.commandReady, stopped, started));
        trial.put(prefix + "query_side_readiness_down_seen", watch.downBetween(watch.queryReady, stopped, started));
        trial.put(prefix + "processors_page_claimed_healthy", watch.claimedHealthyBetween(stopped, started));
        trial.put(prefix + "first_command_acknowledged_after_start_s", commands);
        trial.put(prefix + "first_read_after_start_s", reads);
        trial.put(prefix + "command_side_ready_after_start_s", commandReady);
        trial.put(prefix + "query_side_ready_after_start_s", queryReady);
        say("%s: database down %.1f s; commands: %s; reads: %s; back after %s s (commands), %s s (reads)",
                prefix.replace('_', ' ').strip(), (started - stopped) / 1e9, commandWindow.summary(), readWindow.summary(), seconds(commands), seconds(reads));
        String when = prefix.replace('_', ' ').strip();
        for (Window window : List.of(commandWindow, readWindow)) {
            trial.require(window.serverErrors() == 0, when + ": " + window.serverErrors() + " server errors (5xx other than 503)");
            trial.require(window.slowestMs() <= Window.SLOW_MS, when + ": an answer took "
                    + Math.round(window.slowestMs()) + " ms (more than about a second)");
        }
        trial.require(down.isZero() || commandWindow.unavailableWithRetryAfter() > 0,
                when + ": no command answered 503 with Retry-After");
        trial.require(commands != null && reads != null, when + ": a side did not answer again within 120 s");
        trial.require(commandReady != null && queryReady != null, when + ": readiness did not come back UP within 120 s");
        trial.require(down.isZero() || !watch.claimedHealthyBetween(stopped, started),
                when + ": the processors page claimed caughtUp and not failing while the database was down");
    }

    // ------------------------------------------------------------------ d

    Trial twoCommandSides() throws Exception {
        Trial trial = new Trial("d_two_command_side_nodes",
                "one request at a time, alternating two command-side nodes: every answer must come from the store's latest state");
        Node other = cluster.commandSide("command-side-b");
        say("starting command-side-b: %.1f s", other.start());
        Node a = commandSide;
        Map<String, Object> wrongBySequence = new LinkedHashMap<>();
        int wrong = 0;
        int requests = 0;
        List<String> examples = new ArrayList<>();
        List<UUID> fresh = api.register(a, run + "d", 4 * settings.repeats());
        for (int sequence = 0; sequence < 4; sequence++) {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            int wrongHere = 0;
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                UUID account = fresh.get(sequence * settings.repeats() + repeat);
                String value = "D" + run + "-" + values.incrementAndGet();
                List<Outcome> answers = switch (sequence) {
                    case 0 -> List.of(api.rename(a, account, value + "a", null), api.rename(other, account, value + "b", null),
                            api.rename(a, account, value + "c", null));
                    case 1 -> List.of(api.rename(a, account, value + "a", 0L), api.rename(other, account, value + "b", 1L),
                            api.rename(a, account, value + "c", 2L));
                    case 2 -> List.of(api.generateToken(a, account), api.deleteToken(other, account),
                            api.generateToken(a, account));
                    default -> List.of(api.rename(a, account, value + "a", null), api.generateToken(other, account),
                            api.deleteToken(a, account));
                };
                for (Outcome answer : answers) {
                    requests++;
                    if (!answer.ok()) {
                        wrongHere++;
                        String type = problemType(answer);
                        statuses.merge(Outcome.label(answer.status()) + (type == null ? "" : " " + type), 1, Integer::sum);
                        if (examples.size() < 4) {
                            examples.add(SEQUENCES.get(sequence) + ": " + answer.status() + " " + answer.body());
                        }
                    }
                }
            }
            wrong += wrongHere;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("repeats", settings.repeats());
            figures.put("wrong_answers", wrongHere);
            figures.put("wrong_by_status", statuses);
            wrongBySequence.put(SEQUENCES.get(sequence), figures);
            say("%s: %d wrong answers in %d repeats %s", SEQUENCES.get(sequence), wrongHere, settings.repeats(), statuses);
        }
        other.stop();
        trial.put("requests", requests);
        trial.put("wrong_answers", wrong);
        trial.put("sequences", wrongBySequence);
        if (!examples.isEmpty()) {
            trial.put("examples", String.join(" | ", examples));
        }
        trial.require(wrong == 0, wrong + " answers decided on a stale account");
        return trial;
    }

    private static final List<String> SEQUENCES = List.of(
            "rename A, rename B, rename A",
            "rename A, B, A with If-Match of the true version",
            "generate A, delete B, generate A",
            "rename A, generate B, delete A");

    private static String problemType(Outcome answer) {
        String type = Json.string(answer.body(), "type");
        return type == null ? null : type.substring(type.lastIndexOf(':') + 1);
    }

    // ------------------------------------------------------------------ e

    Trial twoQuerySides() throws Exception {
        Trial trial = new Trial("e_two_query_side_nodes",
                "two query-side nodes share the segments; kill -9 of one, the other takes them all");
        Node second = cluster.querySide("query-side-2");
        Load load = load();
        load.start();
        say("starting query-side-2: %.1f s", second.start());
        long started = System.nanoTime();
        Double shared = null;
        Processors first = null;
        Processors other = null;
        while (shared == null && System.nanoTime() - started < SHARE_WATCH.toNanos()) {
            first = Processors.read(api, querySide, Processors.ACCOUNTS);
            other = Processors.read(api, second, Processors.ACCOUNTS);
            if (first.claimedSegments() > 0 && other.claimedSegments() > 0) {
                shared = (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(100);
        }
        trial.put("segments", first == null ? null : first.segments());
        trial.put("shared_after_s", shared);
        trial.put("claimed_by_node_1", first == null ? null : first.claimedSegments());
        trial.put("claimed_by_node_2", other == null ? null : other.claimedSegments());
        trial.put("owners_before_kill", store.segmentOwners(Processors.ACCOUNTS).toString());
        say("segments claimed: node 1 %s, node 2 %s (%s)", first == null ? "?" : first.claimedSegments(),
                other == null ? "?" : other.claimedSegments(), shared == null ? "not shared within "
                        + SHARE_WATCH.toSeconds() + " s" : "shared after " + seconds(shared) + " s");

        long killed = System.nanoTime();
        querySide.kill();
        Double takeover = null;
        while (takeover == null && System.nanoTime() - killed < TAKEOVER_WATCH.toNanos()) {
            Processors survivor = Processors.read(api, second, Processors.ACCOUNTS);
            if (survivor.segments() > 0 && survivor.claimedSegments() == survivor.segments()) {
                takeover = (System.nanoTime() - killed) / 1e9;
            }
            Thread.sleep(100);
        }
        pause(Duration.ofSeconds(2));
        load.stop();
        trial.put("takeover_after_kill_s", takeover);
        trial.put("owners_after_kill", store.segmentOwners(Processors.ACCOUNTS).toString());
        say("after the kill, node 2 held every segment after %s s", seconds(takeover));
        querySide = second;
        settle(querySide);
        Store.Check check = store.check(accounts, load.acks());
        trial.putAll(check.figures());
        compareViews(trial, "view_mismatches", querySide);
        requireClean(trial, check);
        trial.require(shared != null, "the second node claimed no segment within " + SHARE_WATCH.toSeconds() + " s");
        trial.require(takeover != null && takeover <= settings.takeoverLimit().toSeconds(),
                "the survivor took over after " + seconds(takeover) + " s (limit " + settings.takeoverLimit().toSeconds() + " s)");
        return trial;
    }

    // ------------------------------------------------------------------ checks

    private void requireClean(Trial trial, Store.Check check) {
        trial.require(check.lost() == 0, check.lost() + " acknowledged commands lost");
        trial.require(check.duplicated() == 0, check.duplicated() + " commands stored twice");
        trial.require(check.gaps() == 0, check.gaps() + " accounts with sequence gaps");
        trial.require(check.emailIndexMismatches() == 0 && check.tokenIndexMismatches() == 0,
                "the indexes disagree with the events (" + check.emailIndexMismatches() + " email, "
                        + check.tokenIndexMismatches() + " token)");
    }

    /** Waits until the node's account processor is caught up and not replaying; the seconds it took, or null. */
    private Double settle(Node node) throws InterruptedException {
        long began = System.nanoTime();
        while (System.nanoTime() - began < CATCH_UP_LIMIT.toNanos()) {
            if (Processors.read(api, node, Processors.ACCOUNTS).settled()) {
                return (System.nanoTime() - began) / 1e9;
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** Every account's view on that node against its events; counts the wrong ones into the trial. */
    private int compareViews(Trial trial, String figure, Node node) throws Exception {
        Map<UUID, Store.Account> truth = store.accounts(accounts);
        int wrong = 0;
        List<String> examples = new ArrayList<>();
        // one patience for all accounts: a view still behind after the processor reported caught up is wrong
        long deadline = System.nanoTime() + VIEW_PATIENCE.toNanos();
        for (UUID id : accounts) {
            Store.Account expected = truth.get(id);
            Outcome view = api.view(node, id, expected.version());
            while (view.status() == 503 && System.nanoTime() < deadline) {
                view = api.view(node, id, expected.version());
            }
            String body = view.body();
            boolean same = view.status() == 200
                    && view.version() == expected.version()
                    && expected.firstName().equals(Json.string(body, "firstName"))
                    && expected.lastName().equals(Json.string(body, "lastName"))
                    && expected.email().equals(Json.string(body, "email"))
                    && Objects.equals(expected.tokenId(), Json.string(body, "tokenId"));
            if (!same) {
                wrong++;
                if (examples.size() < 3) {
                    examples.add(id + " expected " + expected + ", got " + view.status() + " " + body);
                }
            }
        }
        trial.put(figure, wrong);
        if (!examples.isEmpty()) {
            trial.put(figure + "_examples", String.join(" | ", examples));
        }
        trial.require(wrong == 0, wrong + " views differ from the events (" + figure + ")");
        return wrong;
    }

    private static Map<String, Object> during(List<Window> windows) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> byStatus = new TreeMap<>();
        double slowest = 0;
        for (Window window : windows) {
            window.byStatus().forEach((status, count) -> byStatus.merge(status, count, (x, y) -> (Integer) x + (Integer) y));
            slowest = Math.max(slowest, window.slowestMs());
        }
        figures.put("during_fault_by_status", byStatus);
        figures.put("during_fault_slowest_answer_ms", slowest);
        return figures;
    }

    private static String join(List<Double> values) {
        List<String> parts = new ArrayList<>();
        for (Double value : values) {
            parts.add(seconds(value));
        }
        return String.join(", ", parts);
    }

    static String seconds(Double value) {
        return value == null ? "never" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    static void say(String format, Object... args) {
        System.out.println("faults: " + String.format(Locale.ROOT, format, args));
    }

    /** One client reading random accounts' views from the query side, as a dashboard would. */
    private final class Reader {

        private final Supplier<Node> target;
        private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        private final Loops loop = new Loops();

        Reader(Supplier<Node> target) {
            this.target = target;
        }

        void start() {
            Random random = new Random(7);
            loop.start("reader", () -> {
                Outcome outcome = api.view(target.get(), accounts.get(random.nextInt(accounts.size())), 0);
                outcomes.add(outcome);
                sleepQuietly(outcome.answered() ? 5 : 20);
            });
        }

        void stop() throws InterruptedException {
            loop.stop();
        }

        List<Outcome> outcomes() {
            synchronized (outcomes) {
                return List.copyOf(outcomes);
            }
        }
    }

    /** Polls both sides' readiness and the processors page while the database comes and goes. */
    private final class Watch {

        private record Sample(long nanos, boolean up) {
        }

        final List<Sample> commandReady = Collections.synchronizedList(new ArrayList<>());
        final List<Sample> queryReady = Collections.synchronizedList(new ArrayList<>());
        private final List<Sample> healthClaimed = Collections.synchronizedList(new ArrayList<>());
        private final Loops loops = new Loops();

        void start() {
            // the processors page may hang while the database is away; readiness is sampled apart from it
            every("watch-readiness", () -> {
                commandReady.add(new Sample(System.nanoTime(), commandSide.ready()));
                queryReady.add(new Sample(System.nanoTime(), querySide.ready()));
            });
            every("watch-processors", () -> {
                Processors page = Processors.read(api, querySide, Processors.ACCOUNTS);
                healthClaimed.add(new Sample(System.nanoTime(), page.status() == 200 && page.caughtUp() && !page.failing()));
            });
        }

        private void every(String name, Runnable sample) {
            loops.start(name, () -> {
                sample.run();
                sleepQuietly(100);
            });
        }

        void stop() throws InterruptedException {
            loops.stop();
        }

        /** Seconds after {@code from} when readiness was first seen UP again, or null. */
        Double upAfter(List<Sample> samples, long from) {
            synchronized (samples) {
                return samples.stream().filter(sample -> sample.nanos() >= from && sample.up()).findFirst()
                        .map(sample -> (sample.nanos() - from) / 1e9).orElse(null);
            }
        }

        boolean downBetween(List<Sample> samples, long from, long to) {
            synchronized (samples) {
                return samples.stream().anyMatch(sample -> sample.nanos() >= from && sample.nanos() <= to && !sample.up());
            }
        }

        boolean claimedHealthyBetween(long from, long to) {
            synchronized (healthClaimed) {
                return healthClaimed.stream().anyMatch(sample -> sample.nanos() >= from && sample.nanos() <= to && sample.up());
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.eoc.accounts.faults;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.eoc.accounts.harness.Json;
import com.eoc.accounts.harness.Machine;

/**
 * The fault trials, against processes that this harness starts itself (faults/run builds the
 * jars): each trial breaks something under load, then asks the event store and the views whether
 * anything acknowledged was lost or is wrong. Prints a table, writes
 * {@code faults/results/latest.json}, and exits with 0 when every trial passed, 1 when one
 * failed, 2 when the trials could not be run to the end.
 */
public final class Faults {

    private Faults() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Instant began = Instant.now();
        List<Trial> trials = new ArrayList<>();
        Map<String, Object> machine = null;
        String error = null;
        try (Cluster cluster = new Cluster(settings)) {
            Trials run = new Trials(settings, cluster);
            run.setUp();
            machine = Machine.describe(cluster.jdbcUrl());
            Trials.say("%s mode: %d clients on %d accounts, %d kill(s) per side, %d repeats per sequence",
                    settings.mode(), settings.clients(), settings.accounts(), settings.kills(), settings.repeats());
            trials.add(announce(run.commandSideKilled()));
            trials.add(announce(run.querySideKilled()));
            trials.add(announce(run.databaseLost()));
            trials.add(announce(run.twoCommandSides()));
            trials.add(announce(run.twoQuerySides()));
        } catch (Exception e) {
            error = e.toString();
            System.err.println("faults: could not run the trials to the end: " + e);
            e.printStackTrace();
        }
        double took = (Instant.now().toEpochMilli() - began.toEpochMilli()) / 1000.0;
        Files.createDirectories(settings.output().toAbsolutePath().getParent());
        Files.writeString(settings.output(), json(settings, trials, machine, began, took, error));
        System.out.println();
        System.out.println(table(settings, trials, took, error));
        System.out.println("Written to " + settings.output());
        System.exit(error != null ? 2 : trials.stream().allMatch(Trial::passed) ? 0 : 1);
    }

    private static Trial announce(Trial trial) {
        Trials.say("%s: %s", trial.name(), trial.passed() ? "passed" : "FAILED: " + String.join("; ", trial.failures()));
        return trial;
    }

    private static String json(Settings settings, List<Trial> trials, Map<String, Object> machine, Instant began,
                               double took, String error) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("passed", error == null && trials.stream().allMatch(Trial::passed));
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Trial trial : trials) {
            byName.put(trial.name(), trial.json());
        }
        root.put("trials", byName);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("mode", settings.mode());
        run.put("clients", settings.clients());
        run.put("accounts", settings.accounts());
        run.put("kills_per_side", settings.kills());
        run.put("repeats_per_sequence", settings.repeats());
        run.put("load_s", settings.load().toSeconds());
        run.put("outage_s", settings.outage().toSeconds());
        run.put("takeover_limit_s", settings.takeoverLimit().toSeconds());
        root.put("settings", run);
        root.put("machine", machine);
        root.put("started_at", began.toString());
        root.put("took_s", took);
        root.put("error", error);
        return Json.write(root, "") + "\n";
    }

    /** One line per trial with the figures an operator asks first, then why a trial failed. */
    private static String table(Settings settings, List<Trial> trials, double took, String error) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Fault trials, %s mode, %.0f s%n%n", settings.mode(), took));
        out.append(String.format("  %-31s %6s %5s %5s %5s %5s %8s  %s%n", "trial", "acked", "lost", "dupl", "gaps",
                "views", "wrong", "result"));
        for (Trial trial : trials) {
            Map<String, Object> f = trial.figures();
            Object views = sum(f, "view_mismatches", "view_mismatches_after_replay");
            out.append(String.format("  %-31s %6s %5s %5s %5s %5s %8s  %s%n", trial.name(), value(f, "acknowledged"),
                    value(f, "lost"), value(f, "duplicated"), value(f, "sequence_gaps"), views, value(f, "wrong_answers"),
                    trial.passed() ? "passed" : "FAILED"));
        }
        out.append('\n');
        for (Trial trial : trials) {
            out.append("  ").append(trial.name()).append(": ").append(trial.what()).append('\n');
            for (Map.Entry<String, Object> figure : trial.figures().entrySet()) {
                if (!figure.getKey().endsWith("examples")) {
                    out.append(String.format(Locale.ROOT, "      %-46s %s%n", figure.getKey(), figure.getValue() instanceof Double number
                            ? String.format(Locale.ROOT, "%.2f", number) : figure.getValue()));
                }
            }
            for (String failure : trial.failures()) {
                out.append("    FAILED: ").append(failure).append('\n');
            }
        }
        if (error != null) {
            out.append(String.format("%nNot run to the end: %s%n", error));
        }
        return out.toString();
    }

    private static Object value(Map<String, Object> figures, String name) {
        Object value = figures.get(name);
        return value == null ? "-" : value;
    }

    private static Object sum(Map<String, Object> figures, String... names) {
        int total = 0;
        boolean any = false;
        for (String name : names) {
            if (figures.get(name) instanceof Integer count) {
                total += count;
                any = true;
            }
        }
        return any ? total : "-";
    }
}

package com.eoc.accounts.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads measured in turns, so that each sees the same machine: after each has warmed up, they
 * take turns of equal slices (a few seconds of lead-in each, not counted), until each was
 * measured for the whole duration.
 *
 * <p>On a shared virtual machine the speed of the whole machine drifts over minutes: in one quick
 * run every process, PostgreSQL and the load generator included, spent a fifth less CPU per
 * request during the CRUD load than during the command load that followed it. A ratio of two
 * loads measured one after the other carries such a drift; measured in turns, both see it alike.
 */
final class Alternating {

    /** Lets a load that was paused reach its pace again before its slice is counted. */
    static final Duration LEAD_IN = Duration.ofSeconds(3);

    /** A load: its name, one request of one client, and the meter that adds up its slices. */
    record Load(String name, ClosedLoop.Request request, CpuMeter cpu) {
    }

    private Alternating() {
    }

    /**
     * Warms up each load in the order given, then measures them in turns of {@code slices}
     * slices each; answers each load's figures by name, with the length of its warm-up.
     */
    static Map<String, ClosedLoop.Result> measure(int clients, List<Load> loads, Supplier<Warmup> warmup,
                                                  Duration total, int slices) throws InterruptedException {
        Map<String, Double> warmups = new LinkedHashMap<>();
        for (Load load : loads) {
            warmups.put(load.name(), ClosedLoop.warmUp(load.name(), clients, warmup.get(), load.request()));
        }
        Duration slice = total.dividedBy(slices);
        Map<String, ClosedLoop.Result> results = new LinkedHashMap<>();
        for (int i = 0; i < slices; i++) {
            for (Load load : loads) {
                ClosedLoop.Result part = ClosedLoop.run(load.name(), clients, Warmup.fixed(LEAD_IN), slice,
                        load.cpu(), load.request());
                results.merge(load.name(), part, ClosedLoop.Result::plus);
            }
        }
        results.replaceAll((name, result) -> result.warmedUpFor(warmups.get(name)));
        return results;
    }
}

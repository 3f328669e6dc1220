package com.eoc.accounts.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Two loads measured in turns, so that both see the same machine: after each has warmed up, they
 * take turns of equal slices, in the order A B B A A B... (so that neither is measured earlier on
 * average), each slice after a lead-in that is not counted, until each was measured for the whole
 * duration.
 *
 * <p>On a shared virtual machine the speed of the whole machine drifts over minutes: in one quick
 * run every process, PostgreSQL and the load generator included, spent a fifth less CPU per
 * request during the CRUD load than during the command load that followed it. A ratio of two
 * loads measured one after the other carries such a drift; measured in turns, both see it alike.
 */
final class Alternating {

    /**
     * The time a load runs before its slice counts: the load reaches its pace again, and the
     * other load's last work is out of the figures. PostgreSQL 15 and later report an idle
     * backend's commits and WAL up to 10 s after it went idle; counted from the lead-in, they
     * would be the other load's.
     */
    static final Duration LEAD_IN = Duration.ofSeconds(11);

    /** A load: its name, one request of one client, and the meter that adds up its slices. */
    record Load(String name, ClosedLoop.Request request, CpuMeter cpu) {
    }

    private Alternating() {
    }

    /**
     * Warms up both loads, the first one first, then measures them in turns of {@code slices}
     * slices each; answers each load's figures by name, with the length of its warm-up.
     */
    static Map<String, ClosedLoop.Result> measure(int clients, Load first, Load second, Supplier<Warmup> warmup,
                                                  Duration total, int slices) throws InterruptedException {
        Map<String, Double> warmups = new LinkedHashMap<>();
        for (Load load : List.of(first, second)) {
            warmups.put(load.name(), ClosedLoop.warmUp(load.name(), clients, warmup.get(), load.request()));
        }
        Duration slice = total.dividedBy(slices);
        Map<String, ClosedLoop.Result> results = new LinkedHashMap<>();
        for (int i = 0; i < slices; i++) {
            for (Load load : i % 2 == 0 ? List.of(first, second) : List.of(second, first)) {
                ClosedLoop.Result part = ClosedLoop.run(load.name(), clients, Warmup.fixed(LEAD_IN), slice,
                        load.cpu(), load.request());
                results.merge(load.name(), part, ClosedLoop.Result::plus);
            }
        }
        results.replaceAll((name, result) -> result.warmedUpFor(warmups.get(name)));
        return results;
    }
}

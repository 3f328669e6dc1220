package com.eoc.accounts.bench;

import com.eoc.accounts.harness.Http;
import com.eoc.accounts.harness.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How long after a command's answer the query side shows it, under a steady command load (a
 * fixed rate, not as fast as possible). Most clients only send commands at their share of the
 * rate; a few probes send theirs, then read {@code GET /api/accounts/{id}} on the query side
 * every {@value #POLL_MILLIS} ms until the view reaches the version the command answered (so the
 * figures are that much coarse; polling faster would load the query side with the measurement).
 */
final class Lag {

    record Result(Latencies lags, double commandsPerSecond, long probes, long timeouts, double warmupSeconds) {
    }

    private static final int PROBES = 4;
    private static final double PROBE_SHARE = 0.2;
    private static final long GIVE_UP_NANOS = 10_000_000_000L;
    private static final int POLL_MILLIS = 5;

    private Lag() {
    }

    static Result measure(Settings settings, Http http, CommandSide commands, List<UUID> accounts, double rate,
                          Warmup warmup, CpuMeter cpu)
            throws InterruptedException {
        long start = System.nanoTime();
        ClosedLoop.Period period = new ClosedLoop.Period();
        int senders = Math.max(1, settings.clients() - PROBES);
        AtomicLong commandsSent = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Latencies> lags = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders + PROBES; i++) {
            boolean probe = i >= senders;
            long interval = (long) (1e9 / (probe ? rate * PROBE_SHARE / PROBES : rate * (1 - PROBE_SHARE) / senders));
            Latencies mine = new Latencies();
            lags.add(mine);
            Thread thread = new Thread(() -> {
                // spread the clients' first requests over one interval, then keep each one's pace
                long next = start + ThreadLocalRandom.current().nextLong(interval);
                try {
                    while (!period.over(next) && failure.get() == null) {
                        ClosedLoop.sleepUntil(next);
                        next += interval;
                        UUID account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                        long version = commands.rename(account);
                        long answered = System.nanoTime();
                        boolean counted = period.holds(answered, answered);
                        if (counted) {
                            commandsSent.incrementAndGet();
                        }
                        if (probe) {
                            long lag = awaitVersion(http, settings.querySide(), account, version, answered);
                            if (counted) {
                                mine.add(lag);
                                if (lag >= GIVE_UP_NANOS) {
                                    timeouts.incrementAndGet();
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, (probe ? "lag-probe-" : "lag-load-") + i);
            thread.start();
            threads.add(thread);
        }
        double warmedUp = period.after(warmup, start, cpu, settings.measure());
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("measuring the lag failed", failure.get());
        }
        Latencies all = Latencies.merge(lags);
        return new Result(all, commandsSent.get() / (settings.measure().toNanos() / 1e9), all.size(), timeouts.get(), warmedUp);
    }

    /** Nanoseconds from the command's answer until the view shows its version (or the give-up time). */
    private static long awaitVersion(Http http, URI querySide, UUID account, long version, long answered)
            throws Exception {
        URI view = querySide.resolve("/api/accounts/" + account);
        while (true) {
            Http.Response response = http.get(view);
            long now = System.nanoTime();
            if (response.ok() && Json.number(response.body(), "version") >= version) {
                return now - answered;
            }
            if (response.status() != 404 && !response.ok()) {
                throw new IllegalStateException("GET /api/accounts/{id} answered " + response.status());
            }
            if (now - answered >= GIVE_UP_NANOS) {
                return GIVE_UP_NANOS;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

}

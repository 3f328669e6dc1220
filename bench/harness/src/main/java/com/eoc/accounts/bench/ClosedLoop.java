package com.eoc.accounts.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one is
 * answered, first for a warm-up (not counted), then for the measured period. Only requests that
 * start and end inside the measured period count.
 */
final class ClosedLoop {

    /** One request of one client; throws when it did not succeed. */
    interface Request {
        void send(int client) throws Exception;
    }

    record Result(long succeeded, long failed, double seconds, Latencies latencies, String firstFailure) {

        double perSecond() {
            return succeeded / seconds;
        }
    }

    private ClosedLoop() {
    }

    static Result run(String what, int clients, Duration warmup, Duration measure, CpuMeter cpu, Request request)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        Thread meter = meter(cpu, measureFrom, measureUntil);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Latencies mine = new Latencies();
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                while (true) {
                    long before = System.nanoTime();
                    if (before >= measureUntil) {
                        return;
                    }
                    boolean ok;
                    try {
                        request.send(client);
                        ok = true;
                    } catch (Exception e) {
                        ok = false;
                        firstFailure.compareAndSet(null, e.toString());
                    }
                    long after = System.nanoTime();
                    if (before >= measureFrom && after <= measureUntil) {
                        if (ok) {
                            succeeded.incrementAndGet();
                            mine.add(after - before);
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }
            }, what + "-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        meter.join();
        return new Result(succeeded.get(), failed.get(), measure.toNanos() / 1e9, Latencies.merge(latencies),
                firstFailure.get());
    }

    /** Reads the CPU meter when the measured period begins and when it ends. */
    static Thread meter(CpuMeter cpu, long measureFrom, long measureUntil) {
        Thread meter = new Thread(() -> {
            try {
                sleepUntil(measureFrom);
                cpu.start();
                sleepUntil(measureUntil);
                cpu.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-meter");
        meter.start();
        return meter;
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Refuses a result that does not measure what it says: nothing answered, or many failures. */
    static Result checked(String what, Result result) {
        if (result.succeeded() == 0 || result.failed() > result.succeeded() / 100) {
            throw new IllegalStateException(what + ": " + result.succeeded() + " requests succeeded, "
                    + result.failed() + " failed" + (result.firstFailure() == null ? "" : " (" + result.firstFailure() + ")"));
        }
        return result;
    }
}

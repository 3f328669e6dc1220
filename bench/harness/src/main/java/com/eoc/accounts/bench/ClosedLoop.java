package com.eoc.accounts.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one is
 * answered, first for a warm-up (not counted, see {@link Warmup}), then for the measured period.
 * Only requests that start and end inside the measured period count.
 */
final class ClosedLoop {

    /** One request of one client; throws when it did not succeed. */
    interface Request {
        void send(int client) throws Exception;
    }

    /** What the measured period gave; {@code warmupSeconds} is how long the load ran before it. */
    record Result(long succeeded, long failed, double seconds, Latencies latencies, String firstFailure,
                  double warmupSeconds) {

        double perSecond() {
            return succeeded / seconds;
        }

        /** The same figures, after a warm-up of that many seconds. */
        Result warmedUpFor(double seconds) {
            return new Result(succeeded, failed, this.seconds, latencies, firstFailure, seconds);
        }

        /** Both measured periods of one load as one; the warm-up is this one's. */
        Result plus(Result later) {
            return new Result(succeeded + later.succeeded, failed + later.failed, seconds + later.seconds,
                    Latencies.merge(List.of(latencies, later.latencies)),
                    firstFailure != null ? firstFailure : later.firstFailure, warmupSeconds);
        }
    }

    private ClosedLoop() {
    }

    static Result run(String what, int clients, Warmup warmup, Duration measure, CpuMeter cpu, Request request)
            throws InterruptedException {
        long start = System.nanoTime();
        Period period = new Period();
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
                    if (period.over(before)) {
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
                    if (period.holds(before, after)) {
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
        double warmedUp = period.after(warmup, start, cpu, measure);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(succeeded.get(), failed.get(), measure.toNanos() / 1e9, Latencies.merge(latencies),
                firstFailure.get(), warmedUp);
    }

    /** Runs the load for its warm-up only, measuring nothing; answers how long that took, in seconds. */
    static double warmUp(String what, int clients, Warmup warmup, Request request) throws InterruptedException {
        return run(what, clients, warmup, Duration.ZERO, null, request).warmupSeconds();
    }

    /**
     * The measured period of a load, which begins when its warm-up is over: until then it is
     * open-ended, and nothing counts.
     */
    static final class Period {

        private volatile long from = Long.MAX_VALUE;
        private volatile long until = Long.MAX_VALUE;

        /**
         * Waits for the warm-up that began at {@code startNanos}, then runs the period, reading the
         * CPU meter at its beginning and its end (a period of zero length: none, and no meter);
         * returns the warm-up's length in seconds. If anything fails the period ends at once, so
         * that the clients stop.
         */
        double after(Warmup warmup, long startNanos, CpuMeter cpu, Duration length) throws InterruptedException {
            try {
                double warmedUp = warmup.await(startNanos);
                if (length.isZero()) {
                    return warmedUp;
                }
                long now = System.nanoTime();
                until = now + length.toNanos();
                from = now;
                cpu.start();
                sleepUntil(until);
                cpu.stop();
                return warmedUp;
            } finally {
                long now = System.nanoTime();
                if (now < until) {
                    until = now;
                }
            }
        }

        /** Whether a request that began and ended at these times counts. */
        boolean holds(long began, long ended) {
            return began >= from && ended <= until;
        }

        /** Whether a moment lies after the period's end; never before the period has begun. */
        boolean over(long moment) {
            return moment >= until;
        }
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

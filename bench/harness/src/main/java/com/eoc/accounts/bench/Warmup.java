package com.eoc.accounts.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * How long a load runs before it is measured. At least the configured warm-up; after that, until
 * the JIT compilers of the JVMs taking part have nearly stopped: until their compiler threads
 * used less than {@value #SETTLED_SHARE_OF_A_CORE} of one core over the last
 * {@value #WINDOW_SECONDS} s (so a warm-up lasts one such window at least). Never longer than
 * the configured ceiling.
 *
 * <p>On a machine of two cores a Spring and Axon application compiles for a minute or more under
 * its first load, and its compiler threads then take a third of its CPU: measured during that
 * time, a figure says more about how much code the JIT still had to compile than about the
 * steady state a service runs in.
 */
final class Warmup {

    private static final double SETTLED_SHARE_OF_A_CORE = 0.05;
    private static final long WINDOW_SECONDS = 5;
    private static final long WINDOW_NANOS = Duration.ofSeconds(WINDOW_SECONDS).toNanos();

    private final Duration least;
    private final Duration most;
    private final Collection<Long> jvms;

    Warmup(Duration least, Duration most, Collection<Long> jvms) {
        this.least = least;
        this.most = most;
        this.jvms = jvms;
    }

    /** A warm-up of exactly that long, for a load whose JVMs are warm already. */
    static Warmup fixed(Duration length) {
        return new Warmup(length, length, List.of());
    }

    /** Waits until the warm-up that began at {@code startNanos} is over; returns its length in seconds. */
    double await(long startNanos) throws InterruptedException {
        long earliest = startNanos + least.toNanos();
        long latest = startNanos + most.toNanos();
        ClosedLoop.sleepUntil(Math.min(earliest, latest) - WINDOW_NANOS);
        double compiledBefore = compilerSeconds();
        long windowStart = System.nanoTime();
        while (true) {
            ClosedLoop.sleepUntil(Math.min(windowStart + WINDOW_NANOS, latest));
            long now = System.nanoTime();
            double compiled = compilerSeconds();
            double shareOfACore = (compiled - compiledBefore) / ((now - windowStart) / 1e9);
            if (now >= latest || (now >= earliest && shareOfACore < SETTLED_SHARE_OF_A_CORE)) {
                return (now - startNanos) / 1e9;
            }
            compiledBefore = compiled;
            windowStart = now;
        }
    }

    private double compilerSeconds() {
        return jvms.stream().mapToDouble(CpuMeter::compilerSeconds).sum();
    }
}

package com.eoc.accounts.bench;

import java.util.Arrays;
import java.util.Collection;

/** Every latency of a measured period, in nanoseconds: exact percentiles, no histogram rounding. */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Latencies merge(Collection<Latencies> parts) {
        Latencies all = new Latencies();
        all.values = new long[Math.max(1, parts.stream().mapToInt(Latencies::size).sum())];
        for (Latencies part : parts) {
            System.arraycopy(part.values, 0, all.values, all.size, part.size);
            all.size += part.size;
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The nearest-rank percentile of a merged (sorted) set, in milliseconds. */
    double percentileMs(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}

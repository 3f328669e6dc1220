package com.eoc.accounts.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What clients got from requests sent between two instants: counts by status, and the slowest answer. */
record Window(Map<String, Integer> byStatus, int requests, int serverErrors, int unavailableWithRetryAfter,
              int slowerThanLimit, double slowestMs, Double firstRefusalMs) {

    /** An answer slower than this, during a fault, is a hang rather than a fast refusal. */
    static final double SLOW_MS = 1500;

    static Window of(List<Outcome> outcomes, long fromNanos, long toNanos) {
        Map<String, Integer> byStatus = new TreeMap<>();
        int requests = 0;
        int serverErrors = 0;
        int unavailable = 0;
        int slow = 0;
        double slowest = 0;
        Double firstRefusal = null;
        for (Outcome outcome : outcomes) {
            if (outcome.sentNanos() < fromNanos || outcome.sentNanos() > toNanos) {
                continue;
            }
            requests++;
            byStatus.merge(Outcome.label(outcome.status()), 1, Integer::sum);
            if (outcome.status() >= 500 && outcome.status() != 503) {
                serverErrors++;
            }
            if (outcome.status() == 503 && outcome.retryAfter()) {
                unavailable++;
            }
            if (outcome.answered() || outcome.status() == Outcome.TIMED_OUT) {
                slowest = Math.max(slowest, outcome.tookMs());
                if (outcome.tookMs() > SLOW_MS) {
                    slow++;
                }
            }
            if (outcome.answered() && !outcome.ok()) {
                double after = (outcome.sentNanos() + outcome.tookNanos() - fromNanos) / 1e6;
                firstRefusal = firstRefusal == null ? after : Math.min(firstRefusal, after);
            }
        }
        return new Window(byStatus, requests, serverErrors, unavailable, slow, slowest, firstRefusal);
    }

    /** The first acknowledged request sent at or after that instant, in seconds after it; null if none. */
    static Double firstSuccessAfter(List<Outcome> outcomes, long fromNanos) {
        return outcomes.stream()
                .filter(outcome -> outcome.ok() && outcome.sentNanos() >= fromNanos)
                .mapToLong(outcome -> outcome.sentNanos() + outcome.tookNanos())
                .min()
                .stream().mapToObj(end -> (end - fromNanos) / 1e9).findFirst().orElse(null);
    }

    /** The window's figures, each name prefixed. */
    Map<String, Object> figures(String prefix) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(prefix + "requests", requests);
        figures.put(prefix + "by_status", new TreeMap<String, Object>(byStatus));
        figures.put(prefix + "server_errors", serverErrors);
        figures.put(prefix + "503_with_retry_after", unavailableWithRetryAfter);
        figures.put(prefix + "slower_than_" + (int) SLOW_MS + "_ms", slowerThanLimit);
        figures.put(prefix + "slowest_ms", slowestMs);
        figures.put(prefix + "first_refusal_ms", firstRefusalMs);
        return figures;
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        byStatus.forEach((status, count) -> out.append(out.isEmpty() ? "" : ", ").append(count).append("× ").append(status));
        return String.format(Locale.ROOT, "%s; slowest answer %.0f ms", out.isEmpty() ? "no requests" : out, slowestMs);
    }
}

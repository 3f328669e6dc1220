package com.eoc.accounts.faults;

/**
 * What one request got: an HTTP status, or no answer at all ({@link #REFUSED}: no connection;
 * {@link #TIMED_OUT}: no answer in time; {@link #BROKEN}: the connection ended without an
 * answer), with when it was sent and how long it took.
 */
record Outcome(long sentNanos, long tookNanos, int status, boolean retryAfter, long version, String body) {

    static final int REFUSED = -1;
    static final int TIMED_OUT = -2;
    static final int BROKEN = -3;

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** An answer that a client can act on (any status), as opposed to none. */
    boolean answered() {
        return status > 0;
    }

    double tookMs() {
        return tookNanos / 1e6;
    }

    static String label(int status) {
        return switch (status) {
            case REFUSED -> "connection refused";
            case TIMED_OUT -> "timed out";
            case BROKEN -> "connection broken";
            default -> Integer.toString(status);
        };
    }
}

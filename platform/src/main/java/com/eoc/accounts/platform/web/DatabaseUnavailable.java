package com.eoc.accounts.platform.web;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that failed because the database could not be reached: not a bug of this service but
 * a state it is in, answered 503 {@code database-unavailable} with {@code Retry-After}, never 500.
 * The failure is recognised anywhere in the cause chain, however Spring, Hibernate or Axon wrapped
 * it (a {@code CommandExecutionException}, an {@code EventStoreException} whose message says that
 * an event "was already inserted" when the connection broke under the insert, a
 * {@code JpaSystemException}).
 *
 * <p>It is logged as what it is, in one line without a stack trace, and at most once per
 * {@link #LOG_INTERVAL} while it lasts: during an outage every request fails for the same reason,
 * and a line with a stack trace for each would bury whatever else happens. The line names the
 * driver's or the pool's message (refused, reset, timed out, shut down by an administrator), never
 * what the request held or the statement that was running, whose parameters are the client's.
 */
public final class DatabaseUnavailable {

    /** Long enough for PostgreSQL to restart or fail over, short enough for a client to wait. */
    static final String RETRY_AFTER_SECONDS = "2";
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** SQLState class 08: connection exception (refused, broken, closed, cannot connect). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** The server is going away or not there yet: admin_shutdown, crash_shutdown, cannot_connect_now. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /**
     * What HikariCP's proxy answers (without an SQLState) when the pool has already evicted the
     * connection that a transaction still holds, after an earlier statement on it broke.
     */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    private static final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());
    private static final AtomicLong unloggedSince = new AtomicLong();

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything that caused it, says that the database could not be reached. */
    public static boolean isCauseOf(Throwable failure) {
        return connectionFailureIn(failure) != null;
    }

    /**
     * The answer to a request that failed for that reason (see {@link #isCauseOf}), and the log
     * line that says so when one is due.
     */
    static ResponseEntity<ProblemDetail> answer(Throwable failure) {
        logNowAndThen(connectionFailureIn(failure));
        ProblemDetail problem = ProblemDetailsSupport.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Database unavailable",
                "the database cannot be reached just now; retry after a moment. A change that was being saved"
                        + " as the database went away may or may not have been made: read the account's version"
                        + " before sending it again");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    private static void logNowAndThen(Throwable cause) {
        long now = System.nanoTime();
        long due = nextLogNanos.get();
        if (now - due >= 0 && nextLogNanos.compareAndSet(due, now + LOG_INTERVAL.toNanos())) {
            long unlogged = unloggedSince.getAndSet(0);
            log.warn("Database unavailable: {}; answering 503 database-unavailable{}", describe(cause),
                    unlogged == 0 ? "" : " (" + unlogged + " more such requests since the last line)");
        } else {
            unloggedSince.incrementAndGet();
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof BatchUpdateException batch) {
            return "BatchUpdateException (SQLState " + batch.getSQLState() + ")";
        }
        String state = cause instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")" : "";
        return cause.getClass().getSimpleName() + ": " + cause.getMessage() + state;
    }

    /** The first link of the chain that tells of a lost connection, or null. */
    private static Throwable connectionFailureIn(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable found = null;
        for (Throwable link = failure; link != null && seen.add(link); link = next(link)) {
            if (link instanceof SQLException sql && isConnectionFailure(sql)) {
                // the driver's own words are the most precise: keep looking for them; but a batch's
                // failure repeats the statement with its parameters, which are the client's
                if (!(sql instanceof BatchUpdateException) || found == null) {
                    found = sql;
                }
            } else if (found == null && (link instanceof CannotCreateTransactionException
                    || link instanceof DataAccessResourceFailureException)) {
                found = link;
            }
        }
        return found;
    }

    private static Throwable next(Throwable link) {
        if (link.getCause() != null) {
            return link.getCause();
        }
        // a batch's failure (BatchUpdateException) names its cause as the next exception
        return link instanceof SQLException sql ? sql.getNextException() : null;
    }

    private static boolean isConnectionFailure(SQLException sql) {
        String state = sql.getSQLState();
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (state == null) {
            return POOL_CLOSED_CONNECTION.equals(sql.getMessage());
        }
        return state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GOING_AWAY.contains(state);
    }
}

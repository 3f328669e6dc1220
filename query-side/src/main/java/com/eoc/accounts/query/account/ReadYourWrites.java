package com.eoc.accounts.query.account;

import com.eoc.accounts.query.config.ViewUpdates;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads an account's view once it has reached a version that a client knows of (the version a
 * command answered): at once if it has, else after waiting at most {@code accounts.read-your-writes.max-wait}.
 * The wait is woken when a projection of this node commits and when the command side announces new
 * events ({@link ViewUpdates}); it also looks again every {@value #RECHECK_MILLIS} ms, for a view
 * that another query-side node keeps. A view that does not exist yet is behind every version.
 */
@Component
class ReadYourWrites {

    static final long RECHECK_MILLIS = 200;
    private static final long RECHECK_NANOS = Duration.ofMillis(RECHECK_MILLIS).toNanos();

    private final AccountViewRepository accounts;
    private final ViewUpdates updates;
    private final long maxWaitNanos;

    ReadYourWrites(AccountViewRepository accounts, ViewUpdates updates,
                   @Value("${accounts.read-your-writes.max-wait}") Duration maxWait) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("accounts.read-your-writes.max-wait must not be negative: " + maxWait);
        }
        this.accounts = accounts;
        this.updates = updates;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * The account's view at {@code minVersion} or later.
     *
     * @throws ViewBehindException when it has not got there within the wait
     */
    AccountView atLeast(UUID accountId, long minVersion) {
        long deadline = System.nanoTime() + maxWaitNanos;
        Optional<AccountView> view = Optional.empty();
        try {
            while (true) {
                long seen = updates.count();
                view = accounts.findById(accountId);
                if (view.isPresent() && view.get().getVersion() >= minVersion) {
                    return view.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                updates.awaitChangeFrom(seen, Math.min(left, RECHECK_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ViewBehindException(accountId, minVersion, view.map(AccountView::getVersion));
    }
}

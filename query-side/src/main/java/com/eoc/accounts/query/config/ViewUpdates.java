package com.eoc.accounts.query.config;

import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Tells the readers that wait for a view to reach a version (read-your-writes) that it may have:
 * a projection of this node committed, or the command side announced new events. A reader notes
 * {@link #count()} before it reads the view, and if the view is not there yet waits for a change
 * of the count ({@link #awaitChangeFrom}); so no signal between its read and its wait is lost,
 * and no reader polls while nothing happens.
 */
@Component
public class ViewUpdates {

    private final Object lock = new Object();
    private long count;

    /** Something may have changed in the views. */
    public void happened() {
        synchronized (lock) {
            count++;
            lock.notifyAll();
        }
    }

    public long count() {
        synchronized (lock) {
            return count;
        }
    }

    /**
     * Waits until something happens after {@code seen} was the count, or at most {@code nanos}.
     *
     * @return whether something happened
     */
    public boolean awaitChangeFrom(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            while (count == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}

package com.eoc.accounts.command.config;

import com.eoc.accounts.platform.eventstore.AppendNotifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the query side, through PostgreSQL {@code NOTIFY}, that events were committed, so that it
 * reads them at once rather than at its next poll.
 *
 * <p>The notification is sent after the command's transaction has committed, from one thread of
 * its own, never inside the command's transaction: PostgreSQL serialises the commits of
 * transactions that notify, which would cost every command its own disk flush. Commits that
 * happen while a notification is on its way share the next one, so there is at most one in flight
 * however many commands commit.
 *
 * <p>After each notification the sender rests for {@code interval}, and the commits of that time
 * share the next one: under a steady flow of commands that is one notification (one transaction)
 * per interval rather than one for nearly every command. The query side reads the head of the
 * event table at most once per interval of its own anyway ({@code accounts.event-store.head-read-interval});
 * a commit after a quiet spell is announced at once.
 */
@Component
class AppendNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendNotifier.class);
    /**
     * The notification, in a transaction that commits without waiting for the disk: a NOTIFY
     * gives its transaction an id, so a synchronous commit would flush the WAL once more for every
     * notification. Losing one in a crash of the database costs nothing, since the events it
     * announces are committed already and the query side polls.
     */
    private static final String NOTIFY = "SELECT set_config('synchronous_commit', 'off', true), pg_notify('"
            + AppendNotifications.CHANNEL + "', '')";

    /** Waits for a number of nanoseconds; the tests' waits until told. */
    interface Pause {
        void nanos(long nanos) throws InterruptedException;
    }

    private final EventStore eventStore;
    private final DataSource dataSource;
    private final long intervalNanos;
    private final Pause pause;
    private final Object lock = new Object();
    private boolean pending;
    private volatile boolean running;
    private Thread sender;
    private Registration subscription;

    @Autowired
    AppendNotifier(EventStore eventStore, DataSource dataSource,
                   @Value("${accounts.event-store.notify-interval}") Duration interval) {
        this(eventStore, dataSource, interval, TimeUnit.NANOSECONDS::sleep);
    }

    AppendNotifier(EventStore eventStore, DataSource dataSource, Duration interval, Pause pause) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        this.eventStore = eventStore;
        this.dataSource = dataSource;
        this.intervalNanos = interval.toNanos();
        this.pause = pause;
    }

    @Override
    public void start() {
        running = true;
        sender = new Thread(this::sendWhilePending, "append-notifier");
        sender.setDaemon(true);
        sender.start();
        // called while a command's events are being committed, inside its transaction
        subscription = eventStore.subscribe(events -> afterCommit());
    }

    private void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    eventsCommitted();
                }
            });
        } else {
            eventsCommitted();
        }
    }

    private void eventsCommitted() {
        synchronized (lock) {
            pending = true;
            lock.notifyAll();
        }
    }

    private void sendWhilePending() {
        while (running) {
            try {
                synchronized (lock) {
                    while (!pending && running) {
                        lock.wait();
                    }
                    pending = false;
                }
                if (running) {
                    notifyQuerySide();
                    pause.nanos(intervalNanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void notifyQuerySide() throws InterruptedException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(NOTIFY);
        } catch (SQLException e) {
            // the query side still polls: the events reach it a little later
            log.warn("Could not notify the query side of new events: {}", e.getMessage());
            Thread.sleep(1000);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (subscription != null) {
            subscription.cancel();
        }
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package com.eoc.accounts.query.config;

import com.eoc.accounts.platform.eventstore.AppendNotifications;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL for the command side's "events were appended" and wakes the event
 * store's reader, so that a view follows a command within milliseconds rather than within the
 * fetch delay. The polling stays: it covers a notification lost while this listener reconnects.
 *
 * <p>Its connection is its own, outside the pool: a listening session is held for the life of the
 * application.
 */
@Component
class AppendListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppendListener.class);
    private static final int WAIT_MILLIS = 500;

    private final NotifiedEventStore eventStore;
    private final ViewUpdates viewUpdates;
    private final String url;
    private final String username;
    private final String password;
    private volatile boolean running;
    private Thread listener;

    AppendListener(NotifiedEventStore eventStore, ViewUpdates viewUpdates, @Value("${spring.datasource.url}") String url,
                   @Value("${spring.datasource.username:}") String username,
                   @Value("${spring.datasource.password:}") String password) {
        this.eventStore = eventStore;
        this.viewUpdates = viewUpdates;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listenWhileRunning, "append-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void listenWhileRunning() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + AppendNotifications.CHANNEL);
                }
                // events appended while nobody listened are fetched now, not at the next poll
                eventStore.eventsAppendedElsewhere();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        eventStore.eventsAppendedElsewhere();
                        // another node's projection may have applied them: readers waiting here look again
                        viewUpdates.happened();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Not listening for new events ({}); polling for them until listening again", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

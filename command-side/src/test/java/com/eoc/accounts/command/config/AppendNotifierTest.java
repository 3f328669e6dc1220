package com.eoc.accounts.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One notification per interval however many commands commit in it, and none for nothing. The
 * interval here is a pause that lasts until the test ends it.
 */
class AppendNotifierTest {

    private static final Duration INTERVAL = Duration.ofMillis(10);

    private final EventStore eventStore = mock(EventStore.class);
    private final DataSource dataSource = mock(DataSource.class);
    private final AtomicInteger notifications = new AtomicInteger();
    private final AtomicReference<Consumer<List<? extends EventMessage<?>>>> committed = new AtomicReference<>();
    private final Semaphore endOfPause = new Semaphore(0);
    private final AtomicInteger pausesStarted = new AtomicInteger();
    private final AtomicReference<Long> pauseAskedFor = new AtomicReference<>();
    private AppendNotifier notifier;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        Connection connection = mock(Connection.class);
        Statement statement = mock(Statement.class);
        given(dataSource.getConnection()).willReturn(connection);
        given(connection.createStatement()).willReturn(statement);
        given(statement.execute(contains("pg_notify"))).will(call -> notifications.incrementAndGet() > 0);
        given(eventStore.subscribe(any())).will(call -> {
            committed.set(call.getArgument(0));
            return (org.axonframework.common.Registration) () -> true;
        });
        notifier = new AppendNotifier(eventStore, dataSource, INTERVAL, nanos -> {
            pauseAskedFor.set(nanos);
            pausesStarted.incrementAndGet();
            endOfPause.acquire();
        });
        notifier.start();
    }

    @AfterEach
    void stop() {
        notifier.stop();
        endOfPause.release(100);
    }

    @Test
    void nothingCommittedNothingSent() throws InterruptedException {
        Thread.sleep(50);

        assertThat(notifications).hasValue(0);
    }

    @Test
    void theCommitsOfAnIntervalShareTheNextNotification() {
        commit();
        await().atMost(Duration.ofSeconds(5)).until(() -> pausesStarted.get() == 1);
        assertThat(notifications).hasValue(1);
        assertThat(pauseAskedFor).hasValue(INTERVAL.toNanos());

        commit();
        commit();
        commit();
        assertThat(notifications).as("during the pause").hasValue(1);

        endOfPause.release();
        await().atMost(Duration.ofSeconds(5)).until(() -> pausesStarted.get() == 2);
        assertThat(notifications).hasValue(2);
    }

    @Test
    void aCommitAfterAQuietIntervalIsAnnouncedAtOnce() {
        commit();
        await().atMost(Duration.ofSeconds(5)).until(() -> pausesStarted.get() == 1);
        endOfPause.release();

        commit();

        await().atMost(Duration.ofSeconds(5)).until(() -> notifications.get() == 2);
    }

    /** A command's events, committed outside a Spring transaction: the notifier hears of them at once. */
    private void commit() {
        committed.get().accept(List.of());
    }
}

package com.eoc.accounts.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.EmbeddedPostgresInitializer;
import com.eoc.accounts.platform.eventstore.PostgresEventStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * How the event store's reader reads the event table, on PostgreSQL: one batch per stream, each
 * starting where the last one stopped, with nothing lost or read twice; and the head at most once
 * per interval. Events are appended with the shared storage engine, as the command side does;
 * their payloads are strings, which the running processors skip.
 */
@SpringBootTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ReaderStorageEngineTest {

    private static final Duration INTERVAL = Duration.ofMillis(10);

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    org.axonframework.config.Configuration configuration;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionManager transactionManager;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> pauses = new ArrayList<>();
    private final String run = UUID.randomUUID().toString();
    private int appended;
    private TrackingToken head;
    private ReaderStorageEngine reader;

    @BeforeEach
    void readFromTheHead() {
        // the head of an empty table is no position, and a read from there starts a window too early
        storageEngine.appendEvents(List.of(GenericEventMessage.asEventMessage("before " + run)));
        head = storageEngine.createHeadToken();
        reader = reader(sharedSettings());
    }

    /** On a clock that moves only when a test says so, or by the pauses the reader takes. */
    private ReaderStorageEngine reader(JdbcEventStorageEngine.Builder settings) {
        return new ReaderStorageEngine(settings, INTERVAL, now::get, nanos -> {
            pauses.add(Duration.ofNanos(nanos));
            now.addAndGet(nanos);
        });
    }

    private JdbcEventStorageEngine.Builder sharedSettings() {
        return PostgresEventStore.storageEngine(serializer, eventSerializer, configuration, dataSource,
                transactionManager);
    }

    @Test
    void theReadersStreamIsOneBatchAndTheNextStartsWhereItEnded() {
        append(250);

        List<? extends TrackedEventMessage<?>> first = reader.readEvents(head, true).toList();
        List<? extends TrackedEventMessage<?>> second = reader.readEvents(last(first), true).toList();
        List<? extends TrackedEventMessage<?>> third = reader.readEvents(last(second), true).toList();

        int batch = reader.batchSize();
        assertThat(batch).isEqualTo(100);
        assertThat(payloads(first)).containsExactlyElementsOf(numbered(0, batch));
        assertThat(payloads(second)).containsExactlyElementsOf(numbered(batch, 2 * batch));
        assertThat(payloads(third)).containsExactlyElementsOf(numbered(2 * batch, 250));
        assertThat(pauses).as("no read reached the head before the last").isEmpty();
    }

    @Test
    void aReadAfterOneThatReachedTheHeadWaitsForTheRestOfTheInterval() {
        append(5);
        List<? extends TrackedEventMessage<?>> first = reader.readEvents(head, true).toList();

        later(Duration.ofMillis(3));
        append(2);
        List<? extends TrackedEventMessage<?>> second = reader.readEvents(last(first), true).toList();

        assertThat(pauses).containsExactly(Duration.ofMillis(7));
        assertThat(payloads(second)).containsExactlyElementsOf(numbered(5, 7));
    }

    @Test
    void aReadAfterAQuietSpellDoesNotWait() {
        append(5);
        List<? extends TrackedEventMessage<?>> first = reader.readEvents(head, true).toList();

        later(INTERVAL);
        append(1);
        List<? extends TrackedEventMessage<?>> second = reader.readEvents(last(first), true).toList();

        assertThat(pauses).isEmpty();
        assertThat(payloads(second)).containsExactlyElementsOf(numbered(5, 6));
    }

    @Test
    void eventsThatAnUpcasterDropsAreReadPast() {
        List<EventMessage<Object>> dropped = IntStream.range(0, 150)
                .mapToObj(i -> GenericEventMessage.asEventMessage(run + "/dropped " + i)).toList();
        Set<String> droppedIds = dropped.stream().map(EventMessage::getIdentifier).collect(Collectors.toSet());
        storageEngine.appendEvents(dropped);
        append(5);
        reader = reader(sharedSettings().upcasterChain(events -> events.filter(
                event -> !droppedIds.contains(event.getMessageIdentifier()))));

        List<? extends TrackedEventMessage<?>> read = reader.readEvents(head, true).toList();

        assertThat(payloads(read)).containsExactlyElementsOf(numbered(0, 5));
    }

    @Test
    void aStreamThatDoesNotBlockIsReadToTheEndWithoutWaiting() {
        append(250);
        reader.readEvents(storageEngine.createHeadToken(), true).toList();

        List<? extends TrackedEventMessage<?>> all = reader.readEvents(head, false).toList();

        assertThat(payloads(all)).containsExactlyElementsOf(numbered(0, 250));
        assertThat(pauses).isEmpty();
    }

    private void append(int count) {
        storageEngine.appendEvents(IntStream.range(appended, appended + count)
                .mapToObj(i -> GenericEventMessage.asEventMessage(run + "/" + i)).toList());
        appended += count;
    }

    private void later(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private List<Object> numbered(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (Object) (run + "/" + i)).toList();
    }

    private static TrackingToken last(List<? extends TrackedEventMessage<?>> events) {
        return events.get(events.size() - 1).trackingToken();
    }

    private static List<Object> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(event -> (Object) event.getPayload()).toList();
    }
}

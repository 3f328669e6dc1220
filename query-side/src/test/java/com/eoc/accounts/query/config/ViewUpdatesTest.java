package com.eoc.accounts.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ViewUpdatesTest {

    private final ViewUpdates updates = new ViewUpdates();

    @Test
    void aChangeSinceTheReaderLookedIsNotMissedEvenIfItCameBeforeTheWait() throws Exception {
        long seen = updates.count();
        updates.happened();

        long start = System.nanoTime();
        assertThat(updates.awaitChangeFrom(seen, TimeUnit.SECONDS.toNanos(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aWaitingReaderIsWokenByTheNextChange() throws Exception {
        long seen = updates.count();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return updates.awaitChangeFrom(seen, TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        updates.happened();

        assertThat(waiting.get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void withoutAChangeTheWaitEndsAtItsBound() throws Exception {
        long start = System.nanoTime();

        assertThat(updates.awaitChangeFrom(updates.count(), TimeUnit.MILLISECONDS.toNanos(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}

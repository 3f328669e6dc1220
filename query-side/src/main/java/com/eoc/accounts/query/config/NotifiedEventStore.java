package com.eoc.accounts.query.config;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which can be told that another process appended events: its
 * reader then fetches them at once instead of at the end of its fetch delay.
 */
class NotifiedEventStore extends EmbeddedEventStore {

    NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** Wakes the reader that feeds the tailing event processors, if it is waiting for events. */
    void eventsAppendedElsewhere() {
        // what the store does after its own commits: signal the waiting reader
        afterCommit(List.of());
    }
}

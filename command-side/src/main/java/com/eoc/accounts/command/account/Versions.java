package com.eoc.accounts.command.account;

import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * The aggregate's version is the sequence number of its last event: 0 after registration, one
 * more for every event since. That is what {@code ETag} and {@code If-Match} carry.
 */
final class Versions {

    private Versions() {
    }

    /**
     * Refuses the command if events were added since the version it expects. Without an expected
     * version there is nothing to compare, and Axon passes every command.
     */
    static void refuseIfStale(ConflictResolver conflicts) {
        conflicts.detectConflicts(unseen -> !unseen.isEmpty());
    }

    static long current() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}

package com.eoc.accounts.query.history;

import com.eoc.accounts.platform.personaldata.DataKeys;
import com.eoc.accounts.query.account.AccountNotFoundException;
import com.eoc.accounts.query.account.AccountResponse;
import com.eoc.accounts.query.account.AccountStates;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads an account's events from the event store itself, not from a view: what auditors see is
 * what was recorded, whatever state the projections are in (behind, replaying, or wrong).
 * Events pass through the upcaster chain on the way, so old revisions read as current ones, and
 * their personal fields are decrypted with the accounts' keys as they are now: an erased field
 * reads as erased from the moment of its erasure.
 */
@Component
class AccountHistory {

    private final EventStore eventStore;
    private final AccountStates states;
    private final DataKeys keys;

    AccountHistory(EventStore eventStore, AccountStates states, DataKeys keys) {
        this.eventStore = eventStore;
        this.states = states;
        this.keys = keys;
    }

    List<HistoryEntry> events(UUID accountId) {
        List<HistoryEntry> entries = keys.current(() -> read(accountId).asStream().map(HistoryEntry::of).toList());
        if (entries.isEmpty()) {
            throw new AccountNotFoundException(accountId);
        }
        return entries;
    }

    /**
     * At most {@code limit} of the account's events after sequence number {@code after} (-1: from
     * the first), and whether more follow.
     */
    Page events(UUID accountId, long after, int limit) {
        List<HistoryEntry> entries = keys.current(() -> eventStore.readEvents(accountId.toString(), after + 1)
                .asStream().limit(limit + 1L).map(HistoryEntry::of).toList());
        if (entries.isEmpty() && eventStore.lastSequenceNumberFor(accountId.toString()).isEmpty()) {
            throw new AccountNotFoundException(accountId);
        }
        return entries.size() > limit ? new Page(entries.subList(0, limit), true) : new Page(entries, false);
    }

    /** A page of an account's history; {@code more}: whether events follow its last. */
    record Page(List<HistoryEntry> entries, boolean more) {
    }

    AccountResponse stateAsOf(UUID accountId, Instant instant) {
        DomainEventStream events = read(accountId);
        if (!events.hasNext()) {
            throw new AccountNotFoundException(accountId);
        }
        return keys.current(() -> states.asOf(instant, events))
                .orElseThrow(() -> new AccountNotFoundException(accountId, instant));
    }

    /**
     * From sequence number 0 rather than {@code readEvents(id)}, which starts from the latest
     * snapshot when there is one: an auditor needs every event.
     */
    private DomainEventStream read(UUID accountId) {
        return eventStore.readEvents(accountId.toString(), 0);
    }
}

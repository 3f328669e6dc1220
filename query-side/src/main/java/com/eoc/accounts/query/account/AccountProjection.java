package com.eoc.accounts.query.account;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link AccountView} in step with the account events. Idempotent: an event whose sequence
 * number the row has already reached is a replay and changes nothing, so a redelivered batch or
 * a replay over existing rows leaves the same view.
 *
 * <p>A batch of events reads the rows it touches in one query ({@link ViewsOfBatch}) and writes
 * them back in JDBC batches at commit: a replay costs a few statements per hundred events, not
 * two per event.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
class AccountProjection {

    static final String PROCESSING_GROUP = "accounts";


    private final AccountViewRepository accounts;

    AccountProjection(AccountViewRepository accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(AccountRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        if (views().find(event.accountId()).isPresent()) {
            return;
        }
        views().add(accounts.save(AccountView.registeredBy(event, version, at)));
    }

    /**
     * Every later event of an account, each folded in by {@link AccountView#apply}: Axon calls the
     * most specific handler, so a registration goes to the one above.
     */
    @EventHandler
    void on(AccountEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        update(event, version, at);
    }

    @ResetHandler
    void reset() {
        accounts.deleteAllInBatch();
    }

    private void update(AccountEvent event, long version, Instant at) {
        UUID accountId = event.accountId();
        // The registration comes first in the same segment (and if it failed, the dead-letter queue
        // holds the account's later events behind it): no row means a damaged view. Fail, so the
        // event is parked for an operator instead of silently lost.
        AccountView view = views().find(accountId).orElseThrow(() -> new IllegalStateException(
                "event " + version + " of account " + accountId + " has no view to apply to: replay the view"));
        if (view.hasApplied(version)) {
            return;
        }
        view.apply(event, version, at);
        accounts.save(view);
    }

    /** The rows of the batch being handled, read in one query (or one by one outside a batch). */
    private ViewsOfBatch views() {
        return ViewsOfBatch.current(accounts);
    }
}

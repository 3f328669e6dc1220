package com.eoc.accounts.query.account;

import com.eoc.accounts.events.AccountEvent;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The account views that one batch of events touches, read in one query when the batch's first
 * event is handled, instead of one query per event. The rows are entities of the batch's
 * transaction, so what the handlers change is written back at its commit, in JDBC batches.
 *
 * <p>Kept as a resource of the batch's unit of work, so it lives exactly as long as the batch: a
 * batch that is rolled back and retried reads its rows again. Outside a unit of work (a test
 * calling the projection directly) each look-up is a query of its own.
 */
final class ViewsOfBatch {

    private static final String RESOURCE = ViewsOfBatch.class.getName();

    private final AccountViewRepository accounts;
    /** The accounts whose rows were read in advance: an id among them without a row has none. */
    private final Set<UUID> read;
    private final Map<UUID, AccountView> rows = new HashMap<>();

    private ViewsOfBatch(AccountViewRepository accounts, Set<UUID> read) {
        this.accounts = accounts;
        this.read = read;
        if (!read.isEmpty()) {
            accounts.findAllOf(read).forEach(this::add);
        }
    }

    static ViewsOfBatch current(AccountViewRepository accounts) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ViewsOfBatch(accounts, Set.of());
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(RESOURCE, key -> new ViewsOfBatch(accounts, accountsOf(unitOfWork)));
    }

    /**
     * The accounts of every event in the unit of work: a processor's batch, or the one event of a
     * dead letter being retried.
     */
    private static Set<UUID> accountsOf(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages() : Collections.singletonList(unitOfWork.getMessage());
        Set<UUID> accountIds = new HashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof EventMessage<?> event && event.getPayload() instanceof AccountEvent accountEvent) {
                accountIds.add(accountEvent.accountId());
            }
        }
        return accountIds;
    }

    Optional<AccountView> find(UUID accountId) {
        AccountView row = rows.get(accountId);
        if (row != null || read.contains(accountId)) {
            return Optional.ofNullable(row);
        }
        return accounts.findById(accountId);
    }

    /** A row the batch has just created. */
    void add(AccountView view) {
        rows.put(view.getAccountId(), view);
    }
}

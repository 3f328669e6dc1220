package com.eoc.accounts.command.account;

import com.eoc.accounts.platform.eventstore.StreamHeads;
import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Axon's caching repository of accounts, which decides a command on a cached account only when
 * that account is as the event store holds it: its version must equal the account's last
 * sequence number in the store ({@link StreamHeads}, what {@link EventStore#lastSequenceNumberFor}
 * answers, with the chain link that the command's new event follows), read in the command's own
 * transaction. Otherwise the entry is dropped and the account is read from its events.
 *
 * <p>Why: each command-side node keeps its own cache, and nothing tells it of another node's
 * writes. The event table's unique (aggregate, sequence) key stops a stale node from writing,
 * but not from answering wrongly: "no token" for the token another node has just issued, "a
 * live token exists" for one it has deleted, 412 with an old {@code currentVersion}, the old
 * version for a change that needs no event, or a conflict where there was no race. The check is
 * one read of that key's index per command on a cached account; a write by another node after
 * the check is still refused by the key (409 concurrent-modification). See
 * {@code docs/decisions/0005-coherent-command-side.md}.
 */
@Component(AccountRepository.BEAN_NAME)
class AccountRepository extends CachingEventSourcingRepository<Account> {

    static final String BEAN_NAME = "accountRepository";

    private final StreamHeads heads;
    private final Cache cache;

    AccountRepository(EventStore eventStore, StreamHeads heads, @Qualifier("accountCache") Cache cache,
                      ParameterResolverFactory parameterResolverFactory, HandlerDefinition handlerDefinition) {
        super(EventSourcingRepository.builder(Account.class)
                .eventStore(eventStore)
                .cache(cache)
                // the application's resolvers, so that command handlers get their Spring beans
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition));
        this.heads = heads;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<Account> doLoadWithLock(String accountId, Long expectedVersion) {
        boolean cached = cache.containsKey(accountId);
        EventSourcedAggregate<Account> account = super.doLoadWithLock(accountId, expectedVersion);
        if (cached && !Objects.equals(account.version(), heads.lastSequenceNumberFor(accountId).orElse(null))) {
            cache.remove(accountId);
            return super.doLoadWithLock(accountId, expectedVersion);
        }
        return account;
    }
}

package com.eoc.accounts.query.account;

import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * An account as it stood at an instant, rebuilt from its own events with the fold the projection
 * uses ({@link AccountView#registeredBy}, {@link AccountView#apply}), in the shape of
 * {@code GET /api/accounts/{id}}. The view built here is never persisted: the present lives in
 * the projection's table, the past only in the event store.
 */
@Component
public class AccountStates {

    private final TokenExpiry tokenExpiry;

    AccountStates(TokenExpiry tokenExpiry) {
        this.tokenExpiry = tokenExpiry;
    }

    /**
     * Folds the account's events, in sequence order, up to and including {@code instant}; the
     * first event stamped later ends the fold, so the answer is always a state the account really
     * went through. The token's status and days left are judged as of {@code instant} too.
     *
     * @return empty when the account was not registered yet at {@code instant}
     */
    public Optional<AccountResponse> asOf(Instant instant, Iterator<? extends DomainEventMessage<?>> events) {
        AccountView state = null;
        while (events.hasNext()) {
            DomainEventMessage<?> message = events.next();
            if (message.getTimestamp().isAfter(instant)) {
                break;
            }
            if (!(message.getPayload() instanceof AccountEvent event)) {
                continue; // an event type this side does not know: it changes nothing it shows
            }
            if (state == null) {
                state = AccountView.registeredBy(registration(event, message), message.getSequenceNumber(),
                        message.getTimestamp());
            } else {
                state.apply(event, message.getSequenceNumber(), message.getTimestamp());
            }
        }
        return Optional.ofNullable(state).map(view -> AccountResponse.of(view, tokenExpiry.at(instant)));
    }

    private static AccountRegistered registration(AccountEvent event, DomainEventMessage<?> message) {
        if (event instanceof AccountRegistered registered) {
            return registered;
        }
        throw new IllegalStateException("the events of account " + message.getAggregateIdentifier()
                + " do not start with its registration but with " + event.getClass().getSimpleName());
    }
}

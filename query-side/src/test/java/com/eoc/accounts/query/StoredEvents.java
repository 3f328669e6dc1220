package com.eoc.accounts.query;

import com.eoc.accounts.events.AccountEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/** Events of one account as the command side's aggregate stores them, for tests to append. */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** Consecutive sequence numbers from {@code firstSequence}, each event a millisecond after the one before. */
    public static List<DomainEventMessage<?>> of(UUID accountId, long firstSequence, Instant firstAt,
                                                 List<? extends AccountEvent> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("Account", accountId.toString(), firstSequence + i,
                    events.get(i), Map.of("actor", "integration-test"), UUID.randomUUID().toString(),
                    firstAt.plusMillis(i)));
        }
        return messages;
    }
}

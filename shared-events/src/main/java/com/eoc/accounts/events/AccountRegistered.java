package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AccountRegistered(UUID accountId, String firstName, String lastName, String email)
        implements AccountEvent {
}

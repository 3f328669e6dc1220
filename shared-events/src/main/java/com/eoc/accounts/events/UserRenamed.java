package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserRenamed(UUID accountId, @PersonalData String firstName, @PersonalData String lastName)
        implements AccountEvent {
}

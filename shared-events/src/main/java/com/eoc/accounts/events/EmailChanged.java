package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EmailChanged(UUID accountId, @PersonalData String email) implements AccountEvent {
}
